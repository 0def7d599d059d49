/**
 * The residual race's networks and trainer, in Node on the CPU backend: the stated depth and
 * shapes, both nets sharing their weights, the forward pass against a plain-TypeScript reference,
 * the gradient at step 0 (it vanishes toward the input of a deep plain net, not of a residual
 * one), the same numbers from the same seed, and an exact tensor count.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { createRaceEngine } from '../../src/engines/residual-race/race-engine.ts';
import { createRaceNet, mainPathLayers, raceNetSpec, type NetKind, type RaceNetSpec } from '../../src/engines/residual-race/race-net.ts';
import { createRaceTrainer } from '../../src/engines/residual-race/race-trainer.ts';
import { downsampleDigits } from '../../src/engines/residual-race/digits14.ts';
import { createRandom } from '../../src/engines/random.ts';
import { describeRace, recentLoss } from '../../src/demos/residual-race/summary.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Synthetic 14×14 "digits": a bright bar whose position is the label, plus noise. */
function toyDigits(count: number, seed: number) {
  const random = createRandom(seed);
  const images = new Float32Array(count * 196);
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    labels[n] = n % 10;
    for (let p = 0; p < 196; p++) images[n * 196 + p] = 0.1 * random.next() + (Math.floor((p % 14) / 1.4) === labels[n] ? 0.9 : 0);
  }
  return { images, labels };
}

/** Plain-TypeScript forward pass of a race net ('same' convolutions, [H][W][C] volumes). */
function referenceScores(spec: RaceNetSpec, kind: NetKind, weights: Float32Array[], image: Float32Array): number[] {
  let at = 0;
  const next = () => weights[at++]!;
  type Vol = { h: number; w: number; c: number; v: Float32Array };
  const conv = (x: Vol, size: number, k: number, w: Float32Array, b: Float32Array): Vol => {
    const out = new Float32Array(x.h * x.w * k);
    const p = (size - 1) / 2;
    for (let i = 0; i < x.h; i++) for (let j = 0; j < x.w; j++) for (let o = 0; o < k; o++) {
      let sum = b[o]!;
      for (let di = 0; di < size; di++) for (let dj = 0; dj < size; dj++) {
        const r = i + di - p;
        const s = j + dj - p;
        if (r < 0 || s < 0 || r >= x.h || s >= x.w) continue;
        for (let c = 0; c < x.c; c++) sum += x.v[(r * x.w + s) * x.c + c]! * w[((di * size + dj) * x.c + c) * k + o]!;
      }
      out[(i * x.w + j) * k + o] = sum;
    }
    return { h: x.h, w: x.w, c: k, v: out };
  };
  const relu = (x: Vol): Vol => ({ ...x, v: x.v.map((v) => Math.max(0, v)) });
  const pool = (x: Vol): Vol => {
    const h = x.h / 2;
    const w = x.w / 2;
    const v = new Float32Array(h * w * x.c);
    for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) for (let c = 0; c < x.c; c++) {
      v[(i * w + j) * x.c + c] = Math.max(...[[0, 0], [0, 1], [1, 0], [1, 1]].map(([a, d]) => x.v[((2 * i + a!) * x.w + 2 * j + d!) * x.c + c]!));
    }
    return { h, w, c: x.c, v };
  };
  let h = relu(conv({ h: 14, w: 14, c: 1, v: image }, 3, spec.stem.outputs, next(), next()));
  for (const block of spec.blocks) {
    if (block.poolBefore) h = pool(h);
    const a = relu(conv(h, 3, block.convs[0].outputs, next(), next()));
    const inner = conv(a, 3, block.convs[1].outputs, next(), next());
    if (kind === 'plain') h = relu(inner);
    else {
      const short = block.projection ? conv(h, 1, block.projection.outputs, next(), next()) : h;
      h = relu({ ...inner, v: inner.v.map((v, i) => v + short.v[i]!) });
    }
  }
  const pooled = Array.from({ length: h.c }, (_, c) => {
    let s = 0;
    for (let p = 0; p < h.h * h.w; p++) s += h.v[p * h.c + c]!;
    return s / (h.h * h.w);
  });
  const fcW = next();
  const fcB = next();
  return Array.from({ length: 10 }, (_, o) => pooled.reduce((s, v, c) => s + v * fcW[c * 10 + o]!, fcB[o]!));
}

describe('the race networks', () => {
  test('depth counts the main path: depth 20 is conv 1, 9 blocks of two convolutions, fc', () => {
    const spec = raceNetSpec(20);
    expect(mainPathLayers(spec)).toHaveLength(20);
    expect(spec.blocks).toHaveLength(9);
    expect(spec.blocks.map((b) => b.convs[1].outputs)).toEqual([8, 8, 8, 8, 8, 16, 16, 16, 16]);
    expect(spec.blocks.map((b) => b.poolBefore)).toEqual([false, false, false, false, false, true, false, false, false]);
    expect(spec.blocks.filter((b) => b.projection).map((b) => b.projection!.inputs)).toEqual([8]);
    for (const depth of [8, 14, 32]) expect(mainPathLayers(raceNetSpec(depth))).toHaveLength(depth);
    expect(() => raceNetSpec(21)).toThrow('depth 21: an even number from 8 to 32');
    expect(() => raceNetSpec(6)).toThrow();
  });

  test('both nets share every main-path weight; only the residual one has a projection', async () => {
    const spec = raceNetSpec(14);
    const plain = createRaceNet(tf, spec, 'plain', { seed: 3, batchNorm: false });
    const residual = createRaceNet(tf, spec, 'residual', { seed: 3, batchNorm: false });
    expect(residual.variables.length - plain.variables.length).toBe(2);
    for (let i = 0; i < plain.mainWeights.length; i++) expect(await residual.mainWeights[i]!.data()).toEqual(await plain.mainWeights[i]!.data());
    plain.dispose();
    residual.dispose();
  });

  for (const kind of ['plain', 'residual'] as const) {
    test(`${kind}: the forward pass matches the plain-TypeScript reference, scores [N, 10]`, async () => {
      const spec = raceNetSpec(8);
      const net = createRaceNet(tf, spec, kind, { seed: 5, batchNorm: false });
      const { images } = toyDigits(2, 1);
      const scores = tf.tidy(() => net.scores(tf.tensor4d(images, [2, 14, 14, 1])));
      expect(scores.shape).toEqual([2, 10]);
      const values = await scores.data();
      const weights = await Promise.all(net.variables.map(async (v) => Float32Array.from(await v.data())));
      for (let n = 0; n < 2; n++) {
        const expected = referenceScores(spec, kind, weights, images.subarray(n * 196, (n + 1) * 196));
        expected.forEach((e, o) => expect(values[n * 10 + o]).toBeCloseTo(e, 4));
      }
      tf.dispose([scores]);
      net.dispose();
    });
  }
});

describe('the race', () => {
  const data = toyDigits(200, 2);
  const options = { tf, train: data, heldOut: toyDigits(50, 3), depth: 20, batchNorm: false, seed: 1, batchSize: 8, learningRate: 0.02 };

  test('at depth 20 the gradient reaching the first layer at step 0 is far smaller in the plain net', async () => {
    const trainer = createRaceTrainer(options);
    let norms: Record<NetKind, number[]> | undefined;
    await trainer.train(1, () => true, (record) => (norms = record.norms));
    expect(norms!.plain).toHaveLength(20);
    expect(norms!.residual[0]! / norms!.plain[0]!).toBeGreaterThan(20);
    trainer.dispose();
  });

  test('same seed, same losses; the tensor count is flat after the first step and back to the start after dispose', async () => {
    const start = tf.memory().numTensors;
    const run = async () => {
      // Depth 8 keeps the CPU backend quick; depth 20 is checked above.
      const engine = createRaceEngine(tf, { ...options, depth: 8 }, new AbortController().signal);
      const first = (await engine.handle({ steps: 1, normsEvery: 50, evaluate: false })).reply;
      const after = tf.memory().numTensors;
      const second = (await engine.handle({ steps: 3, normsEvery: 50, evaluate: true })).reply;
      expect(tf.memory().numTensors).toBe(after);
      engine.dispose();
      expect(tf.memory().numTensors).toBe(start);
      return { first, second };
    };
    const a = await run();
    const b = await run();
    expect(a.first.norms.map((n) => n.step)).toEqual([0]);
    expect(a.second.step).toBe(4);
    expect(a.second.losses.plain).toHaveLength(3);
    expect(a.second.accuracy!.residual).toBeGreaterThanOrEqual(0);
    expect(b.second.losses).toEqual(a.second.losses);
    expect(b.first.norms).toEqual(a.first.norms);
  });
});

describe('digits and readouts', () => {
  test('14×14 digits are 2×2 averages scaled to [0, 1]', () => {
    const image = new Uint8Array(784);
    image[0] = 255;
    image[29] = 255;
    image[2] = 51;
    const small = downsampleDigits(image, 0, 1);
    expect(small[0]).toBeCloseTo(0.5, 6);
    expect(small[1]).toBeCloseTo(0.05, 6);
    expect(small.length).toBe(196);
  });

  test('the summary in words', () => {
    expect(recentLoss([])).toBeUndefined();
    expect(describeRace({ step: 2, steps: 500, depth: 20, batchNorm: false, losses: { plain: [2.3, 2.31], residual: [2.2, 2.0] }, accuracy: { step: 2, plain: 0.113, residual: 0.5 }, firstNorms: { step: 0, norms: { plain: [0.00078, 0.012], residual: [0.33, 4.7] } } })).toBe(
      'Step 2 of 500, depth 20, no batch norm. Training loss (last 2 steps): plain 2.305, residual 2.100. Held-out accuracy at step 2: plain 11.3%, residual 50.0%. Gradient norm of the first layer at step 0: plain 7.8e-4, residual 3.3e-1 (last layer: 1.2e-2 and 4.7e+0).',
    );
  });
});
