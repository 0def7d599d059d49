/** <gradient-check>: analytic gradients against centred differences (Assignment 2). */
import { DemoElement } from './demo-element.ts';
import { GRADIENT_CHECK_SPEC } from '../demos/gradient-check/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class GradientCheckElement extends DemoElement<typeof GRADIENT_CHECK_SPEC> {
  protected readonly spec = GRADIENT_CHECK_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof GRADIENT_CHECK_SPEC>> {
    return (await import('../demos/gradient-check/run.ts')).createGradientCheckRun;
  }
}

if (!customElements.get('gradient-check')) customElements.define('gradient-check', GradientCheckElement);
