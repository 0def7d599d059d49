/**
 * Every engine a demo runs in a Web Worker, by name. One worker entry (demo.worker.ts) serves
 * them all and imports an engine only when a page asks for it: the build bundles tfjs for workers
 * once (one worker entry per demo cost about 7 s of build time each). The page's thread imports
 * the same entry when no worker can start (demo-worker.ts), so both threads run the same code.
 * A new engine is one line here.
 */
import type { ServedEngines } from '../tf/worker-serve.ts';

export const WORKER_ENGINES = {
  'activation-lab-sweep': () => import('../engines/activation-lab/sweep-engine.ts').then((m) => m.createSweepEngine),
  'activation-lab-training': () => import('../engines/activation-lab/training-engine.ts').then((m) => m.createTrainingEngine),
  'architecture-timing': () => import('../engines/architectures/timing-engine.ts').then((m) => m.createTimingEngine),
  'backend-bench': () => import('../engines/backend-bench/bench-engine.ts').then((m) => m.createBenchEngine),
  'char-rnn': () => import('../engines/char-rnn/char-rnn-engine.ts').then((m) => m.createCharRnnEngine),
  'cnn-training': () => import('../engines/cnn/cnn-training-engine.ts').then((m) => m.createCnnTrainingEngine),
  detector: () => import('../engines/detection/detector-engine.ts').then((m) => m.createDetectorEngine),
  knn: () => import('../engines/knn/knn-engine.ts').then((m) => m.createKnnEngine),
  'linear-classifier': () => import('../engines/linear-classifier/linear-engine.ts').then((m) => m.createLinearEngine),
  'residual-race': () => import('../engines/residual-race/race-engine.ts').then((m) => m.createRaceEngine),
  'rnn-gradient-flow': () => import('../engines/char-rnn/gradient-flow.ts').then((m) => m.createFlowEngine),
  segmenter: () => import('../engines/segmentation/segmenter-engine.ts').then((m) => m.createSegmenterEngine),
  spiral: () => import('../engines/spiral/spiral-engine.ts').then((m) => m.createSpiralEngine),
};
// Checked here, not on the declaration: there it would widen each engine's own types.
WORKER_ENGINES satisfies ServedEngines;

export type WorkerEngineName = keyof typeof WORKER_ENGINES;
