import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { standardize, type LabConfig, type LabShape } from '../../src/engines/activation-lab/network.ts';
import { batchNormBackward, batchNormForward, referenceSweep } from '../../src/engines/activation-lab/reference.ts';
import { layerStats } from '../../src/engines/activation-lab/stats.ts';
import { statisticsSweep } from '../../src/engines/activation-lab/sweep.ts';

const data = loadMnistNode();
const shape: LabShape = { inputs: 784, layers: 4, width: 16, classes: 10, batch: 12, seed: 3 };
const input = { x: standardize(data.images, 0, shape.batch), labels: data.labels.subarray(0, shape.batch) };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const configs: [string, LabConfig][] = [
  ['tanh, 0.01·N(0,1)', { activation: 'tanh', init: 'small', batchNorm: false, dropout: 0 }],
  ['tanh, Xavier, dropout 0.3', { activation: 'tanh', init: 'xavier', batchNorm: false, dropout: 0.3 }],
  ['ReLU, He, batch norm', { activation: 'relu', init: 'he', batchNorm: true, dropout: 0 }],
  ['ReLU, Xavier, batch norm, dropout 0.5', { activation: 'relu', init: 'xavier', batchNorm: true, dropout: 0.5 }],
];

/** |a − b| within 1e-4 of the layer's scale (its std), so tiny gradients are held to the same relative standard. */
function expectClose(actual: number, expected: number, scale: number, what: string) {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-4 * scale + 1e-12);
}

describe('activation lab sweep', () => {
  test.each(configs)('%s: per-layer activation and gradient statistics match the float64 reference', async (_, config) => {
    const before = tf.memory().numTensors;
    const result = await statisticsSweep(tf, shape, config, input);
    expect(tf.memory().numTensors).toBe(before);
    const reference = referenceSweep(shape, config, input.x, input.labels);
    expect(result.loss).toBeCloseTo(reference.loss, 5);
    result.layers.forEach((layer, l) => {
      const acts = layerStats(Float32Array.from(reference.activations[l]!), shape.width, config.activation === 'tanh');
      const grads = layerStats(Float32Array.from(reference.gradients[l]!), shape.width, true);
      expectClose(layer.activations.mean, acts.mean, acts.std, `layer ${l + 1} activation mean`);
      expectClose(layer.activations.std, acts.std, acts.std, `layer ${l + 1} activation std`);
      expectClose(layer.gradients.mean, grads.mean, grads.std, `layer ${l + 1} gradient mean`);
      expectClose(layer.gradients.std, grads.std, grads.std, `layer ${l + 1} gradient std`);
      expect(layer.activations.dead).toBe(acts.dead);
    });
  });

  test('the same seed gives the same numbers; another seed does not', async () => {
    const config = configs[2]![1];
    const a = await statisticsSweep(tf, shape, config, input);
    const b = await statisticsSweep(tf, shape, config, input);
    const c = await statisticsSweep(tf, { ...shape, seed: 4 }, config, input);
    expect(b.loss).toBe(a.loss);
    expect(b.layers).toEqual(a.layers);
    expect(c.loss).not.toBe(a.loss);
  });

  test('0.01·N(0,1) with tanh collapses deep activations; Xavier keeps them (10 × 100)', async () => {
    const deep = { ...shape, layers: 10, width: 100, batch: 100 };
    const x = { x: standardize(data.images, 0, 100), labels: data.labels.subarray(0, 100) };
    const small = await statisticsSweep(tf, deep, configs[0]![1], x);
    const xavier = await statisticsSweep(tf, deep, { ...configs[0]![1], init: 'xavier' }, x);
    expect(small.layers[9]!.activations.std).toBeLessThan(1e-6);
    expect(xavier.layers[9]!.activations.std).toBeGreaterThan(0.1);
    // The initial loss of a net whose outputs are all near zero is ln 10.
    expect(small.loss).toBeCloseTo(Math.log(10), 3);
  });
});

describe('batch norm reference', () => {
  test('forward gives zero mean and unit variance per column; backward matches centred differences', () => {
    const n = 5;
    const d = 3;
    const s = Float64Array.from({ length: n * d }, (_, i) => Math.sin(1.7 * i) * (1 + (i % d)));
    const { y, rho } = batchNormForward(s, n, d);
    for (let j = 0; j < d; j++) {
      const column = Array.from({ length: n }, (_, i) => y[i * d + j]!);
      expect(column.reduce((a, b) => a + b, 0) / n).toBeCloseTo(0, 12);
      expect(column.reduce((a, b) => a + b * b, 0) / n).toBeCloseTo(1 / (1 + 1e-5 * rho[j]! ** 2), 9);
    }
    const g = Float64Array.from({ length: n * d }, (_, i) => Math.cos(0.9 * i));
    const objective = (input: Float64Array) => batchNormForward(input, n, d).y.reduce((sum, v, i) => sum + v * g[i]!, 0);
    const dx = batchNormBackward(g, y, rho, n, d);
    for (let i = 0; i < n * d; i++) {
      const plus = Float64Array.from(s);
      const minus = Float64Array.from(s);
      plus[i]! += 1e-6;
      minus[i]! -= 1e-6;
      expect(dx[i]!).toBeCloseTo((objective(plus) - objective(minus)) / 2e-6, 6);
    }
  });
});

describe('layer statistics', () => {
  test('mean, std, histogram, saturation and dead units on a hand-made layer', () => {
    // 2 examples × 3 units; unit 2 is zero on both examples.
    const stats = layerStats(Float32Array.from([1, -0.5, 0, 0.995, 0.5, 0]), 3, true, 4);
    expect(stats.mean).toBeCloseTo(1.995 / 6, 6);
    expect(stats.std).toBeCloseTo(Math.sqrt([1, -0.5, 0, 0.995, 0.5, 0].reduce((s, v) => s + (v - 1.995 / 6) ** 2, 0) / 6), 6);
    expect([stats.low, stats.high]).toEqual([-1, 1]);
    expect(stats.counts).toEqual([0, 1, 2, 3]); // bins [-1,-.5) [-.5,0) [0,.5) [.5,1]
    expect(stats.saturated).toBeCloseTo(2 / 6, 9);
    expect(stats.dead).toBeCloseTo(1 / 3, 9);
  });
});
