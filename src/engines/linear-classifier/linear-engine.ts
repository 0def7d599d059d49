/**
 * The linear classifier as rounds of work, the form a Web Worker serves (src/tf/worker-serve.ts)
 * and the page's thread runs where the backend cannot start in a worker (src/tf/engine-thread.ts).
 *
 * - `train`: some SGD steps of the run's classifier with the hyperparameters set now; then, if
 *   asked, its accuracies, its weights and the held-out test accuracy.
 * - `cell`: one cell of a learning rate × regularization sweep: a fresh classifier (same seed)
 *   trained for `steps` steps, its validation accuracy, then discarded.
 * Plain numbers and Float32Arrays cross; tensors never do.
 */
import type { Tf } from '../../tf/types.ts';
import type { ServedEngine } from '../../tf/worker-serve.ts';
import type { LossKind } from '../loss-landscape/losses.ts';
import { createLinearData, type LinearSplits } from './linear-data.ts';
import { createLinearTrainer, type Hyper } from './linear-trainer.ts';

export interface LinearInit {
  images: Uint8Array;
  labels: Uint8Array;
  /** Which digits train, validate and test (linearSplits of the site's MNIST). */
  splits: LinearSplits;
  kind: LossKind;
  batchSize: number;
  seed: number;
}

export type LinearRequest =
  | { op: 'train'; steps: number; hyper: Hyper; evaluate: boolean; weights: boolean; test: boolean }
  | { op: 'cell'; steps: number; hyper: Hyper };

export interface LinearReply {
  /** Steps the run's classifier has taken (a cell leaves it alone). */
  step: number;
  /** The loss of each step of this round (of the cell, for a cell). */
  losses: number[];
  accuracy?: { train: number; validation: number };
  test?: number;
  weights?: Float32Array;
}

export function createLinearEngine(tf: Tf, init: LinearInit, signal: AbortSignal): ServedEngine<LinearRequest, LinearReply> {
  const data = createLinearData(tf, init.images, init.labels, init.splits);
  const options = { tf, data, kind: init.kind, batchSize: init.batchSize, seed: init.seed, signal };
  const trainer = createLinearTrainer(options);
  return {
    async handle(request) {
      if (request.op === 'cell') {
        const cell = createLinearTrainer(options);
        try {
          await cell.train(request.steps, request.hyper);
          return { reply: { step: trainer.step, losses: cell.losses, accuracy: await cell.evaluate() } };
        } finally {
          cell.dispose();
        }
      }
      const before = trainer.losses.length;
      if (request.steps > 0) await trainer.train(request.steps, request.hyper);
      const reply: LinearReply = { step: trainer.step, losses: trainer.losses.slice(before) };
      if (request.evaluate) reply.accuracy = await trainer.evaluate();
      if (request.test) reply.test = await trainer.test();
      if (request.weights) reply.weights = await trainer.weights();
      return { reply, transfer: reply.weights ? [reply.weights.buffer] : [] };
    },
    dispose() {
      trainer.dispose();
      data.dispose();
    },
  };
}
