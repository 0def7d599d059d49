/** <sliding-window-demo>: a digit classifier slid over a scene, and the same network made fully convolutional (Lecture 11). */
import { DemoElement } from './demo-element.ts';
import { SLIDING_SPEC } from '../demos/sliding-window/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class SlidingWindowElement extends DemoElement<typeof SLIDING_SPEC> {
  protected readonly spec = SLIDING_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof SLIDING_SPEC>> {
    return (await import('../demos/sliding-window/run.ts')).createSlidingWindowRun;
  }
}

if (!customElements.get('sliding-window-demo')) customElements.define('sliding-window-demo', SlidingWindowElement);
