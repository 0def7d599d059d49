/** <gan-2d>: a GAN on 2-D points trained in the page (Lecture 13). */
import { DemoElement } from './demo-element.ts';
import { GAN_2D_SPEC } from '../demos/gan-2d/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class Gan2dElement extends DemoElement<typeof GAN_2D_SPEC> {
  protected readonly spec = GAN_2D_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof GAN_2D_SPEC>> {
    return (await import('../demos/gan-2d/run.ts')).createGan2dRun;
  }
}

if (!customElements.get('gan-2d')) customElements.define('gan-2d', Gan2dElement);
