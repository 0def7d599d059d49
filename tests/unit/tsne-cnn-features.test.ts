/**
 * CNN codes for the t-SNE demo: the last hidden layer of the shipped ConvNet, computed in
 * batches. Checked against a plain-TypeScript forward pass of the same weights, and for what
 * they are for: nearest neighbours in this space share their label far more often than in pixels.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadPretrainedCnnNode } from '../../src/data/model-node.ts';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import type { CnnWeights } from '../../src/engines/cnn/architecture.ts';
import { cnnCodes } from '../../src/engines/tsne/cnn-features.ts';
import { cnnDescription, digitFeatures, pixelFeatures } from '../../src/engines/tsne/features.ts';
import { TSNE_SPEC } from '../../src/demos/tsne/spec.ts';
import { decodeSettings } from '../../src/demos/settings.ts';

const data = loadMnistNode();
const network = loadPretrainedCnnNode();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** 'same' convolution (stride 1) of x [H, W, C] with w [F, F, C, K] (tfjs layout) plus b, then ReLU. */
function convRelu(x: Float64Array, size: number, channels: number, w: Float32Array, b: Float32Array, f: number, k: number): Float64Array {
  const out = new Float64Array(size * size * k);
  const p = (f - 1) / 2;
  for (let h = 0; h < size; h++) for (let v = 0; v < size; v++) for (let o = 0; o < k; o++) {
    let sum = b[o]!;
    for (let i = 0; i < f; i++) for (let j = 0; j < f; j++) {
      const y = h + i - p, z = v + j - p;
      if (y < 0 || y >= size || z < 0 || z >= size) continue;
      for (let c = 0; c < channels; c++) sum += x[(y * size + z) * channels + c]! * w[((i * f + j) * channels + c) * k + o]!;
    }
    out[(h * size + v) * k + o] = Math.max(0, sum);
  }
  return out;
}

function maxPool(x: Float64Array, size: number, channels: number): Float64Array {
  const half = size / 2;
  const out = new Float64Array(half * half * channels);
  for (let h = 0; h < half; h++) for (let v = 0; v < half; v++) for (let c = 0; c < channels; c++) {
    let best = -Infinity;
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) best = Math.max(best, x[((2 * h + i) * size + 2 * v + j) * channels + c]!);
    out[(h * half + v) * channels + c] = best;
  }
  return out;
}

/** The ConvNet up to its last hidden layer, for one digit, in plain TypeScript (float64). */
function referenceCode(weights: CnnWeights, pixels: Uint8Array): Float64Array {
  const a = weights.architecture;
  const v = weights.values;
  const x = Float64Array.from(pixels, (p) => p / 255);
  const pool1 = maxPool(convRelu(x, 28, 1, v['conv1.w'], v['conv1.b'], a.filterSize, a.conv1Filters), 28, a.conv1Filters);
  const pool2 = maxPool(convRelu(pool1, 14, a.conv1Filters, v['conv2.w'], v['conv2.b'], a.filterSize, a.conv2Filters), 14, a.conv2Filters);
  const hidden = new Float64Array(a.hidden);
  for (let u = 0; u < a.hidden; u++) {
    let sum = v['fc1.b'][u]!;
    for (let i = 0; i < pool2.length; i++) sum += pool2[i]! * v['fc1.w'][i * a.hidden + u]!;
    hidden[u] = Math.max(0, sum);
  }
  return hidden;
}

/** Leave-one-out 1-NN label accuracy (Euclidean) of rows [n x dim]. */
function oneNearestNeighbor(values: Float32Array, dim: number, labels: Uint8Array): number {
  const n = labels.length;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity, bestJ = -1;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let d = 0;
      for (let c = 0; c < dim; c++) d += (values[i * dim + c]! - values[j * dim + c]!) ** 2;
      if (d < best) [best, bestJ] = [d, j];
    }
    if (labels[bestJ] === labels[i]) correct++;
  }
  return correct / n;
}

describe('CNN codes', () => {
  test('equal a plain-TypeScript forward pass to the last hidden layer, batch by batch, with no tensor left behind', async () => {
    const n = 7;
    const before = tf.memory().numTensors;
    // A first batch of 2 digits and a tiny time target: several batches of different sizes.
    const codes = await cnnCodes({ tf, weights: network.weights, images: data.images, n, firstBatch: 2, targetMs: 0.001 });
    expect(tf.memory().numTensors).toBe(before);
    expect(codes.dim).toBe(64);
    expect(codes.values).toHaveLength(n * 64);
    expect(codes.batches.reduce((a, b) => a + b, 0)).toBe(n);
    expect(codes.batches.length).toBeGreaterThan(1);
    let active = 0;
    for (let d = 0; d < n; d++) {
      const reference = referenceCode(network.weights, data.images.subarray(d * 784, (d + 1) * 784));
      for (let u = 0; u < 64; u++) {
        const value = codes.values[d * 64 + u]!;
        expect(Math.abs(value - reference[u]!)).toBeLessThan(1e-4 * (1 + Math.abs(reference[u]!)));
        if (value > 0) active++;
      }
    }
    // Real codes: some units on, some off (ReLU), none negative.
    expect(active).toBeGreaterThan(n * 5);
    expect(active).toBeLessThan(n * 64);
    expect(Math.min(...codes.values)).toBe(0);
  }, 60_000);

  test('digitFeatures gives the same codes and says which digits the network was trained on', async () => {
    const n = 20;
    const before = tf.memory().numTensors;
    const features = await digitFeatures({ tf, images: data.images, n, space: 'cnn', seed: 1, network });
    const direct = await cnnCodes({ tf, weights: network.weights, images: data.images, n });
    expect(tf.memory().numTensors).toBe(before);
    expect(features.dim).toBe(64);
    expect(Array.from(features.values)).toEqual(Array.from(direct.values));
    expect(features.description).toContain('all 20 digits here are from its training set');
    expect(features.description).toContain('98.55% on 2,000 held-out ones');
    expect(cnnDescription(64, 10000, network.manifest)).toContain('8,000 of the digits here are from its training set, 2,000 held out');
    await expect(digitFeatures({ tf, images: data.images, n, space: 'cnn', seed: 1 })).rejects.toThrow('need the trained network');
  }, 60_000);

  test('make nearest neighbours agree on the label far more often than pixels do', async () => {
    const n = 500;
    const results: Record<string, { pixels: number; cnn: number }> = {};
    // The first 500 digits (the demo's N = 500; training digits of the network) and 500 held-out ones.
    for (const [name, start] of [['train', 0], ['held-out', 8000]] as const) {
      const images = data.images.subarray(start * 784, (start + n) * 784);
      const labels = data.labels.subarray(start, start + n);
      const codes = await cnnCodes({ tf, weights: network.weights, images, n });
      results[name] = { pixels: oneNearestNeighbor(pixelFeatures(images, n), 784, labels), cnn: oneNearestNeighbor(codes.values, codes.dim, labels) };
    }
    // Measured on the CPU backend: pixels 0.874 and 0.858, CNN codes 0.964 and 0.966.
    for (const { pixels, cnn } of Object.values(results)) {
      expect(pixels).toBeGreaterThan(0.8);
      expect(pixels).toBeLessThan(0.93);
      expect(cnn).toBeGreaterThan(0.94);
      expect(cnn - pixels).toBeGreaterThan(0.06);
    }
  }, 120_000);
});

describe('feature-space setting', () => {
  test('old links that asked for the in-page MLP get the CNN codes', () => {
    const { settings, problems } = decodeSettings('tsne', TSNE_SPEC, new URLSearchParams('tsne.features=mlp'));
    expect(settings['features']).toBe('cnn');
    expect(problems).toEqual([]);
    expect(decodeSettings('tsne', TSNE_SPEC, new URLSearchParams('tsne.features=cnn')).settings['features']).toBe('cnn');
    expect(decodeSettings('tsne', TSNE_SPEC, new URLSearchParams('tsne.features=bogus')).problems[0]).toContain('not one of the choices');
  });
});
