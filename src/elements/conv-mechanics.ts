/** <conv-mechanics>: a convolution or pooling layer computed step by step (Lecture 5). */
import { DemoElement } from './demo-element.ts';
import type { Settings } from '../demos/settings.ts';
import { CONV_MECHANICS_SPEC } from '../demos/conv-mechanics/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class ConvMechanicsElement extends DemoElement<typeof CONV_MECHANICS_SPEC> {
  protected readonly spec = CONV_MECHANICS_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof CONV_MECHANICS_SPEC>> {
    return (await import('../demos/conv-mechanics/run.ts')).createConvMechanicsRun;
  }

  /** Filters and dilation belong to a convolution; pooling has neither. */
  protected override onSettingsShown(settings: Settings): void {
    const kind = settings['mode'] === 'conv' ? 'conv' : 'pool';
    this.querySelectorAll<HTMLElement>('[data-when]').forEach((element) => {
      element.hidden = element.dataset['when'] !== kind;
    });
  }
}

if (!customElements.get('conv-mechanics')) customElements.define('conv-mechanics', ConvMechanicsElement);
