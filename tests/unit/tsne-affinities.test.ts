import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { createRandom } from '../../src/engines/random.ts';
import { computeAffinities } from '../../src/engines/tsne/affinities.ts';
import { pixelFeatures } from '../../src/engines/tsne/features.ts';
import { symmetrize } from '../../src/engines/tsne/joint-affinities.ts';
import { nearestNeighbors } from '../../src/engines/tsne/neighbors.ts';
import { calibrateRow, conditionalAffinities } from '../../src/engines/tsne/perplexity.ts';
import { referenceDistances } from '../../src/engines/tsne/reference.ts';
import { createTsne } from '../../src/engines/tsne/tsne-engine.ts';
import { DEFAULT_SCHEDULE } from '../../src/engines/tsne/gradient-descent.ts';
import { learningRateProblem, maxPerplexity, perplexityProblem } from '../../src/engines/tsne/validation.ts';

const data = loadMnistNode();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('nearest neighbours', () => {
  test.each([300, 1000])('match a brute-force search on %i real digits (with 1,000, in two column blocks)', async (n) => {
    const k = 20;
    const x = pixelFeatures(data.images, n);
    const table = await nearestNeighbors(tf, x, n, 784, k);
    const exact = referenceDistances(x, n, 784);
    for (let i = 0; i < n; i++) {
      const sorted = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i).sort((a, b) => exact[i * n + a]! - exact[i * n + b]!);
      for (let m = 0; m < k; m++) {
        const j = table.indices[i * k + m]!;
        expect(j).not.toBe(i);
        // Same distance as the m-th nearest (ties may swap indices), to float32 precision.
        expect(Math.abs(table.distances[i * k + m]! - exact[i * n + sorted[m]!]!)).toBeLessThan(1e-3 * (1 + exact[i * n + sorted[m]!]!));
        expect(Math.abs(exact[i * n + j]! - exact[i * n + sorted[m]!]!)).toBeLessThan(1e-3 * (1 + exact[i * n + j]!));
      }
    }
  }, 60_000);
});

describe('perplexity calibration', () => {
  test('every one of 1,000 real digits reaches the target entropy within 1e-3', async () => {
    const n = 1000;
    for (const perplexity of [5, 30, 100]) {
      const k = 3 * perplexity;
      const table = await nearestNeighbors(tf, pixelFeatures(data.images, n), n, 784, k);
      const { conditional } = await conditionalAffinities(table.distances, n, k, perplexity);
      for (let i = 0; i < n; i++) {
        // Entropy measured from the probabilities themselves, in nats.
        let entropy = 0, sum = 0;
        for (let m = 0; m < k; m++) {
          const p = conditional[i * k + m]!;
          sum += p;
          if (p > 0) entropy -= p * Math.log(p);
        }
        expect(sum).toBeCloseTo(1, 10);
        expect(Math.abs(entropy - Math.log(perplexity)), `digit ${i}, perplexity ${perplexity}`).toBeLessThan(1e-3);
      }
    }
  }, 60_000);

  test('the bandwidth follows the formula: p(j|i) proportional to exp(-beta d_ij)', () => {
    const distances = [1, 2, 4, 8, 16, 32];
    const out = new Float64Array(6);
    const { beta } = calibrateRow(distances, 3, out);
    const weights = distances.map((d) => Math.exp(-beta * d));
    const total = weights.reduce((a, b) => a + b, 0);
    weights.forEach((w, j) => expect(out[j]).toBeCloseTo(w / total, 12));
    expect(Math.exp(-out.reduce((h, p) => h + p * Math.log(p), 0))).toBeCloseTo(3, 4);
  });
});

describe('joint affinities', () => {
  test('are symmetric, sum to 1 and equal (p(j|i) + p(i|j)) / 2n', async () => {
    const n = 400, perplexity = 10;
    const { p, neighbors } = await computeAffinities(tf, pixelFeatures(data.images, n), n, 784, perplexity);
    const k = neighbors.k;
    const { conditional } = await conditionalAffinities(neighbors.distances, n, k, perplexity);
    const dense = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let m = 0; m < k; m++) dense[i * n + neighbors.indices[i * k + m]!] = conditional[i * k + m]!;
    let total = 0;
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      for (let at = p.rowStart[i]!; at < p.rowStart[i + 1]!; at++) {
        const j = p.cols[at]!;
        expect(seen.has(i * n + j)).toBe(false);
        seen.add(i * n + j);
        expect(p.values[at]).toBeCloseTo((dense[i * n + j]! + dense[j * n + i]!) / (2 * n), 12);
        total += p.values[at]!;
      }
    }
    for (const key of seen) expect(seen.has((key % n) * n + Math.floor(key / n))).toBe(true);
    expect(total).toBeCloseTo(1, 10);
    // Every nonzero of the dense symmetrized matrix is stored.
    let nonzero = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (dense[i * n + j]! + dense[j * n + i]! > 0) nonzero++;
    expect(seen.size).toBe(nonzero);
  }, 60_000);

  test('merge mutual neighbours into one entry', async () => {
    // Points 0 and 1 choose each other; 2 chooses 0.
    const p = await symmetrize(3, 1, Int32Array.from([1, 0, 0]), Float64Array.from([1, 1, 1]));
    expect(Array.from(p.rowStart)).toEqual([0, 2, 3, 4]);
    expect(Array.from(p.values)).toEqual([2 / 6, 1 / 6, 2 / 6, 1 / 6]);
  });
});

describe('bad input', () => {
  test('a perplexity of N/3 or more is refused with a clear message', async () => {
    expect(maxPerplexity(500)).toBe(166);
    expect(perplexityProblem(500, 166)).toBeUndefined();
    expect(perplexityProblem(500, 200)).toMatch(/Perplexity 200 is too large for 500 digits: it must stay below N\/3/);
    expect(perplexityProblem(500, Number.NaN)).toMatch(/must be a number/);
    const random = createRandom(1);
    const x = Float32Array.from({ length: 30 * 4 }, () => random.normal());
    await expect(computeAffinities(tf, x, 30, 4, 10)).rejects.toThrow('Perplexity 10 is too large for 30 digits');
  });

  test('a zero, negative or NaN learning rate is refused with a clear message', async () => {
    expect(learningRateProblem(200)).toBeUndefined();
    expect(learningRateProblem(0)).toMatch(/must be a positive number \(got 0\)/);
    expect(learningRateProblem(Number.NaN)).toMatch(/not a number/);
    const random = createRandom(2);
    const x = Float32Array.from({ length: 40 * 4 }, () => random.normal());
    const { p } = await computeAffinities(tf, x, 40, 4, 5);
    for (const method of ['exact', 'barnes-hut'] as const) {
      const engine = createTsne({ tf, p, method, seed: 1 });
      await expect(engine.run(1, { ...DEFAULT_SCHEDULE, learningRate: 0 })).rejects.toThrow('must be a positive number');
      await expect(engine.run(1, { ...DEFAULT_SCHEDULE, learningRate: Number.NaN })).rejects.toThrow('not a number');
      expect(engine.iteration).toBe(0);
      engine.dispose();
    }
  });
});
