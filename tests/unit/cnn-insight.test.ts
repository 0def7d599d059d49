/**
 * What the network sees (Lecture 12), on the shipped ConvNet and real held-out digits, CPU
 * backend: the saliency map is the true gradient of the class score (finite differences), the
 * occlusion map is what direct forward passes of occluded images give, and gradient ascent on the
 * input fools the network with a bounded perturbation.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPretrainedCnnNode } from '../../src/data/model-node.ts';
import { digitPixels } from '../../src/data/mnist-format.ts';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { cnnScores, cnnVariables, type CnnParams } from '../../src/engines/cnn/cnn-model.ts';
import { createFoolingRun } from '../../src/engines/cnn/fooling.ts';
import { occlude, occlusionMap, occlusionPositions } from '../../src/engines/cnn/occlusion.ts';
import { imageTensor, saliencyMap } from '../../src/engines/cnn/saliency.ts';

const data = loadMnistNode();
const { weights } = loadPretrainedCnnNode();
let params: CnnParams;
const digit = (index: number) => Float32Array.from(digitPixels(data, index), (v) => v / 255);

async function scoresOf(pixels: Float32Array): Promise<Float32Array> {
  const s = tf.tidy(() => cnnScores(tf, params, imageTensor(tf, pixels)));
  const values = (await s.data()) as Float32Array;
  s.dispose();
  return values;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  params = cnnVariables(tf, weights);
});
afterAll(() => tf.dispose(Object.values(params)));

describe('saliency map', () => {
  test('is the gradient of the class score: it matches finite differences wherever the score is differentiable', async () => {
    const pixels = digit(8000);
    const label = data.labels[8000]!;
    const before = tf.memory().numTensors;
    const s = await saliencyMap(tf, params, pixels, label);
    expect(tf.memory().numTensors).toBe(before);
    expect(s.scores).toEqual(await scoresOf(pixels));
    expect(s.map).toEqual(s.gradient.map(Math.abs));
    const order = Array.from(s.map.keys()).sort((a, b) => s.map[b]! - s.map[a]!);
    const largest = s.map[order[0]!]!;
    expect(largest).toBeGreaterThan(0.05);
    // Max pooling makes the score piecewise smooth: where a window ties (blank background, all
    // pre-activations equal to the bias) the one-sided derivatives differ. Compare where they agree.
    const h = 1e-3;
    const tolerance = 0.01 * largest + 3e-3;
    const base = (await scoresOf(pixels))[label]!;
    let checked = 0;
    for (const i of [...order.slice(0, 30), ...Array.from({ length: 40 }, (_, k) => 150 + 13 * k)]) {
      const plus = Float32Array.from(pixels);
      const minus = Float32Array.from(pixels);
      plus[i]! += h;
      minus[i]! -= h;
      const forward = ((await scoresOf(plus))[label]! - base) / h;
      const backward = (base - (await scoresOf(minus))[label]!) / h;
      if (Math.abs(forward - backward) > tolerance) continue;
      checked++;
      expect(Math.abs((forward + backward) / 2 - s.gradient[i]!), `pixel ${i}`).toBeLessThan(tolerance);
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });
});

describe('occlusion sensitivity', () => {
  test.each([
    [4, 2, 13],
    [7, 7, 4],
    [6, 4, 6],
    [28, 1, 1],
    [1, 1, 28],
  ])('a %i px patch with stride %i takes %i positions per axis, (W − P)/S + 1 rounded down', (patch, stride, count) => {
    const positions = occlusionPositions(patch, stride);
    expect(positions).toHaveLength(count);
    expect(positions.at(-1)! + patch).toBeLessThanOrEqual(28);
  });

  test('a patch that does not fit is refused', () => {
    expect(() => occlusionPositions(0, 2)).toThrow('does not fit');
    expect(() => occlusionPositions(30, 2)).toThrow('does not fit');
  });

  test('each cell is the class probability of the image occluded there, and covering the stroke hurts most', async () => {
    const pixels = digit(8001);
    const label = data.labels[8001]!;
    const before = tf.memory().numTensors;
    // Patch value 0, the background: the patch erases what it covers.
    const map = await occlusionMap(tf, params, pixels, label, { patch: 8, stride: 2, fill: 0 });
    expect(tf.memory().numTensors).toBe(before);
    const n = map.positions.length;
    expect(map.probabilities).toHaveLength(n * n);
    const softmax = (scores: Float32Array) => {
      const max = Math.max(...scores);
      const exp = scores.map((v) => Math.exp(v - max));
      const sum = exp.reduce((a, b) => a + b, 0);
      return exp.map((v) => v / sum);
    };
    expect(map.baseline).toBeCloseTo(softmax(await scoresOf(pixels))[label]!, 5);
    for (const [row, col] of [[0, 0], [2, 3], [n - 1, n - 1]] as const) {
      const direct = softmax(await scoresOf(occlude(pixels, map.positions[col]!, map.positions[row]!, 8, 0)))[label]!;
      expect(map.probabilities[row * n + col]).toBeCloseTo(direct, 5);
    }
    // A patch in a corner (background) changes little; the lowest cell is well below the baseline.
    expect(Math.abs(map.probabilities[0]! - map.baseline)).toBeLessThan(0.05);
    expect(Math.min(...map.probabilities)).toBeLessThan(map.baseline - 0.2);
  });
});

describe('fooling image', () => {
  test('gradient ascent on the input makes the network report the target class, with a bounded perturbation', async () => {
    const index = 8002;
    const label = data.labels[index]!;
    const target = (label + 3) % 10;
    const before = tf.memory().numTensors;
    const run = await createFoolingRun(tf, params, digit(index), { target, stepSize: 0.01, confidence: 0.9 });
    expect(run.state.predicted).toBe(label);
    expect(run.state.fooled).toBe(false);
    let state = run.state;
    while (!state.fooled && state.steps < 200) state = await run.step(10);
    expect(state.fooled).toBe(true);
    expect(state.predicted).toBe(target);
    expect(state.probabilities[target]).toBeGreaterThanOrEqual(0.9);
    // Each step moves a pixel by at most η, and pixels stay intensities.
    expect(state.linf).toBeLessThanOrEqual(state.steps * 0.01 + 1e-6);
    expect(Math.min(...state.pixels)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...state.pixels)).toBeLessThanOrEqual(1);
    expect(state.perturbation.every((v, i) => Math.abs(state.pixels[i]! - digit(index)[i]! - v) < 1e-6)).toBe(true);
    // Once fooled, further steps do nothing.
    expect((await run.step(5)).steps).toBe(state.steps);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  test('a target that is not a digit is refused', async () => {
    await expect(createFoolingRun(tf, params, digit(8000), { target: 10, stepSize: 0.01, confidence: 0.9 })).rejects.toThrow('must be a digit 0-9');
  });
});
