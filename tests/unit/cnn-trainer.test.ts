/**
 * Training the ConvNet, on the wasm backend in Node (the backend the page trains on when there is
 * no GPU): real MNIST digits, a tensor count that stays flat, the same run for the same seed.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { CNN_ARCHITECTURE, initCnnWeights, parameterCount } from '../../src/engines/cnn/architecture.ts';
import { affineRow, randomAffineRows, DEFAULT_AUGMENTATION } from '../../src/engines/cnn/augment.ts';
import { createCnnTrainer } from '../../src/engines/cnn/cnn-trainer.ts';
import { createRandom } from '../../src/engines/random.ts';
import { isAbort } from '../../src/tf/slices.ts';

const data = loadMnistNode();
const trainer = (seed: number, augment = true) =>
  createCnnTrainer({
    tf, images: data.images, labels: data.labels, trainCount: 8000, heldOut: { start: 8000, count: 1000 },
    initial: initCnnWeights(CNN_ARCHITECTURE, createRandom(seed)), seed, batchSize: 64,
    schedule: () => ({ learningRate: 0.003, decay: 0.85, augment }),
  });

beforeAll(async () => {
  setWasmPaths(`${resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist')}/`);
  expect(await tf.setBackend('wasm')).toBe(true);
});

describe('ConvNet training on wasm', () => {
  test('has 54,314 parameters with He-initialised weights', () => {
    expect(parameterCount(CNN_ARCHITECTURE)).toBe(5 * 5 * 8 + 8 + 5 * 5 * 8 * 16 + 16 + 7 * 7 * 16 * 64 + 64 + 64 * 10 + 10);
    const w = initCnnWeights(CNN_ARCHITECTURE, createRandom(1)).values['conv2.w'];
    const std = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(std).toBeCloseTo(Math.sqrt(2 / (5 * 5 * 8)), 2);
  });

  test('learns real digits: above 93% on 1,000 held-out digits after 150 steps', async () => {
    const t = trainer(1);
    await t.train(150);
    const { accuracy } = await t.evaluate();
    expect(t.losses).toHaveLength(150);
    expect(t.losses[0]).toBeGreaterThan(1.5); // about ln 10 = 2.3 at the start
    expect(t.losses.slice(-20).reduce((a, b) => a + b, 0) / 20).toBeLessThan(0.5);
    expect(accuracy).toBeGreaterThan(0.93);
    t.dispose();
  }, 120_000);

  test('keeps a flat tensor count, frees everything on dispose, and repeats a run exactly for the same seed', async () => {
    const before = tf.memory().numTensors;
    const a = trainer(7);
    await a.train(3);
    await a.evaluate();
    const during = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) await a.train(3);
    await a.evaluate();
    expect(tf.memory().numTensors).toBe(during);
    const b = trainer(7);
    await b.train(33);
    expect(b.losses).toEqual(a.losses);
    a.dispose();
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  test('its signal stops training at the next slice with an AbortError, leaving no tensor behind', async () => {
    const abort = new AbortController();
    const t = createCnnTrainer({
      tf, images: data.images, labels: data.labels, trainCount: 8000, heldOut: { start: 8000, count: 1000 },
      initial: initCnnWeights(CNN_ARCHITECTURE, createRandom(2)), seed: 2, batchSize: 64,
      schedule: () => ({ learningRate: 0.003, decay: 0.85, augment: true }), signal: abort.signal,
    });
    await t.train(2);
    const settled = tf.memory().numTensors;
    const long = t.train(1000);
    setTimeout(() => abort.abort(new DOMException('The run was stopped.', 'AbortError')), 50);
    expect(isAbort(await long.catch((error: unknown) => error))).toBe(true);
    expect(t.step).toBeLessThan(100);
    expect(t.losses).toHaveLength(t.step);
    expect(tf.memory().numTensors).toBe(settled);
    await expect(t.evaluate()).rejects.toThrow('The run was stopped.');
    t.dispose();
  }, 120_000);

  test('the learning rate decays by the factor every 100 steps', () => {
    const t = trainer(1);
    expect(t.learningRateAt(0)).toBeCloseTo(0.003, 12);
    expect(t.learningRateAt(100)).toBeCloseTo(0.003 * 0.85, 12);
    expect(t.learningRateAt(250)).toBeCloseTo(0.003 * 0.85 ** 2.5, 12);
    t.dispose();
  });
});

describe('augmentation', () => {
  test('no rotation, scale or shift is the identity transform', () => {
    expect(affineRow(0, 1, 0, 0, 13.5).map((v) => v + 0)).toEqual([1, 0, 0, 0, 1, 0, 0, 0]);
  });

  test('a shift moves the ink by that many pixels, a rotation by a quarter turn turns the image', async () => {
    const image = new Float32Array(784);
    image[10 * 28 + 5] = 1; // row 10, column 5
    const x = tf.tensor4d(image, [1, 28, 28, 1]);
    const shifted = tf.image.transform(x, tf.tensor2d([affineRow(0, 1, 3, -2, 13.5)], [1, 8]), 'nearest');
    const turned = tf.image.transform(x, tf.tensor2d([affineRow(Math.PI / 2, 1, 0, 0, 13.5)], [1, 8]), 'nearest');
    const at = async (t: tf.Tensor) => Array.from(await t.data()).findIndex((v) => v > 0.5);
    expect(await at(shifted)).toBe(8 * 28 + 8); // row 10 - 2, column 5 + 3
    // A quarter turn about (13.5, 13.5) in image coordinates (y down) takes (x, y) to (27 - y, x).
    expect(await at(turned)).toBe(5 * 28 + (27 - 10));
    tf.dispose([x, shifted, turned]);
  });

  test('random transforms stay within the ranges', () => {
    const rows = randomAffineRows(500, 28, DEFAULT_AUGMENTATION, createRandom(3));
    for (let i = 0; i < 500; i++) {
      const [a0, a1] = rows.slice(i * 8, i * 8 + 2) as [number, number];
      const scale = 1 / Math.hypot(a0, a1);
      const angle = Math.atan2(a1, a0);
      expect(Math.abs(scale - 1)).toBeLessThanOrEqual(0.1 + 1e-9);
      expect(Math.abs(angle)).toBeLessThanOrEqual(0.15 + 1e-9);
    }
  });
});
