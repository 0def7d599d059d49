/**
 * Pure logic of a settings change: what the reader typed becomes validated values (with a
 * message for each refused or clamped one), derived settings follow (presets), and the change
 * says whether the run must restart. The element applies the result; tests check it in Node.
 */
import { coerceSetting, decodeSettings, type Settings, type SettingsSpec } from './settings.ts';

/** Lets a demo derive settings from a change (a new problem brings its own presets). */
export type AdjustSettings = (changed: string, next: Settings) => Settings;

export interface SettingsChange {
  next: Settings;
  /** One sentence per refused or clamped value, for the reader. */
  problems: string[];
  /** A setting marked `restarts` changed: the run is rebuilt. */
  restart: boolean;
}

export function applySettingsChange(spec: SettingsSpec, current: Settings, changes: Settings, adjust: AdjustSettings = (_, next) => next): SettingsChange {
  let next = { ...current };
  const problems: string[] = [];
  for (const [key, value] of Object.entries(changes)) {
    const setting = spec[key];
    if (!setting) continue;
    const coerced = coerceSetting(setting, typeof value === 'boolean' ? value : String(value), current[key] ?? setting.default);
    if (coerced.problem) problems.push(coerced.problem);
    next[key] = coerced.value;
    next = adjust(key, next);
  }
  const restart = Object.keys(spec).some((key) => spec[key]?.restarts && next[key] !== current[key]);
  return { next, problems, restart };
}

/**
 * Settings from a link: derived settings follow what the link sets, and values the link gives
 * explicitly win over those derived from them.
 */
export function settingsFromLink(demoId: string, spec: SettingsSpec, params: URLSearchParams, adjust: AdjustSettings = (_, next) => next): { settings: Settings; problems: string[] } {
  const { settings: decoded, problems } = decodeSettings(demoId, spec, params);
  const given = Object.keys(spec).filter((key) => params.has(`${demoId}.${key}`));
  let settings = decoded;
  for (const key of given) settings = adjust(key, settings);
  for (const key of given) settings[key] = decoded[key]!;
  return { settings, problems };
}
