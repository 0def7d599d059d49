import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { createRandom } from '../../src/engines/random.ts';
import { computeAffinities } from '../../src/engines/tsne/affinities.ts';
import { toDense, type SparseAffinities } from '../../src/engines/tsne/joint-affinities.ts';
import { finiteDifferenceGradient, referenceGradient, referenceKl } from '../../src/engines/tsne/reference.ts';
import { createTsne, type GradientMethod } from '../../src/engines/tsne/tsne-engine.ts';
import { createBalance, createForceField, splitRanges } from '../../src/engines/tsne/barnes-hut-core.ts';
import { pixelFeatures } from '../../src/engines/tsne/features.ts';
import { loadMnistNode } from '../../src/data/mnist-node.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A tiny problem: 12 points in 5-D, perplexity 3 (9 neighbours each), a spread-out embedding. */
async function tinyProblem(): Promise<{ p: SparseAffinities; dense: Float32Array; y: Float64Array }> {
  const random = createRandom(42);
  const n = 12;
  const x = Float32Array.from({ length: n * 5 }, () => random.normal());
  const { p } = await computeAffinities(tf, x, n, 5, 3);
  const y = Float64Array.from({ length: 2 * n }, () => 2 * random.normal());
  return { p, dense: toDense(p), y };
}

function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0, norm = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i]! - b[i]!) ** 2;
    norm += b[i]! ** 2;
  }
  return Math.sqrt(diff / norm);
}

describe('t-SNE gradient', () => {
  test('the reference gradient equals a finite-difference gradient of KL', async () => {
    const { dense, y } = await tinyProblem();
    const numeric = finiteDifferenceGradient(dense, y, 12);
    expect(relativeError(referenceGradient(dense, y, 12), numeric)).toBeLessThan(1e-6);
    expect(Math.max(...numeric.map(Math.abs))).toBeGreaterThan(1e-3);
  });

  test.each<[GradientMethod, number, number]>([
    ['barnes-hut', 0, 1e-6],
    ['exact', 0, 1e-4],
    ['barnes-hut', 0.5, 0.05],
  ])('the %s engine (theta %s) matches finite differences within %s', async (method, theta, tolerance) => {
    const { p, dense, y } = await tinyProblem();
    const engine = createTsne({ tf, p, method, seed: 0, theta, initial: y });
    const numeric = finiteDifferenceGradient(dense, y, 12);
    expect(relativeError(await engine.gradient(1), numeric)).toBeLessThan(tolerance);
    // Early exaggeration multiplies P in the attractive term only.
    expect(relativeError(await engine.gradient(12), referenceGradient(dense, y, 12, 12))).toBeLessThan(Math.max(tolerance, 1e-5));
    expect(Math.abs((await engine.klDivergence()) - referenceKl(dense, y, 12))).toBeLessThan(method === 'exact' ? 1e-5 : tolerance);
    engine.dispose();
  });
});

describe('t-SNE engines', () => {
  test('the same seed gives the same embedding on the CPU backend, another seed another one', async () => {
    const { p } = await tinyProblem();
    const schedule = { learningRate: 10, exaggeration: 4, exaggerationIterations: 20, momentumEarly: 0.5, momentumLate: 0.8 };
    for (const method of ['exact', 'barnes-hut'] as const) {
      const runs = await Promise.all([3, 3, 4].map(async (seed) => {
        const engine = createTsne({ tf, p, method, seed });
        await engine.run(60, schedule);
        const y = await engine.embedding();
        engine.dispose();
        return Array.from(y);
      }));
      expect(runs[0], method).toEqual(runs[1]);
      expect(runs[0], method).not.toEqual(runs[2]);
    }
  });

  test('the exact engine keeps the tensor count flat over 500 iterations and frees everything', async () => {
    const { p } = await tinyProblem();
    const before = tf.memory().numTensors;
    const engine = createTsne({ tf, p, method: 'exact', seed: 1 });
    const schedule = { learningRate: 10, exaggeration: 12, exaggerationIterations: 100, momentumEarly: 0.5, momentumLate: 0.8 };
    const kls = await engine.run(50, schedule, { klEvery: 10 });
    const during = tf.memory().numTensors;
    for (let batch = 1; batch < 10; batch++) {
      kls.push(...(await engine.run(50, schedule, { klEvery: 10 })));
      expect(tf.memory().numTensors).toBe(during);
    }
    expect(engine.iteration).toBe(500);
    expect(kls.map((r) => r.iteration)).toEqual(Array.from({ length: 50 }, (_, i) => 10 * i));
    expect(kls.at(-1)!.kl).toBeLessThan(kls[0]!.kl);
    engine.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a run stops once its signal fires: an AbortError, iterations done so far kept, no tensor left', async () => {
    const { p } = await tinyProblem();
    for (const method of ['exact', 'barnes-hut'] as const) {
      const engine = createTsne({ tf, p, method, seed: 2 });
      const before = tf.memory().numTensors;
      const abort = new AbortController();
      let reads = 0;
      // The learning rate is read once per iteration (and once to check it): the run is stopped during its 4th iteration.
      const schedule = { exaggeration: 4, exaggerationIterations: 20, momentumEarly: 0.5, momentumLate: 0.8, get learningRate() {
        if (++reads === 5) abort.abort(new DOMException('stopped', 'AbortError'));
        return 10;
      } };
      const error = await engine.run(500, schedule, { klEvery: 1, signal: abort.signal }).catch((e: unknown) => e);
      expect((error as Error).name, method).toBe('AbortError');
      expect(engine.iteration, method).toBeGreaterThanOrEqual(4);
      expect(engine.iteration, method).toBeLessThan(500);
      expect(tf.memory().numTensors, method).toBe(before);
      engine.dispose();
    }
  });

  test('exact and Barnes-Hut (theta 0) engines take the same steps from the same start', async () => {
    const { p } = await tinyProblem();
    const schedule = { learningRate: 10, exaggeration: 4, exaggerationIterations: 5, momentumEarly: 0.5, momentumLate: 0.8 };
    // float32 against float64: the gains' sign tests amplify rounding, so compare the first steps.
    const paths = await Promise.all((['exact', 'barnes-hut'] as const).map(async (method) => {
      const engine = createTsne({ tf, p, method, seed: 9, theta: 0 });
      const kls = await engine.run(10, schedule, { klEvery: 2 });
      const y = await engine.embedding();
      engine.dispose();
      return { kls, y };
    }));
    const [exact, bh] = paths as [typeof paths[0], typeof paths[0]];
    expect(exact.kls).toHaveLength(5);
    exact.kls.forEach((r, i) => expect(r.kl).toBeCloseTo(bh.kls[i]!.kl, 4));
    expect(relativeError(exact.y, bh.y)).toBeLessThan(1e-3);
    expect(Math.hypot(...bh.y)).toBeGreaterThan(1);
  });
});

describe('Barnes-Hut split over threads', () => {
  test('forces computed in separate shares (as the workers do) are bit-identical to one pass', async () => {
    const data = loadMnistNode();
    const n = 700;
    const { p } = await computeAffinities(tf, pixelFeatures(data.images, n), n, 784, 20);
    const random = createRandom(6);
    const y = Float64Array.from({ length: 2 * n }, () => 10 * random.normal());
    const whole = createForceField(p, 0.5);
    whole.build(y);
    whole.compute(y, 0, n);
    for (const parts of [2, 3, 4]) {
      const ranges = splitRanges(n, parts);
      expect(ranges[0]![0]).toBe(0);
      expect(ranges.at(-1)![1]).toBe(n);
      ranges.slice(1).forEach(([from], k) => expect(from).toBe(ranges[k]![1]));
      const merged = { attractive: new Float64Array(2 * n), repulsive: new Float64Array(2 * n), blockZ: new Float64Array(whole.blockZ.length) };
      for (const [from, to] of ranges) {
        // Each share in its own field, as in its own worker: its own tree of the same y.
        const share = createForceField(p, 0.5);
        const order = share.build(y);
        share.compute(y, from, to);
        for (let a = from; a < to; a++) {
          const i = order[a]!;
          for (const c of [2 * i, 2 * i + 1]) {
            merged.attractive[c] = share.attractive[c]!;
            merged.repulsive[c] = share.repulsive[c]!;
          }
        }
        for (let b = Math.floor(from / 256); b < Math.ceil(to / 256); b++) merged.blockZ[b] = share.blockZ[b]!;
      }
      expect(merged.attractive).toEqual(whole.attractive);
      expect(merged.repulsive).toEqual(whole.repulsive);
      expect(merged.blockZ).toEqual(whole.blockZ);
    }
  }, 60_000);
});

describe('balancing the split between threads', () => {
  const covers = (ranges: [number, number][], n: number) => {
    expect(ranges[0]![0]).toBe(0);
    expect(ranges.at(-1)![1]).toBe(n);
    ranges.slice(1).forEach(([from], k) => expect(from).toBe(ranges[k]![1]));
    for (const [from] of ranges) expect(from % 256 === 0 || from === n).toBe(true);
  };

  test('moves points towards the faster thread and always covers every point once', () => {
    const n = 10000;
    const balance = createBalance(n, 2);
    covers(balance.ranges(), n);
    const size = (r: [number, number]) => r[1] - r[0];
    const start = balance.ranges().map(size);
    expect(Math.abs(start[0]! - start[1]!)).toBeLessThanOrEqual(256);
    // Thread 0 is three times slower per point: its share shrinks towards a quarter.
    for (let step = 0; step < 20; step++) {
      const [a, b] = balance.ranges().map(size) as [number, number];
      balance.measured([3 * a, b]);
      covers(balance.ranges(), n);
    }
    const [a, b] = balance.ranges().map(size) as [number, number];
    expect(a / (a + b)).toBeGreaterThan(0.2);
    expect(a / (a + b)).toBeLessThan(0.3);
  });

  test('keeps at least one block per thread, and copes with fewer blocks than threads', () => {
    const balance = createBalance(1000, 3);
    for (let step = 0; step < 10; step++) {
      balance.measured([100, 1, 1]);
      covers(balance.ranges(), 1000);
      for (const [from, to] of balance.ranges()) expect(to).toBeGreaterThan(from);
    }
    const tiny = createBalance(300, 4);
    tiny.measured([1, 1, 1, 1]);
    covers(tiny.ranges(), 300);
  });
});
