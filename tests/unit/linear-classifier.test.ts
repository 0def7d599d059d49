import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { perExampleLoss, scoreGradient, scoreGradientReference, type LossKind } from '../../src/engines/loss-landscape/losses.ts';
import { createBatchSampler } from '../../src/engines/mlp/mlp.ts';
import { createRandom } from '../../src/engines/random.ts';
import { createLinearData, FEATURES, linearSplits, meanImage, preprocessDigit } from '../../src/engines/linear-classifier/linear-data.ts';
import { createLinearEngine, type LinearInit } from '../../src/engines/linear-classifier/linear-engine.ts';
import { digitReadout, linearLossReference } from '../../src/engines/linear-classifier/linear-reference.ts';
import { createLinearTrainer, initialWeights, linearLossAndGradient } from '../../src/engines/linear-classifier/linear-trainer.ts';
import { bestCell, cellAt, logSpace, sweepGrid } from '../../src/engines/linear-classifier/sweep.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const data = loadMnistNode();
const KINDS: LossKind[] = ['svm', 'softmax'];
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let most = 0;
  for (let i = 0; i < a.length; i++) most = Math.max(most, Math.abs(a[i]! - b[i]!));
  return most;
};
const transpose = (m: number[][]) => m[0]!.map((_, c) => m.map((row) => row[c]!));
const oneHotOf = (labels: number[], classes: number) => tf.oneHot(tf.tensor1d(labels, 'int32'), classes);

// Lecture 3's running example: rows of W per class (cat, car, frog), x_i with the constant 1 last.
const NOTES_W = [[0.5, 1, -0.5], [0, 1, 1], [0, -0.5, 0]];
const NOTES_X = [[1, 1, 1], [0, 2, 1], [1, 0, 1]];
const NOTES_Y = [0, 1, 2];

describe('the loss and gradient of one step', () => {
  test.each(KINDS)('%s: score gradient and loss equal the plain reference on random scores', (kind) => {
    const random = createRandom(3);
    const scores = Array.from({ length: 7 }, () => Array.from({ length: 5 }, () => 3 * random.normal()));
    const labels = scores.map((_, i) => i % 5);
    const [g, l] = tf.tidy(() => {
      const s = tf.tensor2d(scores);
      const y = oneHotOf(labels, 5);
      return [scoreGradient(tf, kind, s, y), perExampleLoss(tf, kind, s, y)];
    });
    expect(maxDiff(g!.dataSync(), scoreGradientReference(kind, scores, labels).flat())).toBeLessThan(1e-5);
    expect(l!.shape).toEqual([7]);
    tf.dispose([g!, l!]);
  });

  test.each([
    // Lecture 3, λ = 0.1: full SVM loss 5/3 + 0.375, softmax 1.0464 + 0.375; gradients as printed (rows per class).
    ['svm' as const, 2.0417, [[0.1, -0.1333, -0.1], [0.6667, 0.5333, 0.8667], [-0.6667, -0.1, -0.6667]]],
    ['softmax' as const, 1.4214, [[-0.0781, 0.0711, -0.2182], [0.4219, 0.3002, 0.5571], [-0.2438, -0.0713, -0.2389]]],
  ])('%s: the worked example of the Lecture 3 notes, in tfjs and in the reference', (kind, loss, gradientRows) => {
    const W = transpose(NOTES_W); // the assignment's layout, D x C
    const reference = linearLossReference(kind, W, NOTES_X, NOTES_Y, 0.1);
    expect(reference.loss).toBeCloseTo(loss, 4);
    expect(maxDiff(transpose(reference.gradient).flat(), gradientRows.flat())).toBeLessThan(1e-4);
    const result = tf.tidy(() => linearLossAndGradient(tf, kind, tf.tensor2d(NOTES_X), oneHotOf(NOTES_Y, 3), tf.tensor2d(W), 0.1));
    expect(result.loss.dataSync()[0]).toBeCloseTo(loss, 4);
    expect(maxDiff(result.gradient.dataSync(), reference.gradient.flat())).toBeLessThan(1e-6);
    tf.dispose([result.loss, result.gradient]);
  });

  test('the readout of one digit: SVM margins sum to its loss, softmax probabilities sum to 1', () => {
    const weights = Float32Array.from(transpose(NOTES_W).flat());
    const svm = digitReadout('svm', weights, Float32Array.from(NOTES_X[2]!), 2, 3);
    expect(svm.scores).toEqual([0, 1, 0]);
    expect(svm.terms).toEqual([1, 2, 0]);
    expect(svm.loss).toBe(3);
    expect(svm.winner).toBe(1);
    const softmax = digitReadout('softmax', weights, Float32Array.from(NOTES_X[0]!), 0, 3);
    expect(softmax.terms.map((p) => Number(p.toFixed(4)))).toEqual([0.2537, 0.6897, 0.0566]);
    expect(softmax.loss).toBeCloseTo(1.3715, 4);
  });
});

describe('the linear classifier on MNIST', () => {
  const splits = linearSplits(data.manifest.trainCount, data.manifest.count);
  // Smaller splits than the page's keep the CPU backend quick; the code is the same.
  const small = { train: { start: 0, count: 2000 }, validation: { start: 7000, count: 500 }, test: { start: 8000, count: 1000 } };
  const init = (kind: LossKind, seed = 1): LinearInit => ({ images: data.images, labels: data.labels, splits: small, kind, batchSize: 50, seed });

  test('splits: 7,000 training and 1,000 validation digits from the training split, the 2,000 test digits held out', () => {
    expect(splits).toEqual({ train: { start: 0, count: 7000 }, validation: { start: 7000, count: 1000 }, test: { start: 8000, count: 2000 } });
    const mean = meanImage(data.images, splits.train);
    const x = preprocessDigit(data.images.subarray(0, 784), mean);
    expect(x.length).toBe(FEATURES);
    expect(x[784]).toBe(1);
    expect(x[0]).toBeCloseTo(-mean[0]!, 6);
  });

  test.each(KINDS)('%s: one SGD step equals the reference step on the same minibatch', async (kind) => {
    const linear = createLinearData(tf, data.images, data.labels, small);
    const trainer = createLinearTrainer({ tf, data: linear, kind, batchSize: 50, seed: 4 });
    const hyper = { learningRate: 0.3, lambda: 0.01 };
    await trainer.train(1, hyper);
    const batch = Array.from(createBatchSampler(small.train.count, 50, createRandom(5))());
    const X = batch.map((i) => Array.from(preprocessDigit(data.images.subarray(i * 784, (i + 1) * 784), linear.mean)));
    const w0 = initialWeights(4);
    const W = Array.from({ length: FEATURES }, (_, d) => Array.from(w0.subarray(d * 10, d * 10 + 10)));
    const reference = linearLossReference(kind, W, X, batch.map((i) => data.labels[i]!), hyper.lambda);
    const expected = W.flatMap((row, d) => row.map((w, c) => w - hyper.learningRate * reference.gradient[d]![c]!));
    expect(maxDiff(await trainer.weights(), expected)).toBeLessThan(1e-5);
    expect(trainer.losses[0]).toBeCloseTo(reference.loss, 4);
    // At 0.001·N(0, 1) weights: SVM loss near C − 1 = 9, softmax near ln 10.
    expect(trainer.losses[0]).toBeCloseTo(kind === 'svm' ? 9 : Math.log(10), 1);
    trainer.dispose();
    linear.dispose();
  });

  test('same seed, same losses; another seed, other losses; tensor counts stay exact', async () => {
    const before = tf.memory().numTensors;
    const hyper = { learningRate: 0.5, lambda: 1e-4 };
    const run = async (seed: number) => {
      const engine = createLinearEngine(tf, init('softmax', seed), new AbortController().signal);
      // X and one-hot Y of the training-accuracy digits, the validation and the test split; and W.
      expect(tf.memory().numTensors - before).toBe(7);
      const first = (await engine.handle({ op: 'train', steps: 5, hyper, evaluate: false, weights: false, test: false })).reply;
      const counted = tf.memory().numTensors;
      const second = (await engine.handle({ op: 'train', steps: 20, hyper, evaluate: true, weights: true, test: true })).reply;
      await engine.handle({ op: 'cell', steps: 10, hyper });
      expect(tf.memory().numTensors).toBe(counted);
      engine.dispose();
      expect(tf.memory().numTensors).toBe(before);
      return { first, second };
    };
    const a = await run(1);
    const b = await run(1);
    const c = await run(2);
    expect(a.second.step).toBe(25);
    expect(a.first.losses).toHaveLength(5);
    expect(a.second.losses).toEqual(b.second.losses);
    expect(a.second.weights).toEqual(b.second.weights);
    expect(a.second.losses).not.toEqual(c.second.losses);
    expect(a.second.weights).toHaveLength(785 * 10);
  });

  test('softmax learns: well over 80% on validation and test digits after 200 steps', async () => {
    const engine = createLinearEngine(tf, { ...init('softmax'), batchSize: 100 }, new AbortController().signal);
    const reply = (await engine.handle({ op: 'train', steps: 200, hyper: { learningRate: 0.5, lambda: 5e-4 }, evaluate: true, weights: false, test: true })).reply;
    engine.dispose();
    expect(reply.losses[0]).toBeCloseTo(Math.log(10), 1);
    expect(reply.losses.at(-1)!).toBeLessThan(0.5);
    expect(reply.accuracy!.train).toBeGreaterThan(0.88);
    expect(reply.accuracy!.validation).toBeGreaterThan(0.84);
    expect(reply.test!).toBeGreaterThan(0.84);
  });

  test('a sweep cell trains a fresh classifier and leaves the run\'s own alone', async () => {
    const engine = createLinearEngine(tf, init('svm'), new AbortController().signal);
    const hyper = { learningRate: 0.05, lambda: 1e-3 };
    const cell = (await engine.handle({ op: 'cell', steps: 30, hyper })).reply;
    expect(cell.step).toBe(0);
    expect(cell.losses).toHaveLength(30);
    const trained = (await engine.handle({ op: 'train', steps: 30, hyper, evaluate: true, weights: false, test: false })).reply;
    // Same seed and steps: the cell and the run's classifier took the same path.
    expect(trained.losses).toEqual(cell.losses);
    expect(trained.accuracy).toEqual(cell.accuracy);
    engine.dispose();
  });
});

describe('the hyperparameter grid', () => {
  test('log-spaced values, cells row by row, the best cell by validation accuracy', () => {
    expect(logSpace([-3, 0], 4)).toEqual([0.001, 0.01, 0.1, 1]);
    expect(logSpace([-5, -1], 5)).toEqual([1e-5, 1e-4, 1e-3, 1e-2, 1e-1]);
    expect(logSpace([-3, 0], 5)).toEqual([0.001, 0.00562, 0.0316, 0.178, 1]);
    const grid = sweepGrid(5);
    expect(grid.learningRates).toEqual([0.00316, 0.0178, 0.1, 0.562, 3.16]);
    expect(cellAt(grid, 0)).toEqual({ learningRate: 0.00316, lambda: 1e-5 });
    expect(cellAt(grid, 7)).toEqual({ learningRate: 0.1, lambda: 1e-4 });
    expect(bestCell([0.5, Number.NaN, 0.9, 0.9, 0.1])).toBe(2);
    expect(bestCell([Number.NaN])).toBe(-1);
  });
});
