/** <detector-demo>: IoU, NMS and a one-stage grid detector trained on scenes of digits (Lecture 11). */
import { DemoElement } from './demo-element.ts';
import { DETECTOR_SPEC } from '../demos/detector/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class DetectorElement extends DemoElement<typeof DETECTOR_SPEC> {
  protected readonly spec = DETECTOR_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof DETECTOR_SPEC>> {
    return (await import('../demos/detector/run.ts')).createDetectorRun;
  }
}

if (!customElements.get('detector-demo')) customElements.define('detector-demo', DetectorElement);
