/**
 * A demo's settings as state: one store, filled from the link when the element connects; every
 * change is validated (settings-changes.ts), and the store's subscribers show it in the controls
 * and write it to the URL hash, so a link always reproduces what the reader sees.
 */
import { encodeSettings, type Settings, type SettingsSpec } from '../../demos/settings.ts';
import { applySettingsChange, settingsFromLink, type AdjustSettings, type SettingsChange } from '../../demos/settings-changes.ts';
import { createStore, type Store } from '../../demos/store.ts';
import { hashParams, writeDemoParams } from '../../demos/url-state.ts';

export interface DemoSettings {
  readonly store: Store<Settings>;
  /** Problems with the link's values, for the reader. */
  readonly linkProblems: string[];
  /** Validates and stores `changes`; says what was refused and whether the run must restart. */
  change(changes: Settings): SettingsChange;
  /** Drops the subscriptions (the element left the page). */
  dispose(): void;
}

export function createDemoSettings(demoId: string, spec: SettingsSpec, adjust: AdjustSettings, show: (settings: Settings) => void): DemoSettings {
  const { settings, problems } = settingsFromLink(demoId, spec, hashParams(), adjust);
  const store = createStore(settings);
  show(settings);
  const unsubscribe = [
    store.subscribe(show),
    store.subscribe((next) => writeDemoParams(demoId, encodeSettings(demoId, spec, next))),
  ];
  return {
    store,
    linkProblems: problems,
    change(changes) {
      const result = applySettingsChange(spec, store.get(), changes, adjust);
      store.set(result.next);
      return result;
    },
    dispose: () => unsubscribe.forEach((drop) => drop()),
  };
}
