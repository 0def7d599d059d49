/** <gan-sampler>: samples, interpolation, latent edits and arithmetic of a trained DCGAN (Lecture 13). */
import { DemoElement } from './demo-element.ts';
import { GAN_SAMPLER_SPEC } from '../demos/gan-sampler/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class GanSamplerElement extends DemoElement<typeof GAN_SAMPLER_SPEC> {
  protected readonly spec = GAN_SAMPLER_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof GAN_SAMPLER_SPEC>> {
    return (await import('../demos/gan-sampler/run.ts')).createGanSamplerRun;
  }
}

if (!customElements.get('gan-sampler')) customElements.define('gan-sampler', GanSamplerElement);
