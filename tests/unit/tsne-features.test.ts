import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { createRandom } from '../../src/engines/random.ts';
import { symmetricEigen } from '../../src/engines/tsne/eigen.ts';
import { pca } from '../../src/engines/tsne/pca.ts';
import { pixelFeatures } from '../../src/engines/tsne/features.ts';
import { nearestNeighborAccuracy } from '../../src/engines/tsne/quality.ts';

const data = loadMnistNode();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('PCA', () => {
  test('Jacobi eigen-decomposition reproduces the matrix', () => {
    const random = createRandom(3);
    const r = 7;
    const b = Array.from({ length: r * r }, () => random.normal());
    const a = new Float64Array(r * r);
    for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) for (let k = 0; k < r; k++) a[i * r + j] = a[i * r + j]! + b[i * r + k]! * b[j * r + k]!;
    const { values, vectors } = symmetricEigen(a, r);
    for (let i = 1; i < r; i++) expect(values[i]!).toBeLessThanOrEqual(values[i - 1]!);
    for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) {
      let sum = 0;
      for (let k = 0; k < r; k++) sum += vectors[i * r + k]! * values[k]! * vectors[j * r + k]!;
      expect(sum).toBeCloseTo(a[i * r + j]!, 9);
    }
  });

  test('finds the variances of data with a known spectrum', async () => {
    // 2,000 points in 30-D with independent axes of standard deviation 30, 29, ..., 1, then rotated.
    const random = createRandom(5);
    const n = 2000, dim = 30;
    const rotation = Float64Array.from({ length: dim * dim }, () => random.normal());
    const { vectors: q } = symmetricEigen(Float64Array.from({ length: dim * dim }, (_, k) => rotation[k]! + rotation[(k % dim) * dim + Math.floor(k / dim)]!), dim);
    const x = new Float32Array(n * dim);
    for (let i = 0; i < n; i++) {
      const z = Array.from({ length: dim }, (_, c) => (dim - c) * random.normal());
      for (let c = 0; c < dim; c++) {
        let sum = 0;
        for (let m = 0; m < dim; m++) sum += q[c * dim + m]! * z[m]!;
        x[i * dim + c] = sum + 5;
      }
    }
    const result = await pca(tf, x, n, dim, 5, { seed: 2 });
    // Sample variances of the first 5 independent axes are close to 900, 841, 784, 729, 676.
    [900, 841, 784, 729, 676].forEach((v, c) => expect(Math.abs(result.variances[c]! - v) / v).toBeLessThan(0.1));
    // The projection's own variances are the reported ones, and its columns are uncorrelated.
    for (let c = 0; c < 5; c++) {
      let mean = 0, variance = 0, cross = 0;
      for (let i = 0; i < n; i++) mean += result.projected[i * 5 + c]! / n;
      for (let i = 0; i < n; i++) {
        variance += (result.projected[i * 5 + c]! - mean) ** 2 / (n - 1);
        cross += result.projected[i * 5 + c]! * result.projected[i * 5 + ((c + 1) % 5)]! / (n - 1);
      }
      expect(Math.abs(mean)).toBeLessThan(1e-2);
      expect(variance / result.variances[c]!).toBeCloseTo(1, 3);
      expect(Math.abs(cross) / result.variances[c]!).toBeLessThan(1e-3);
    }
    expect(result.explained).toBeGreaterThan(0.3);
  });

  test('50 components keep most of the variance of real digits, and no tensor is left behind', async () => {
    const n = 1000;
    const before = tf.memory().numTensors;
    const result = await pca(tf, pixelFeatures(data.images, n), n, 784, 50, { seed: 1 });
    expect(result.projected).toHaveLength(n * 50);
    expect(result.explained).toBeGreaterThan(0.75);
    expect(result.explained).toBeLessThan(0.95);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});

describe('2-D nearest-neighbour accuracy', () => {
  test('equals a brute-force leave-one-out count', () => {
    const random = createRandom(8);
    for (const n of [2, 50, 777]) {
      const y = Float64Array.from({ length: 2 * n }, () => random.normal());
      const labels = Uint8Array.from({ length: n }, () => random.int(3));
      let correct = 0;
      for (let i = 0; i < n; i++) {
        let best = Infinity, bestJ = -1;
        for (let j = 0; j < n; j++) {
          const d = (y[2 * i]! - y[2 * j]!) ** 2 + (y[2 * i + 1]! - y[2 * j + 1]!) ** 2;
          if (j !== i && d < best) [best, bestJ] = [d, j];
        }
        if (labels[bestJ] === labels[i]) correct++;
      }
      expect(nearestNeighborAccuracy(y, labels, n)).toBe(correct / n);
    }
  });
});
