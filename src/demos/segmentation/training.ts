/** The segmentation demo's training (scene-training.ts): the page keeps the predicted map of the scene shown. */
import { createSegmenterEngine, type SegmenterInit, type SegmenterReply } from '../../engines/segmentation/segmenter-engine.ts';
import { startSceneTraining } from '../scene-training.ts';
import type { DemoContext } from '../types.ts';
import type { SEGMENTATION_SPEC } from './spec.ts';

export const startSegmenterTraining = (context: DemoContext<typeof SEGMENTATION_SPEC>, init: SegmenterInit) =>
  startSceneTraining<SegmenterInit, SegmenterReply>(context, {
    init,
    worker: () => new Worker(new URL('./segmentation.worker.ts', import.meta.url), { type: 'module', name: 'Segmenter training' }),
    local: async () => createSegmenterEngine,
  });

export type SegmenterTraining = Awaited<ReturnType<typeof startSegmenterTraining>>;
