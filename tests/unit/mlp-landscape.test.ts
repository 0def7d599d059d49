import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { createRandom } from '../../src/engines/random.ts';
import { filterNormalize, gaussianDirection, principalDirections, projectOntoPlane } from '../../src/engines/loss-landscape/directions.ts';
import { createMlpLandscape } from '../../src/engines/loss-landscape/mlp-landscape.ts';

const data = loadMnistNode();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('directions', () => {
  test('filter normalization gives each filter the norm of the trained filter', () => {
    const random = createRandom(1);
    const theta = gaussianDirection(12, random).map((v, i) => v * (1 + (i % 3)));
    const d = filterNormalize(gaussianDirection(12, random), theta, [{ offset: 0, rows: 4, cols: 3 }]);
    for (let c = 0; c < 3; c++) {
      const norm = (v: Float32Array) => Math.hypot(...[0, 1, 2, 3].map((r) => v[r * 3 + c]!));
      expect(norm(d)).toBeCloseTo(norm(theta), 5);
    }
  });

  test('projection recovers the coordinates of a point on the plane, and PCA finds the path\'s plane', () => {
    const random = createRandom(2);
    const center = gaussianDirection(50, random);
    const d1 = gaussianDirection(50, random);
    const d2 = gaussianDirection(50, random);
    const point = center.map((v, i) => v + 0.3 * d1[i]! - 1.2 * d2[i]!);
    const [a, b] = projectOntoPlane(point, center, d1, d2);
    expect(a).toBeCloseTo(0.3, 4);
    expect(b).toBeCloseTo(-1.2, 4);
    const path = [0, 1, 2, 3, 4].map((t) => center.map((v, i) => v + t * d1[i]! + (t * t) / 4 * d2[i]!));
    const [p1, p2] = principalDirections(path, center);
    // Every path point lies in the span of the two principal directions.
    for (const p of path) {
      const [u, w] = projectOntoPlane(p, center, p1, p2);
      const residual = p.map((v, i) => v - center[i]! - u * p1[i]! - w * p2[i]!);
      expect(Math.hypot(...residual)).toBeLessThan(1e-3);
    }
  });
});

describe('MLP loss landscape', () => {
  test.each(['random', 'pca'] as const)('%s plane: batched grid equals the direct loss, path on the plane, tensors flat', async (kind) => {
    const before = tf.memory().numTensors;
    const landscape = createMlpLandscape({ tf, images: data.images, labels: data.labels, start: 0, count: 256, hidden: 8, lambda: 1e-3, seed: 4, trainSteps: 60, batchSize: 32, snapshotEvery: 10 });
    const { loss, accuracy } = await landscape.train();
    expect(accuracy).toBeGreaterThan(0.6);
    const { path, extent } = await landscape.setPlane(kind);
    expect(path).toHaveLength(7);
    expect(path.at(-1)![0]).toBeCloseTo(0, 5); // the trained point is the centre of the plane
    const grid = await landscape.grid(5, extent);
    expect(grid.values[2 * 5 + 2]).toBeCloseTo(loss, 3);
    for (const [i, j] of [[0, 0], [4, 1], [1, 3]] as const) {
      const direct = await landscape.lossAt(grid.alphas[i]!, grid.betas[j]!);
      expect(Math.abs(grid.values[j * 5 + i]! - direct) / direct, `(${i}, ${j})`).toBeLessThan(1e-4);
    }
    const during = tf.memory().numTensors;
    await landscape.grid(5, extent);
    expect(tf.memory().numTensors).toBe(during);
    landscape.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
