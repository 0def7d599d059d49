/** <segmentation-demo>: transposed convolution mechanics and an encoder-decoder trained on scenes of digits (Lecture 11). */
import { DemoElement } from './demo-element.ts';
import { SEGMENTATION_SPEC } from '../demos/segmentation/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class SegmentationElement extends DemoElement<typeof SEGMENTATION_SPEC> {
  protected readonly spec = SEGMENTATION_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof SEGMENTATION_SPEC>> {
    return (await import('../demos/segmentation/run.ts')).createSegmentationRun;
  }
}

if (!customElements.get('segmentation-demo')) customElements.define('segmentation-demo', SegmentationElement);
