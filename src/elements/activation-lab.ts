/** <activation-lab>: per-layer activation and gradient statistics of a deep net at initialization (Lecture 6). */
import { DemoElement } from './demo-element.ts';
import { ACTIVATION_LAB_SPEC } from '../demos/activation-lab/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class ActivationLabElement extends DemoElement<typeof ACTIVATION_LAB_SPEC> {
  protected readonly spec = ACTIVATION_LAB_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof ACTIVATION_LAB_SPEC>> {
    return (await import('../demos/activation-lab/run.ts')).createActivationLabRun;
  }
}

if (!customElements.get('activation-lab')) customElements.define('activation-lab', ActivationLabElement);
