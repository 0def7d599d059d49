/**
 * The viewer's "train from scratch": the training engine runs in a Web Worker where the page's
 * backend can run there (else on the page's thread, in slices), and this module keeps what the
 * page shows: losses, their smoothed curve, evaluations, training time without pauses, the step
 * and time at which 97% was first reached (data-held-out-accuracy, data-reached97-ms), and where
 * it trains (data-trains-in: worker or main).
 *
 * Lifecycle: started by the run with its signal (reset, removal: the worker stops at its next
 * step); advance() is one round; dispose() terminates the worker.
 */
import type { MnistData } from '../../data/mnist-format.ts';
import type { CnnWeights, ParameterName } from '../../engines/cnn/architecture.ts';
import type { Evaluation } from '../../engines/cnn/cnn-trainer.ts';
import type { CnnTrainingInit, CnnTrainingResult, CnnTrainingRound } from '../../engines/cnn/cnn-training-engine.ts';
import { startEngine } from '../../tf/engine-thread.ts';
import { demoEngine } from '../demo-worker.ts';
import type { SettingsOf } from '../settings.ts';
import type { DemoContext } from '../types.ts';
import { appendSmoothed, gapBefore, planRound, stepsPerRound } from './rounds.ts';
import { EVAL_DIGITS, GOAL, type CNN_VIEWER_SPEC } from './spec.ts';

type Spec = typeof CNN_VIEWER_SPEC;
/** Wall time of one round: a worker can take longer ones (the page never waits on them). */
const ROUND_MS = { worker: 400, main: 100 };

export interface ViewerTraining {
  readonly where: 'worker' | 'main';
  readonly step: number;
  readonly losses: readonly number[];
  readonly smoothed: readonly number[];
  readonly evaluations: readonly Evaluation[];
  readonly reached: { step: number; ms: number } | undefined;
  readonly trainingMs: number;
  /** One round; `weights` come back when the figure is due a refresh (an evaluation, 1 s, or a
   *  step the reader asked for: each click must show what it changed). */
  advance(requested: number, settings: SettingsOf<Spec>, byReader: boolean): Promise<{ more: boolean; weights?: Record<ParameterName, Float32Array> }>;
  stepsPerFrame(): number;
  offThreadTensors(): number;
  dispose(): void;
}

export async function startViewerTraining(context: DemoContext<Spec>, data: MnistData, initial: CnnWeights): Promise<ViewerTraining> {
  const { settings, root } = context;
  const trainCount = data.manifest.trainCount;
  const init: CnnTrainingInit = { images: data.images, labels: data.labels, trainCount, heldOut: { start: trainCount, count: EVAL_DIGITS }, initial, seed: settings.seed, batchSize: settings.batch };
  const engine = await startEngine<CnnTrainingInit, CnnTrainingRound, CnnTrainingResult>({
    tf: context.tf, backend: context.backend, signal: context.signal, init,
    ...demoEngine('cnn-training', 'ConvNet training'),
  });
  root.dataset['trainsIn'] = engine.where;
  const losses: number[] = [];
  const smoothed: number[] = [];
  const evaluations: Evaluation[] = [];
  let step = 0;
  // Unknown until the first round (one step: a GPU's first steps compile their shaders, seconds each).
  let msPerStep: number | undefined;
  let trainingMs = 0;
  let lastEnd = 0;
  let lastRefresh = 0;
  let reached: { step: number; ms: number } | undefined;

  return {
    where: engine.where,
    get step() { return step; },
    losses, smoothed, evaluations,
    get reached() { return reached; },
    get trainingMs() { return trainingMs; },
    async advance(requested, now, byReader) {
      if (step >= now.steps) return { more: false };
      const started = performance.now();
      const plan = planRound(step, now.steps, requested);
      const refresh = byReader || plan.evaluate || started - lastRefresh > 1000;
      const schedule = { learningRate: now.lr, decay: now.decay, augment: now.augment };
      const result = await engine.request({ steps: plan.steps, schedule, evaluate: plan.evaluate, weights: refresh });
      const ended = performance.now();
      const measured = (ended - started) / plan.steps;
      msPerStep = msPerStep === undefined ? measured : 0.7 * msPerStep + 0.3 * measured;
      step = result.step;
      losses.push(...result.losses);
      appendSmoothed(smoothed, result.losses);
      const ms = trainingMs + gapBefore(lastEnd, started) + ended - started;
      if (result.evaluation) {
        evaluations.push(result.evaluation);
        root.dataset['heldOutAccuracy'] = String(result.evaluation.accuracy);
        if (!reached && result.evaluation.accuracy >= GOAL) {
          reached = { step, ms };
          root.dataset['reached97Ms'] = String(Math.round(ms));
        }
      }
      if (refresh) lastRefresh = ended;
      trainingMs = ms;
      lastEnd = ended;
      return { more: step < now.steps, ...(result.weights ? { weights: result.weights } : {}) };
    },
    stepsPerFrame: () => (msPerStep === undefined ? 1 : stepsPerRound(msPerStep, ROUND_MS[engine.where])),
    offThreadTensors: () => engine.offThreadTensors(),
    dispose() {
      engine.dispose();
      delete root.dataset['trainsIn'];
    },
  };
}
