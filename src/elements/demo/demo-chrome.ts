/**
 * The parts of a demo's shell that show its state: status attribute and Play button, the message
 * line, the aria-live summary, the backend badge, and the controls (enabled, showing values).
 * No lifecycle here: the element calls these as its state changes.
 */
import { runtime } from '../../tf/runtime.ts';
import { BACKEND_LABELS, isBackendName } from '../../tf/types.ts';
import type { Settings } from '../../demos/settings.ts';
import type { DemoStatus } from '../../demos/types.ts';

export interface DemoChrome {
  setStatus(status: DemoStatus): void;
  say(message: string): void;
  /** What the message line shows now. */
  said(): string;
  summarize(text: string): void;
  showBackend(): void;
  enableControls(enabled: boolean): void;
  showSettings(settings: Settings): void;
}

export function createDemoChrome(root: HTMLElement): DemoChrome {
  const say = (message: string) => {
    const target = root.querySelector('[data-message]');
    if (target) target.textContent = message;
  };
  return {
    setStatus(status) {
      root.dataset['status'] = status;
      const play = root.querySelector<HTMLButtonElement>('[data-action="play"]');
      if (!play) return;
      play.textContent = status === 'running' ? 'Pause' : status === 'done' ? 'Run again' : 'Play';
      play.setAttribute('aria-pressed', String(status === 'running'));
    },
    say,
    said: () => root.querySelector('[data-message]')?.textContent ?? '',
    summarize(text) {
      const summary = root.querySelector('[data-summary]');
      if (summary) summary.textContent = text;
    },
    showBackend() {
      const backend = runtime.backend;
      if (!backend) return;
      root.dataset['backend'] = backend;
      const select = root.querySelector<HTMLSelectElement>('[data-backend-select]');
      if (select) {
        select.value = backend;
        for (const option of select.options) {
          const reason = isBackendName(option.value) ? runtime.failed.get(option.value) : undefined;
          option.disabled = reason !== undefined;
          option.title = reason ? `Not available: ${reason}` : '';
        }
      }
      if (runtime.notes.length > 0) say(`Running on ${BACKEND_LABELS[backend]}. ${runtime.notes.join(' ')}`);
    },
    enableControls(enabled) {
      root.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>('[data-setting], button[data-action], [data-backend-select]').forEach((control) => {
        control.disabled = !enabled;
      });
    },
    showSettings(settings) {
      root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-setting]').forEach((input) => {
        const value = settings[input.dataset['setting'] ?? ''];
        if (value === undefined) return;
        if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value === true;
        else input.value = String(value);
        const output = root.querySelector<HTMLOutputElement>(`output[data-for="${input.dataset['setting']}"]`);
        if (output) output.value = String(value);
      });
    },
  };
}
