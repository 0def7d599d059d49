/**
 * The linear classifier's training: the engine in a Web Worker where the backend runs there (else
 * on the page's thread, in slices), and what the page keeps of it: the loss of every step, the
 * training and validation accuracy after every round, the latest W, the held-out test accuracy
 * once the run ends, and the validation accuracy of each sweep cell.
 */
import type { MnistData } from '../../data/mnist-format.ts';
import type { LossKind } from '../../engines/loss-landscape/losses.ts';
import { linearSplits } from '../../engines/linear-classifier/linear-data.ts';
import type { LinearInit, LinearReply, LinearRequest } from '../../engines/linear-classifier/linear-engine.ts';
import type { Hyper } from '../../engines/linear-classifier/linear-trainer.ts';
import { startEngine } from '../../tf/engine-thread.ts';
import { demoEngine } from '../demo-worker.ts';
import type { DemoContext } from '../types.ts';
import type { LINEAR_CLASSIFIER_SPEC } from './spec.ts';

/** Wall time of one round: a worker can take longer ones (the page never waits on them). */
const ROUND_MS = { worker: 150, main: 40 };

export interface Evaluation {
  step: number;
  train: number;
  validation: number;
}

export async function startLinearTraining(context: DemoContext<typeof LINEAR_CLASSIFIER_SPEC>, data: MnistData, kind: LossKind) {
  const { settings } = context;
  const init: LinearInit = { images: data.images, labels: data.labels, splits: linearSplits(data.manifest.trainCount, data.manifest.count), kind, batchSize: settings.batch, seed: settings.seed };
  const engine = await startEngine<LinearInit, LinearRequest, LinearReply>({
    tf: context.tf, backend: context.backend, signal: context.signal, init,
    ...demoEngine('linear-classifier', 'Linear classifier training'),
  });
  context.root.dataset['trainsIn'] = engine.where;
  const losses: number[] = [];
  const evaluations: Evaluation[] = [];
  let msPerStep: number | undefined;
  let step = 0;
  let weights: Float32Array | undefined;
  let test: number | undefined;
  return {
    splits: init.splits,
    get step() { return step; },
    losses,
    evaluations,
    get weights() { return weights; },
    get test() { return test; },
    /** One round of about ROUND_MS (or `steps` steps, at most `most`); the last one measures the test accuracy. */
    async round(steps: number | undefined, hyper: Hyper, most: number): Promise<LinearReply> {
      const count = Math.min(most, steps ?? (msPerStep === undefined ? 5 : Math.max(1, Math.min(2000, Math.round(ROUND_MS[engine.where] / msPerStep)))));
      const started = performance.now();
      const reply = await engine.request({ op: 'train', steps: count, hyper, evaluate: true, weights: true, test: count === most });
      const measured = (performance.now() - started) / Math.max(1, count);
      msPerStep = msPerStep === undefined ? measured : 0.7 * msPerStep + 0.3 * measured;
      step = reply.step;
      losses.push(...reply.losses);
      evaluations.push({ step, ...reply.accuracy! });
      weights = reply.weights;
      if (reply.test !== undefined) test = reply.test;
      return reply;
    },
    /** One sweep cell: a fresh W trained `steps` steps; its validation accuracy (NaN if it diverged). */
    async cell(hyper: Hyper, steps: number): Promise<number> {
      const reply = await engine.request({ op: 'cell', steps, hyper });
      return reply.losses.every(Number.isFinite) ? reply.accuracy!.validation : Number.NaN;
    },
    offThreadTensors: () => engine.offThreadTensors(),
    dispose() {
      engine.dispose();
      delete context.root.dataset['trainsIn'];
    },
  };
}

export type LinearTraining = Awaited<ReturnType<typeof startLinearTraining>>;
