/** <spiral-classifier>: softmax linear classifier vs a 2-layer ReLU net on the spiral (Lecture 4). */
import { DemoElement } from './demo-element.ts';
import { SPIRAL_SPEC } from '../demos/spiral-classifier/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class SpiralClassifierElement extends DemoElement<typeof SPIRAL_SPEC> {
  protected readonly spec = SPIRAL_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof SPIRAL_SPEC>> {
    return (await import('../demos/spiral-classifier/run.ts')).createSpiralRun;
  }
}

if (!customElements.get('spiral-classifier')) customElements.define('spiral-classifier', SpiralClassifierElement);
