/**
 * The VAE trainer on the wasm backend in Node (where the training script runs it, in Chromium):
 * reproducible for a seed, a flat tensor count, sensible first losses and learning that shows.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { resolve } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { createVaeTrainer } from '../../src/engines/vae/trainer.ts';

const mnist = loadMnistNode();

beforeAll(async () => {
  setWasmPaths(`${resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist')}/`);
  expect(await tf.setBackend('wasm')).toBe(true);
});

const trainer = (seed: number) => createVaeTrainer({ tf, images: mnist.images, trainCount: 8000, seed, batchSize: 32, learningRate: 1e-3, yieldOften: false });

test('the same seed gives the same losses, the tensor count stays flat, and the loss falls', { timeout: 60_000 }, async () => {
  const before = tf.memory().numTensors;
  const a = trainer(5);
  await a.train(3);
  const during = tf.memory().numTensors;
  await a.train(57);
  expect(tf.memory().numTensors).toBe(during);
  expect(a.step).toBe(60);
  expect(a.losses.reconstruction).toHaveLength(60);
  expect(a.losses.kl).toHaveLength(60);
  // Untrained, the decoder says about 1/2 for every pixel: reconstruction near 784 log 2 ≈ 543 nats.
  expect(a.losses.reconstruction[0]).toBeGreaterThan(400);
  expect(a.losses.reconstruction[0]).toBeLessThan(700);
  expect(a.losses.kl.every((kl) => kl >= 0)).toBe(true);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  expect(mean(a.losses.reconstruction.slice(-10))).toBeLessThan(0.6 * a.losses.reconstruction[0]!);
  const b = trainer(5);
  await b.train(60);
  expect(b.losses.reconstruction).toEqual(a.losses.reconstruction);
  expect(b.losses.kl).toEqual(a.losses.kl);
  a.dispose();
  b.dispose();
  expect(tf.memory().numTensors).toBe(before);
});
