import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { emptyClasses, formatAddedPoints, generateSpiral, parseAddedPoints, withAddedPoints } from '../../src/engines/spiral/spiral-data.ts';
import { createSpiralEngine } from '../../src/engines/spiral/spiral-engine.ts';
import { pointPath, referenceStep } from '../../src/engines/spiral/spiral-reference.ts';
import { createSpiralTrainer, GRID_SIZE, initialWeights, type SpiralModel } from '../../src/engines/spiral/spiral-trainer.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let most = 0;
  for (let i = 0; i < a.length; i++) most = Math.max(most, Math.abs(a[i]! - b[i]!));
  return most;
};

describe('spiral data', () => {
  test('shapes, labels, radius, and the same seed gives the same points', () => {
    const data = generateSpiral({ perClass: 100, classes: 3, noise: 0.2, seed: 4 });
    expect(data.points.length).toBe(600);
    expect(Array.from(data.labels.slice(95, 105))).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(data.labels[299]).toBe(2);
    // Point i of each arm lies at radius i / (N − 1).
    expect(Math.hypot(data.points[2 * 150]!, data.points[2 * 150 + 1]!)).toBeCloseTo(50 / 99, 5);
    expect(generateSpiral({ perClass: 100, classes: 3, noise: 0.2, seed: 4 }).points).toEqual(data.points);
    expect(generateSpiral({ perClass: 100, classes: 3, noise: 0.2, seed: 5 }).points).not.toEqual(data.points);
    // Without noise, arm j's last point sits at angle 4(j + 1).
    const clean = generateSpiral({ perClass: 10, classes: 5, noise: 0, seed: 1 });
    expect(clean.points[2 * 19]).toBeCloseTo(Math.sin(8), 5);
    expect(clean.points[2 * 19 + 1]).toBeCloseTo(Math.cos(8), 5);
  });

  test('added points: text round trip, classes beyond K dropped, empty classes found', () => {
    const added = parseAddedPoints('0.5,-0.25,1;-1,0,4');
    expect(added).toEqual([[0.5, -0.25, 1], [-1, 0, 4]]);
    expect(formatAddedPoints(added)).toBe('0.50,-0.25,1;-1.00,0.00,4');
    const base = generateSpiral({ perClass: 0, classes: 3, noise: 0.2, seed: 1 });
    const data = withAddedPoints(base, added);
    expect(Array.from(data.labels)).toEqual([1]);
    expect(Array.from(data.points)).toEqual([0.5, -0.25]);
    expect(emptyClasses(data)).toEqual([0, 2]);
  });
});

describe('spiral trainer against the float64 reference', () => {
  const data = generateSpiral({ perClass: 40, classes: 3, noise: 0.2, seed: 2 });
  const hyper = { learningRate: 1, lambda: 1e-3 };

  test.each(['linear', 'net'] as SpiralModel[])('%s: one gradient step matches within 1e-4', async (model) => {
    const trainer = createSpiralTrainer({ tf, ...data, hidden: 20, seed: 9, models: [model] });
    const start = initialWeights(model, 3, 20, 9);
    // Two steps: from 0.01·N(0,1) the first step's gradient is small; the second starts where it moved.
    const first = referenceStep(start, data.points, data.labels, hyper.lambda, hyper.learningRate);
    const second = referenceStep(first.weights, data.points, data.labels, hyper.lambda, hyper.learningRate);
    await trainer.train(2, hyper);
    const got = await trainer.weights(model);
    expect(maxDiff(got.W1, second.weights.W1)).toBeLessThan(1e-4);
    expect(maxDiff(got.b1, second.weights.b1)).toBeLessThan(1e-4);
    if (model === 'net') {
      expect(maxDiff(got.W2!, second.weights.W2!)).toBeLessThan(1e-4);
      expect(maxDiff(got.b2!, second.weights.b2!)).toBeLessThan(1e-4);
    }
    const history = trainer.history.get(model)!;
    expect(history.losses[0]).toBeCloseTo(first.loss, 4);
    expect(history.losses[1]).toBeCloseTo(second.loss, 4);
    expect(history.accuracies[1]).toBeCloseTo(second.accuracy, 6);
    // At 0.01·N(0,1) weights the scores are near 0: the loss starts near ln 3.
    expect(history.losses[0]).toBeCloseTo(Math.log(3), 2);
    trainer.dispose();
  });

  test('the weights move: the reference step changes them by more than the tolerance', () => {
    const start = initialWeights('net', 3, 20, 9);
    const step = referenceStep(start, data.points, data.labels, 1e-3, 1);
    expect(maxDiff(step.weights.W2!, start.W2!)).toBeGreaterThan(1e-3);
  });

  test('a point\'s path: probabilities sum to 1 and the score gradient is p − onehot', () => {
    const weights = { W1: Float64Array.of(1, -1, 0.5, 2), b1: Float64Array.of(0, 0.1), W2: Float64Array.of(1, 0, 0, 1), b2: Float64Array.of(0, 0) };
    const path = pointPath(weights, [1, 1], 1);
    expect(path.preActivation).toEqual([1.5, 1.1]);
    expect(path.hidden).toEqual([1.5, 1.1]);
    expect(path.scores).toEqual([1.5, 1.1]);
    const p0 = 1 / (1 + Math.exp(-0.4));
    expect(path.probabilities[0]).toBeCloseTo(p0, 12);
    expect(path.gradients.scores[1]).toBeCloseTo(1 - p0 - 1, 12);
  });

  test('a point\'s gradients at every stage match centred differences of its loss (float64 reference)', () => {
    const weights = initialWeights('net', 3, 8, 2);
    // Larger weights than the initial 0.01·N(0,1), so every stage has gradients well above rounding.
    const scaled = { W1: Float64Array.from(weights.W1, (v) => 100 * v), b1: Float64Array.from({ length: 8 }, (_, i) => 0.3 * Math.sin(i)), W2: Float64Array.from(weights.W2!, (v) => 100 * v), b2: Float64Array.of(0.1, -0.2, 0.05) };
    const x: [number, number] = [0.4, -0.7];
    const path = pointPath(scaled, x, 2);
    const h = 1e-6;
    // ∂L/∂x by moving the input.
    for (let d = 0; d < 2; d++) {
      const plus: [number, number] = [...x];
      const minus: [number, number] = [...x];
      plus[d]! += h;
      minus[d]! -= h;
      expect(path.gradients.x[d]).toBeCloseTo((pointPath(scaled, plus, 2).loss - pointPath(scaled, minus, 2).loss) / (2 * h), 6);
    }
    // ∂L/∂(W1ᵀx + b1) by moving b1 (the pre-activation moves with it), ∂L/∂scores by moving b2.
    const nudge = (key: 'b1' | 'b2', i: number, by: number) => pointPath({ ...scaled, [key]: scaled[key].map((v, j) => (j === i ? v + by : v)) }, x, 2).loss;
    path.gradients.preActivation.forEach((g, i) => expect(g).toBeCloseTo((nudge('b1', i, h) - nudge('b1', i, -h)) / (2 * h), 6));
    path.gradients.scores.forEach((g, k) => expect(g).toBeCloseTo((nudge('b2', k, h) - nudge('b2', k, -h)) / (2 * h), 6));
    expect(path.gradients.preActivation.filter((g, i) => path.preActivation[i]! <= 0 && g !== 0)).toEqual([]);
    // ∂L/∂p: only the point's class counts, at −1/p.
    expect(path.gradients.probabilities).toEqual([0, 0, -1 / path.probabilities[2]!]);
  });

  test.each(['net', 'linear'] as const)('%s: the engine\'s path of a point (tf.grads over probes) matches the float64 reference', async (model) => {
    const data = generateSpiral({ perClass: 20, classes: 3, noise: 0.2, seed: 3 });
    const before = tf.memory().numTensors;
    const trainer = createSpiralTrainer({ tf, ...data, hidden: 12, seed: 3, models: [model] });
    await trainer.train(40, { learningRate: 1, lambda: 1e-3 });
    const held = tf.memory().numTensors;
    const point: [number, number] = [data.points[10]!, data.points[11]!];
    const path = await trainer.pointPath(model, point, data.labels[5]!);
    expect(tf.memory().numTensors).toBe(held);
    const reference = pointPath(await trainer.weights(model), point, data.labels[5]!);
    expect(path.loss).toBeCloseTo(reference.loss, 5);
    for (const key of ['preActivation', 'hidden', 'scores', 'probabilities'] as const) {
      expect(path[key]).toHaveLength(reference[key].length);
      expect(maxDiff(path[key], reference[key]), key).toBeLessThan(1e-5);
    }
    for (const key of ['x', 'preActivation', 'hidden', 'scores', 'probabilities'] as const) {
      expect(path.gradients[key]).toHaveLength(reference.gradients[key].length);
      expect(maxDiff(path.gradients[key], reference.gradients[key]), `∂L/∂${key}`).toBeLessThan(1e-4);
    }
    if (model === 'net') expect(path.hidden.length).toBe(12);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test('same seed, same losses; tensor count exact after N steps; all freed on dispose', async () => {
    const before = tf.memory().numTensors;
    const a = createSpiralTrainer({ tf, ...data, hidden: 30, seed: 5, models: ['linear', 'net'] });
    // X, Xᵀ, a row of ones, labels, one-hot Y, the grid, 2 linear weights, 4 net weights.
    expect(tf.memory().numTensors - before).toBe(12);
    await a.train(25, hyper);
    expect(tf.memory().numTensors - before).toBe(12);
    await a.decisionMap('net');
    await a.weights('net');
    expect(tf.memory().numTensors - before).toBe(12);
    const b = createSpiralTrainer({ tf, ...data, hidden: 30, seed: 5, models: ['linear', 'net'] });
    await b.train(25, hyper);
    expect(b.history.get('net')!.losses).toEqual(a.history.get('net')!.losses);
    expect(a.step).toBe(25);
    a.dispose();
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test('the served engine: rounds, the decision map, and an abort stops it', async () => {
    const abort = new AbortController();
    const engine = await createSpiralEngine(tf, { ...data, hidden: 30, seed: 1, models: ['linear', 'net'] }, abort.signal);
    const { reply } = await engine.handle({ steps: 5, hyper, show: 'net' });
    expect(reply.step).toBe(5);
    expect(reply.losses.net).toHaveLength(5);
    expect(reply.map!.classes).toHaveLength(GRID_SIZE * GRID_SIZE);
    expect(Math.max(...reply.map!.classes)).toBeLessThan(3);
    abort.abort(new DOMException('stopped', 'AbortError'));
    await expect(engine.handle({ steps: 5, hyper })).rejects.toMatchObject({ name: 'AbortError' });
    engine.dispose();
  });
});

describe('the case study, in brief', () => {
  // Smaller than the demo's 300 points and 100 units so it stays quick on the CPU backend; the
  // demo's own figures are checked on wasm in the e2e spec and timed by the benchmark.
  test('on 120 points the 2-layer net fits the spiral and the linear classifier cannot', async () => {
    const data = generateSpiral({ perClass: 40, classes: 3, noise: 0.2, seed: 1 });
    const trainer = createSpiralTrainer({ tf, ...data, hidden: 50, seed: 1, models: ['linear', 'net'] });
    await trainer.train(2000, { learningRate: 1, lambda: 1e-3 });
    const linear = trainer.history.get('linear')!.accuracies.at(-1)!;
    const net = trainer.history.get('net')!.accuracies.at(-1)!;
    expect(linear).toBeGreaterThan(0.4);
    expect(linear).toBeLessThan(0.6);
    expect(net).toBeGreaterThan(0.9);
    trainer.dispose();
  }, 120_000);
});
