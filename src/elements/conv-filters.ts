/** <conv-filters>: classic kernels, a Gabor bank and the reader's kernel on images (Lecture 5). */
import { DemoElement } from './demo-element.ts';
import type { Settings } from '../demos/settings.ts';
import { CONV_FILTERS_SPEC } from '../demos/conv-filters/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class ConvFiltersElement extends DemoElement {
  protected readonly spec = CONV_FILTERS_SPEC;

  protected async loadRun(): Promise<CreateDemoRun> {
    return (await import('../demos/conv-filters/run.ts')).createConvFiltersRun;
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
