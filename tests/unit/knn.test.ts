/**
 * The kNN engine (CPU backend) against plain-TypeScript references: the three distance
 * implementations equal the two-loop reference, folds partition the data, the vote breaks ties
 * as the assignment does, neighbours equal a brute-force search, the whole session is
 * reproducible, and the tensor count is exact.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { referenceDistances, squaredDistancesNoLoop, l1DistancesBlock } from '../../src/engines/knn/distances.ts';
import { foldProblem, foldRanges } from '../../src/engines/knn/folds.ts';
import { createKnnEngine, type KnnReply, type KnnRequest, type NeighboursReply, type TimingReply } from '../../src/engines/knn/knn-engine.ts';
import { chooseK, knnSession, type SessionState } from '../../src/engines/knn/session.ts';
import { correctByK, predictLabel, voteCounts } from '../../src/engines/knn/vote.ts';

const data = loadMnistNode();
const TRAIN = 600;
const train = data.images.subarray(0, TRAIN * 784);
const test_ = data.images.subarray(8000 * 784, 8100 * 784);
const pixels = (bytes: Uint8Array) => Float32Array.from(bytes, (v) => v / 255);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('distances', () => {
  test('the no-loop L2 (‖a‖² + ‖b‖² − 2ab, one matrix product) and the block L1 equal the two-loop reference', async () => {
    const a = pixels(test_.subarray(0, 7 * 784));
    const b = pixels(train.subarray(0, 40 * 784));
    const l2 = tf.tidy(() => tf.sqrt(squaredDistancesNoLoop(tf, tf.tensor2d(a, [7, 784]), tf.transpose(tf.tensor2d(b, [40, 784])))));
    const l1 = tf.tidy(() => l1DistancesBlock(tf, tf.tensor2d(a, [7, 784]), tf.tensor2d(b, [40, 784])));
    const [got2, got1] = [await l2.data(), await l1.data()];
    tf.dispose([l2, l1]);
    const [ref2, ref1] = [referenceDistances(a, b, 784, 'l2'), referenceDistances(a, b, 784, 'l1')];
    ref2.forEach((r, i) => expect(Math.abs(got2[i]! - r)).toBeLessThan(2e-3));
    ref1.forEach((r, i) => expect(Math.abs(got1[i]! - r)).toBeLessThan(1e-3 * r + 1e-4));
    // A hand-checked case of the reference: (0,0)-(3,4) is 5 in L2 and 7 in L1.
    expect(Array.from(referenceDistances([0, 0], [3, 4], 2, 'l2'))).toEqual([5]);
    expect(Array.from(referenceDistances([0, 0], [3, 4], 2, 'l1'))).toEqual([7]);
    expect(tf.memory().numTensors).toBe(0);
  });

  test('the engine times two loops, one loop and no loops, each equal to the reference', async () => {
    const engine = createKnnEngine(tf, { train, test: test_ }, new AbortController().signal);
    for (const method of ['two', 'one', 'none'] as const) {
      for (const metric of ['l2', 'l1'] as const) {
        const { reply } = await engine.handle({ kind: 'timing', method, queries: 3, train: 12, metric });
        const timing = reply as TimingReply;
        expect(timing.pairs).toBe(36);
        expect(timing.ms).toBeGreaterThan(0);
        expect(timing.maxDifference).toBeLessThan(metric === 'l2' ? 2e-3 : 1e-3);
      }
    }
    expect(tf.memory().numTensors).toBe(2); // the training and held-out digits
    engine.dispose();
    expect(tf.memory().numTensors).toBe(0);
  });
});

describe('folds and votes', () => {
  test('folds partition 0..n−1 into contiguous parts that differ by at most one, as array_split', () => {
    for (const [n, k] of [[5000, 5], [17, 5], [10, 10], [23, 7]] as const) {
      const folds = foldRanges(n, k);
      expect(folds).toHaveLength(k);
      expect(folds[0]!.start).toBe(0);
      expect(folds.at(-1)!.end).toBe(n);
      folds.slice(1).forEach((f, i) => expect(f.start).toBe(folds[i]!.end));
      const sizes = folds.map((f) => f.end - f.start);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(sizes.every((s) => s > 0)).toBe(true);
    }
    expect(foldRanges(17, 5).map((f) => f.end - f.start)).toEqual([4, 4, 3, 3, 3]);
    expect(foldProblem(10, 20)).toBe('10 training digits cannot fill 20 folds: 10 would be empty');
    expect(() => foldRanges(10, 20)).toThrow('10 would be empty');
  });

  test('the vote takes the most common label, the smaller label on a tie', () => {
    expect(voteCounts([3, 1, 3, 1, 2], 5)).toEqual([0, 2, 1, 2, 0, 0, 0, 0, 0, 0]);
    expect(predictLabel([3, 1, 3, 1, 2], 5)).toBe(1);
    expect(predictLabel([3, 1, 3, 1, 2], 3)).toBe(3);
    expect(predictLabel([7], 1)).toBe(7);
    expect(correctByK([3, 1, 3, 2, 1, 1], 3, [3, 1], [1, 3])).toEqual([1, 2]);
    expect(chooseK([[0.9, 0.95, 0.95], [0.9, 0.95, 0.95]], [1, 3, 5])).toBe(3);
  });
});

describe('neighbours and the session', () => {
  test('the nearest training digits of a held-out digit equal a brute-force search, with a fold left out', async () => {
    const engine = createKnnEngine(tf, { train, test: test_ }, new AbortController().signal);
    const exclude = { start: 100, end: 220 };
    for (const metric of ['l2', 'l1'] as const) {
      const { reply } = await engine.handle({ kind: 'neighbours', set: 'test', start: 4, end: 6, exclude, count: 5, metric });
      const { indices, distances } = reply as NeighboursReply;
      for (let q = 0; q < 2; q++) {
        const all = referenceDistances(pixels(test_.subarray((4 + q) * 784, (5 + q) * 784)), pixels(train), 784, metric);
        const order = Array.from(all.keys()).filter((j) => j < exclude.start || j >= exclude.end).sort((x, y) => all[x]! - all[y]!);
        expect(Array.from(indices.subarray(q * 5, q * 5 + 5))).toEqual(order.slice(0, 5));
        order.slice(0, 5).forEach((j, r) => expect(distances[q * 5 + r]).toBeCloseTo(all[j]!, 2));
      }
    }
    expect(tf.memory().numTensors).toBe(4); // the digits, and the training set without the fold with its norms
    engine.dispose();
    expect(tf.memory().numTensors).toBe(0);
  });

  test('5-fold cross-validation of k on 600 digits: every digit validated once, reproducible, a held-out accuracy, no tensor left', async () => {
    const run = async () => {
      const engine = createKnnEngine(tf, { train, test: test_ }, new AbortController().signal);
      const request = async (r: KnnRequest): Promise<KnnReply> => (await engine.handle(r)).reply;
      const session = knnSession({ request, trainLabels: data.labels.subarray(0, TRAIN), testLabels: data.labels.subarray(8000, 8100), folds: 5, metric: 'l2', heldOut: 100 });
      let state: SessionState | undefined;
      let rounds = 0;
      for (;;) {
        const next = await session.next();
        rounds++;
        state = next.value;
        if (next.done) break;
      }
      engine.dispose();
      return { state: state!, rounds };
    };
    const { state } = await run();
    expect(state.phase).toBe('done');
    expect(state.validated).toBe(TRAIN);
    expect(state.accuracy).toHaveLength(5);
    expect(state.ks).toEqual([1, 3, 5, 8, 10, 12, 15, 20, 50, 100]);
    // Fold 1 at k = 1 and k = 3, recomputed in plain TypeScript from the reference distances.
    const fold = state.folds[0]!;
    const all = referenceDistances(pixels(train.subarray(0, fold.end * 784)), pixels(train), 784, 'l2');
    const expected = [1, 3].map((k) => {
      let correct = 0;
      for (let q = fold.start; q < fold.end; q++) {
        const order = Array.from({ length: TRAIN }, (_, j) => j).filter((j) => j >= fold.end).sort((x, y) => all[q * TRAIN + x]! - all[q * TRAIN + y]!);
        if (predictLabel(order.slice(0, k).map((j) => data.labels[j]!), k) === data.labels[q]) correct++;
      }
      return correct / (fold.end - fold.start);
    });
    expect(state.accuracy[0]!.slice(0, 2)).toEqual(expected);
    // On 480 training digits a small k wins; 100 neighbours blur the classes.
    expect(state.accuracy.every((row) => row[0]! > 0.8 && row[9]! < row[0]!)).toBe(true);
    expect(state.chosenK).toBe(chooseK(state.accuracy, state.ks));
    expect(state.heldOutTotal).toBe(100);
    expect(state.heldOutCorrect / 100).toBeGreaterThan(0.75);
    const again = await run();
    expect(again.state.accuracy).toEqual(state.accuracy);
    expect(again.state.heldOutCorrect).toBe(state.heldOutCorrect);
    expect(tf.memory().numTensors).toBe(0);
  });

  test('k larger than what a fold leaves for training is skipped', async () => {
    const engine = createKnnEngine(tf, { train: train.subarray(0, 60 * 784), test: test_ }, new AbortController().signal);
    const request = async (r: KnnRequest): Promise<KnnReply> => (await engine.handle(r)).reply;
    const session = knnSession({ request, trainLabels: data.labels.subarray(0, 60), testLabels: data.labels.subarray(8000, 8100), folds: 5, metric: 'l2', heldOut: 10 });
    const first = await session.next();
    expect(first.value.ks).toEqual([1, 3, 5, 8, 10, 12, 15, 20]);
    expect(first.value.skipped).toEqual([50, 100]);
    await session.return(first.value);
    engine.dispose();
  });
});
