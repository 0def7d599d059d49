/**
 * A linear classifier trained by minibatch SGD, as in Assignment 1's LinearClassifier.train:
 * sample a batch, compute the loss and its gradient, W ← W − lr·∇W. The gradient is written out
 * as Lecture 3 derives it (dW = Xᵀ G / B + 2λW, with G from scoreGradient) rather than taken by
 * autodiff: the same numbers as the plain reference, and fewer ops per step on wasm.
 *
 * Tensors held: W only (the data belong to LinearData); a step replaces W, so the count is flat.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import { runSliced } from '../../tf/slices.ts';
import { createBatchSampler } from '../mlp/mlp.ts';
import { createRandom } from '../random.ts';
import { perExampleLoss, scoreGradient, type LossKind } from '../loss-landscape/losses.ts';
import { CLASSES, FEATURES, type LinearData, type SplitTensors } from './linear-data.ts';

export interface Hyper {
  learningRate: number;
  lambda: number;
}

export interface LinearTrainerOptions {
  tf: Tf;
  data: LinearData;
  kind: LossKind;
  batchSize: number;
  seed: number;
  signal?: AbortSignal | undefined;
}

/**
 * Full loss (mean data loss + λ ΣW²) and its gradient for W [D x C] on a batch x [B x D]:
 * dW = xᵀ G / B + 2λW. What one SGD step computes; tested on Lecture 3's worked example.
 */
export function linearLossAndGradient(tf: Tf, kind: LossKind, x: Tensor, oneHot: Tensor, w: Tensor, lambda: number): { loss: Tensor; gradient: Tensor } {
  return tf.tidy(() => {
    const scores = tf.matMul(x, w);
    const loss = tf.add(tf.mean(perExampleLoss(tf, kind, scores, oneHot)), tf.mul(lambda, tf.sum(tf.square(w))));
    // xᵀ as its own op: wasm's matMul with transposeA set took about twice as long (measured in Node).
    const gradient = tf.add(tf.matMul(tf.transpose(x), tf.div(scoreGradient(tf, kind, scores, oneHot), x.shape[0]!)), tf.mul(2 * lambda, w));
    return { loss, gradient };
  });
}

/** The rows of a minibatch and their one-hot labels, copied out of the preprocessed training digits. */
function copyBatch(data: LinearData, indices: Int32Array): { x: Float32Array; oneHot: Float32Array } {
  const x = new Float32Array(indices.length * FEATURES);
  const oneHot = new Float32Array(indices.length * CLASSES);
  indices.forEach((index, row) => {
    x.set(data.trainX.subarray(index * FEATURES, (index + 1) * FEATURES), row * FEATURES);
    oneHot[row * CLASSES + data.trainLabels[index]!] = 1;
  });
  return { x, oneHot };
}

/** The initial W of the assignment: 0.001·N(0, 1), seeded. */
export function initialWeights(seed: number): Float32Array {
  const random = createRandom(seed);
  return Float32Array.from({ length: FEATURES * CLASSES }, () => 0.001 * random.normal());
}

export function createLinearTrainer(options: LinearTrainerOptions) {
  const { tf, data, kind, batchSize } = options;
  // The minibatch order has its own stream, so the same seed gives the same W and the same batches.
  const sample = createBatchSampler(data.trainLabels.length, batchSize, createRandom(options.seed + 1));
  let w: Tensor = tf.tensor2d(initialWeights(options.seed), [FEATURES, CLASSES]);
  const losses: number[] = [];
  let step = 0;

  const accuracyOf = (split: SplitTensors) => tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.argMax(tf.matMul(split.x, w), 1), tf.argMax(split.oneHot, 1)), 'float32')));
  const read = async (t: Tensor) => {
    const value = (await t.data())[0]!;
    t.dispose();
    return value;
  };

  return {
    get step() { return step; },
    losses,
    /** `count` SGD steps with the hyperparameters given now; an abort throws between slices. */
    async train(count: number, hyper: Hyper): Promise<void> {
      const { learningRate: lr, lambda } = hyper;
      await runSliced(tf, count, () => {
        const { x: batchX, oneHot: batchY } = copyBatch(data, sample());
        const x = tf.tensor2d(batchX, [batchSize, FEATURES]);
        const oneHot = tf.tensor2d(batchY, [batchSize, CLASSES]);
        const { next, loss } = tf.tidy(() => {
          const { loss, gradient } = linearLossAndGradient(tf, kind, x, oneHot, w, lambda);
          return { next: tf.sub(w, tf.mul(lr, gradient)), loss };
        });
        tf.dispose([x, oneHot]);
        w.dispose();
        w = next;
        step += 1;
        return loss;
      }, { signal: options.signal, onValues: (values) => losses.push(values[0]!) });
    },
    /** Training accuracy (on the first EVALUATION_DIGITS training digits) and validation accuracy of the current W. */
    async evaluate(): Promise<{ train: number; validation: number }> {
      return { train: await read(accuracyOf(data.train)), validation: await read(accuracyOf(data.validation)) };
    },
    /** Accuracy on the held-out test split (once, at the end of a run). */
    test: () => read(accuracyOf(data.test)),
    /** W as [785 x 10], row-major: column c is class c's template (and its bias, last). */
    async weights(): Promise<Float32Array> {
      return Float32Array.from(await w.data());
    },
    dispose: () => w.dispose(),
  };
}

export type LinearTrainer = ReturnType<typeof createLinearTrainer>;
