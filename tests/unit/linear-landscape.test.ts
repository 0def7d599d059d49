import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { createLinearLandscape } from '../../src/engines/loss-landscape/linear-landscape.ts';

const data = loadMnistNode();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('linear classifier loss landscape', () => {
  test.each(['svm', 'softmax'] as const)('%s: trains, and the batched grid equals the loss computed directly', async (kind) => {
    const before = tf.memory().numTensors;
    const landscape = createLinearLandscape({ tf, images: data.images, labels: data.labels, start: 0, count: 300, kind, lambda: 1e-3, seed: 3, trainSteps: 60 });
    const { accuracy, loss } = await landscape.train();
    expect(accuracy).toBeGreaterThan(0.8);
    expect(Number.isFinite(loss)).toBe(true);
    const grid = await landscape.grid(7, 1);
    const during = tf.memory().numTensors;
    // The centre of the grid is the trained W itself, and the loss is lowest near it.
    expect(grid.values[3 * 7 + 3]).toBeCloseTo(loss, 4);
    for (const [i, j] of [[0, 0], [6, 2], [1, 5], [3, 3]] as const) {
      const direct = await landscape.lossAt(grid.alphas[i]!, grid.betas[j]!);
      expect(Math.abs(grid.values[j * 7 + i]! - direct) / direct, `(${i}, ${j})`).toBeLessThan(1e-4);
    }
    const line = await landscape.line(5, 1);
    expect(line.values[2]).toBeCloseTo(loss, 4);
    expect(Math.min(...line.values)).toBeGreaterThan(0);
    await landscape.grid(7, 1);
    expect(tf.memory().numTensors).toBe(during);
    landscape.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
