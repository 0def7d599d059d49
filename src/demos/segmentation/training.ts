/** The segmentation demo's training (scene-training.ts): the page keeps the predicted map of the scene shown. */
import type { SegmenterInit, SegmenterReply } from '../../engines/segmentation/segmenter-engine.ts';
import { demoEngine } from '../demo-worker.ts';
import { startSceneTraining } from '../scene-training.ts';
import type { DemoContext } from '../types.ts';
import type { SEGMENTATION_SPEC } from './spec.ts';

export const startSegmenterTraining = (context: DemoContext<typeof SEGMENTATION_SPEC>, init: SegmenterInit) =>
  startSceneTraining<SegmenterInit, SegmenterReply>(context, {
    init,
    ...demoEngine('segmenter', 'Segmenter training'),
  });

export type SegmenterTraining = Awaited<ReturnType<typeof startSegmenterTraining>>;
