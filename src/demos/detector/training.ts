/** The detector demo's training (scene-training.ts): the page keeps the raw outputs of the scene shown. */
import { createDetectorEngine, type DetectorInit, type DetectorReply } from '../../engines/detection/detector-engine.ts';
import { startSceneTraining } from '../scene-training.ts';
import type { DemoContext } from '../types.ts';
import type { DETECTOR_SPEC } from './spec.ts';

export const startDetectorTraining = (context: DemoContext<typeof DETECTOR_SPEC>, init: DetectorInit) =>
  startSceneTraining<DetectorInit, DetectorReply>(context, {
    init,
    worker: () => new Worker(new URL('./detector.worker.ts', import.meta.url), { type: 'module', name: 'Detector training' }),
    local: async () => createDetectorEngine,
  });

export type DetectorTraining = Awaited<ReturnType<typeof startDetectorTraining>>;
