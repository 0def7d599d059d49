/** <vae-manifold>: the decoded manifold and the latent plane of a 2-D VAE trained on MNIST (Lecture 13). */
import { DemoElement } from './demo-element.ts';
import { VAE_MANIFOLD_SPEC } from '../demos/vae-manifold/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class VaeManifoldElement extends DemoElement<typeof VAE_MANIFOLD_SPEC> {
  protected readonly spec = VAE_MANIFOLD_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof VAE_MANIFOLD_SPEC>> {
    return (await import('../demos/vae-manifold/run.ts')).createVaeManifoldRun;
  }
}

if (!customElements.get('vae-manifold')) customElements.define('vae-manifold', VaeManifoldElement);
