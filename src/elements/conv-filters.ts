/** <conv-filters>: classic kernels, a Gabor bank and the reader's kernel on images (Lecture 5). */
import { DemoElement } from './demo-element.ts';
import type { Settings } from '../demos/settings.ts';
import type { KeptInput } from '../demos/conv-filters/source.ts';
import { CONV_FILTERS_SPEC } from '../demos/conv-filters/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class ConvFiltersElement extends DemoElement<typeof CONV_FILTERS_SPEC> {
  protected readonly spec = CONV_FILTERS_SPEC;
  /** The opened file and the drawing outlive a run (a backend change builds a new one). */
  readonly #kept: KeptInput = {};

  protected async loadRun(): Promise<CreateDemoRun<typeof CONV_FILTERS_SPEC>> {
    const { createConvFiltersRun } = await import('../demos/conv-filters/run.ts');
    return (context) => createConvFiltersRun(context, this.#kept);
  }

  /** Parts tagged data-when="setting:value" show only while that setting has that value. */
  protected override onSettingsShown(settings: Settings): void {
    this.querySelectorAll<HTMLElement>('[data-when]').forEach((element) => {
      const [key, value] = (element.dataset['when'] ?? '').split(':');
      element.hidden = String(settings[key ?? '']) !== value;
    });
    const editor = this.querySelector<HTMLElement>('[data-custom]');
    if (editor) editor.dataset['size'] = String(settings['customSize']);
  }
}

if (!customElements.get('conv-filters')) customElements.define('conv-filters', ConvFiltersElement);
