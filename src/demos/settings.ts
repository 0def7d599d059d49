/**
 * Demo settings: each demo declares its settings once (kind, range, default, label). The same
 * declaration renders the controls at build time, validates what the reader types (out-of-range
 * values are clamped and NaN refused, with a message), and encodes the run in the URL hash.
 */

interface BaseSpec {
  label: string;
  /** One line shown under the control: the formula or effect it changes. */
  help?: string;
  /** Changing it restarts the run (a new problem) rather than tuning the running one. */
  restarts?: boolean;
}
export interface NumberSpec extends BaseSpec {
  kind: 'number';
  min: number;
  max: number;
  step: number;
  default: number;
}
export interface IntSpec extends BaseSpec {
  kind: 'int';
  min: number;
  max: number;
  step?: number;
  default: number;
}
export interface ChoiceSpec extends BaseSpec {
  kind: 'choice';
  options: readonly { value: string; label: string }[];
  default: string;
  /** Former values (old links) and the option each now means. */
  aliases?: Readonly<Record<string, string>>;
}
export interface BoolSpec extends BaseSpec {
  kind: 'bool';
  default: boolean;
}
/** Free text with a fixed grammar (e.g. drawn points "x,y;x,y"), kept only if it matches. */
export interface TextSpec extends BaseSpec {
  kind: 'text';
  pattern: RegExp;
  maxLength: number;
  default: string;
  /** A check beyond the pattern (e.g. that an expression parses): the problem in words, or undefined. */
  check?: (text: string) => string | undefined;
}
export type SettingSpec = NumberSpec | IntSpec | ChoiceSpec | BoolSpec | TextSpec;
export type SettingsSpec = Record<string, SettingSpec>;
export type SettingValue = number | string | boolean;
export type Settings = Record<string, SettingValue>;

/** The value a run receives for one setting: a choice narrowed to its options, a number, ... */
export type SettingType<T extends SettingSpec> = T extends { kind: 'choice'; options: readonly { value: infer V }[] }
  ? V
  : T extends { kind: 'bool' }
    ? boolean
    : T extends { kind: 'text' }
      ? string
      : number;

/** The typed, validated settings of a demo whose spec is `S` (declared with defineSettings). */
export type SettingsOf<S extends SettingsSpec> = { -readonly [K in keyof S]: SettingType<S[K]> };

/**
 * Declares a demo's settings keeping their literal types, so its run reads `settings.model` as
 * `'linear-svm' | 'mlp'` and `settings.steps` as a number: no casts, no fallbacks in runs
 * (every value has already passed coerceSetting).
 */
export function defineSettings<const S extends SettingsSpec>(spec: S): S {
  return spec;
}

export function defaultsOf(spec: SettingsSpec): Settings {
  return Object.fromEntries(Object.entries(spec).map(([key, s]) => [key, s.default]));
}

/** The defaults of a spec declared with defineSettings, typed as its run receives them. */
export function defaultSettings<S extends SettingsSpec>(spec: S): SettingsOf<S> {
  // Each default is of its own setting's kind (a choice's default is one of its options).
  return defaultsOf(spec) as SettingsOf<S>;
}

export interface Coerced {
  value: SettingValue;
  /** Set when the input was refused or changed, to tell the reader. */
  problem?: string;
}

/** Turns what the reader typed (or the URL said) into a valid value, or keeps `fallback`. */
export function coerceSetting(spec: SettingSpec, raw: string | boolean, fallback: SettingValue): Coerced {
  switch (spec.kind) {
    case 'bool':
      return { value: raw === true || raw === 'true' || raw === '1' || raw === 'on' };
    case 'text': {
      const text = String(raw);
      if (text.length > spec.maxLength) return { value: fallback, problem: `${spec.label}: too long (${text.length} characters, at most ${spec.maxLength}); kept the previous value.` };
      if (!spec.pattern.test(text)) return { value: fallback, problem: `${spec.label}: "${text.slice(0, 40)}" is not in the expected form; kept the previous value.` };
      const problem = spec.check?.(text);
      if (problem) return { value: fallback, problem: `${spec.label}: ${problem}; kept the previous value.` };
      return { value: text };
    }
    case 'choice': {
      if (spec.options.some((o) => o.value === raw)) return { value: String(raw) };
      const alias = spec.aliases?.[String(raw)];
      if (alias !== undefined && spec.options.some((o) => o.value === alias)) return { value: alias };
      return { value: fallback, problem: `${spec.label}: "${String(raw)}" is not one of the choices; kept ${String(fallback)}.` };
    }
    case 'number':
    case 'int': {
      const text = String(raw).trim();
      const number = text === '' ? Number.NaN : Number(text);
      if (!Number.isFinite(number)) {
        return { value: fallback, problem: `${spec.label}: "${text}" is not a number; kept ${String(fallback)}.` };
      }
      let value = spec.kind === 'int' ? Math.round(number) : number;
      let problem: string | undefined;
      if (value < spec.min || value > spec.max) {
        const clamped = Math.min(spec.max, Math.max(spec.min, value));
        problem = `${spec.label}: ${text} is outside ${spec.min} to ${spec.max}; using ${clamped}.`;
        value = clamped;
      }
      return problem ? { value, problem } : { value };
    }
  }
}

/** URL form of the settings that differ from the defaults, keys prefixed by the demo id. */
export function encodeSettings(demoId: string, spec: SettingsSpec, settings: Settings): [string, string][] {
  return Object.entries(spec)
    .filter(([key, s]) => settings[key] !== s.default)
    .map(([key]) => [`${demoId}.${key}`, String(settings[key])]);
}

export function decodeSettings(demoId: string, spec: SettingsSpec, params: URLSearchParams): { settings: Settings; problems: string[] } {
  const settings = defaultsOf(spec);
  const problems: string[] = [];
  for (const [key, s] of Object.entries(spec)) {
    const raw = params.get(`${demoId}.${key}`);
    if (raw === null) continue;
    const { value, problem } = coerceSetting(s, raw, s.default);
    settings[key] = value;
    if (problem) problems.push(problem);
  }
  return { settings, problems };
}
