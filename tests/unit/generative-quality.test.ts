/**
 * The sample-quality figures (quality.ts, nearest.ts, measure-quality.ts) on real MNIST digits
 * against their definitions. The shipped-model format has its own tests (model-format.test.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { measureSampleQuality } from '../../src/engines/generative/measure-quality.ts';
import { createDigitBank, nearestDigits, nearestReference } from '../../src/engines/generative/nearest.ts';
import { classifierQuality, describeQuality, normalizedEntropy } from '../../src/engines/generative/quality.ts';

const mnist = loadMnistNode();
const unit = (start: number, count: number) => Float32Array.from(mnist.images.subarray(start * 784, (start + count) * 784), (v) => v / 255);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('nearest training digit', () => {
  test('matches the written-out search on real digits, and finds a training digit itself at distance 0', async () => {
    const before = tf.memory().numTensors;
    const bank = createDigitBank(tf, mnist.images, 0, 300);
    const queryPixels = new Float32Array([...unit(8000, 12), ...unit(42, 1)]);
    const queries = tf.tensor2d(queryPixels, [13, 784]);
    const found = await nearestDigits(tf, bank, queries, { chunk: 5 });
    const expected = nearestReference(unit(0, 300), queryPixels);
    expect(Array.from(found.index)).toEqual(Array.from(expected.index));
    found.distance.forEach((d, i) => expect(d).toBeCloseTo(expected.distance[i]!, 2));
    expect(found.index[12]).toBe(42);
    expect(found.distance[12]).toBeLessThan(0.05);
    queries.dispose();
    bank.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a search whose run ended stops with an AbortError and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const bank = createDigitBank(tf, mnist.images, 0, 300);
    const queries = tf.tensor2d(unit(8000, 40), [40, 784]);
    const controller = new AbortController();
    controller.abort(new DOMException('The run was stopped.', 'AbortError'));
    await expect(nearestDigits(tf, bank, queries, { chunk: 5, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    queries.dispose();
    bank.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('quality figures', () => {
  test('confident share and class balance count only predictions above the threshold', () => {
    const probabilities = new Float32Array(4 * 10);
    probabilities.set([0.95, 0.05], 0); // confident 0
    probabilities[10 + 3] = 0.91; // confident 3
    probabilities[20 + 3] = 0.5; // not confident
    probabilities[30 + 7] = 0.99; // confident 7
    const q = classifierQuality(probabilities, { name: 'test classifier', weights: { model: 'toy-net', crc32: '0123abcd' } });
    expect(q).toMatchObject({ classifier: 'test classifier', weights: { model: 'toy-net', crc32: '0123abcd' } });
    expect(q.confidentShare).toBe(0.75);
    expect(q.classCounts).toEqual([1, 0, 0, 1, 0, 0, 0, 1, 0, 0]);
    expect(q.balance).toBeCloseTo(Math.log(3) / Math.log(10), 12);
    expect(normalizedEntropy(new Array(10).fill(5))).toBeCloseTo(1, 12);
    expect(normalizedEntropy([7, 0, 0])).toBe(0);
  });

  test('held-out digits as "samples" are as far from the training set as the test digits are; copies are at 0', async () => {
    // Samples = test digits 8000-8199: their mean nearest distance is the test digits' own, ratio 1 (same set).
    const asSamples = await measureSampleQuality({ tf, images: mnist.images, trainCount: 2000, testStart: 8000, testCount: 200, samples: unit(8000, 200), seed: 0 });
    expect(asSamples.nearest.ratio).toBeCloseTo(1, 5);
    expect(asSamples.nearest.testMean).toBeGreaterThan(4);
    // Memorized: the samples are training digits; and a classifier that always says "1" with certainty.
    // A rule, not a network: its "weights" are the empty file, whose CRC-32 is 00000000.
    const classifier = { name: 'always one', weights: { model: 'always-one', crc32: '00000000' }, classify: async (pixels: Float32Array) => Float32Array.from({ length: (pixels.length / 784) * 10 }, (_, k) => (k % 10 === 1 ? 1 : 0)) };
    const copies = await measureSampleQuality({ tf, images: mnist.images, trainCount: 2000, testStart: 8000, testCount: 200, samples: unit(100, 50), seed: 0, classifier });
    expect(copies.nearest.sampleMean).toBeLessThan(1e-3);
    expect(copies.nearest.ratio).toBeLessThan(1e-3);
    expect(copies.classifier).toMatchObject({ confidentShare: 1, balance: 0 });
    expect(describeQuality(copies)).toContain('100.0% of 50 samples classified with confidence above 0.9 by the always one (always-one weights, crc32 00000000); class balance 0.000');
    expect(describeQuality(asSamples)).toContain('no trained classifier available');
  }, 60_000);
});
