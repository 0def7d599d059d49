/** <loss-landscape>: loss slices of a linear classifier and of an MLP (Lecture 3). */
import { DemoElement } from './demo-element.ts';
import type { Settings } from '../demos/settings.ts';
import { LOSS_LANDSCAPE_SPEC } from '../demos/loss-landscape/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class LossLandscapeElement extends DemoElement<typeof LOSS_LANDSCAPE_SPEC> {
  protected readonly spec = LOSS_LANDSCAPE_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof LOSS_LANDSCAPE_SPEC>> {
    return (await import('../demos/loss-landscape/run.ts')).createLossLandscapeRun;
  }

  /** Width and plane apply to the MLP only. */
  protected override onSettingsShown(settings: Settings): void {
    const kind = settings['model'] === 'mlp' ? 'mlp' : 'linear';
    this.querySelectorAll<HTMLElement>('[data-when]').forEach((element) => {
      element.hidden = element.dataset['when'] !== kind;
    });
  }
}

if (!customElements.get('loss-landscape')) customElements.define('loss-landscape', LossLandscapeElement);
