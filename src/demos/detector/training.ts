/** The detector demo's training (scene-training.ts): the page keeps the raw outputs of the scene shown. */
import type { DetectorInit, DetectorReply } from '../../engines/detection/detector-engine.ts';
import { startSceneTraining } from '../scene-training.ts';
import { demoEngine } from '../demo-worker.ts';
import type { DemoContext } from '../types.ts';
import type { DETECTOR_SPEC } from './spec.ts';

export const startDetectorTraining = (context: DemoContext<typeof DETECTOR_SPEC>, init: DetectorInit) =>
  startSceneTraining<DetectorInit, DetectorReply>(context, {
    init,
    ...demoEngine('detector', 'Detector training'),
  });

export type DetectorTraining = Awaited<ReturnType<typeof startDetectorTraining>>;
