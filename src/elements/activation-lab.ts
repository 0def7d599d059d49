/** <activation-lab>: per-layer activation and gradient statistics of a deep net at initialization (Lecture 6). */
import { DemoElement } from './demo-element.ts';
import { ACTIVATION_LAB_SPEC } from '../demos/activation-lab/spec.ts';
import type { Settings } from '../demos/settings.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class ActivationLabElement extends DemoElement<typeof ACTIVATION_LAB_SPEC> {
  protected readonly spec = ACTIVATION_LAB_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof ACTIVATION_LAB_SPEC>> {
    return (await import('../demos/activation-lab/run.ts')).createActivationLabRun;
  }

  #listening: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listening = new AbortController();
    // The button picks the overfitting mode through the mode menu, as a reader's choice would.
    this.querySelector('[data-overfit]')?.addEventListener('click', () => {
      const mode = this.querySelector<HTMLSelectElement>('select[data-setting="mode"]');
      if (!mode) return;
      if (mode.value === 'overfit') {
        this.querySelector<HTMLButtonElement>('button[data-action="reset"]')?.click();
        return;
      }
      mode.value = 'overfit';
      mode.dispatchEvent(new Event('change', { bubbles: true }));
    }, { signal: this.#listening.signal });
  }

  override disconnectedCallback(): void {
    this.#listening?.abort();
    super.disconnectedCallback();
  }

  /** Controls and figures show only in the modes their data-when names. */
  protected override onSettingsShown(settings: Settings): void {
    const mode = String(settings['mode']);
    this.querySelectorAll<HTMLElement>('[data-when]').forEach((element) => {
      element.hidden = !(element.dataset['when'] ?? '').split(' ').includes(mode);
    });
  }
}

if (!customElements.get('activation-lab')) customElements.define('activation-lab', ActivationLabElement);
