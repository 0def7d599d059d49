/**
 * The ConvNet's layers compute their gradients with forward convolutions (wasm has no
 * Conv2DBackpropFilter kernel). Checked here on the wasm backend itself, in Node, against the
 * CPU backend's built-in gradients of tf.conv2d and tf.maxPool, and against the plain sum that
 * defines the filter gradient.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CNN_ARCHITECTURE, PARAMETER_NAMES, initCnnWeights } from '../../src/engines/cnn/architecture.ts';
import { cnnScores, cnnVariables, type CnnParams } from '../../src/engines/cnn/cnn-model.ts';
import { conv2dFilterGradient, convLayer, maxPool2x2 } from '../../src/engines/cnn/layers.ts';
import { createRandom } from '../../src/engines/random.ts';

type T4 = tf.Tensor4D;

beforeAll(() => {
  setWasmPaths(`${resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist')}/`);
});

function randomArray(size: number, seed: number): Float32Array {
  const random = createRandom(seed);
  return Float32Array.from({ length: size }, () => random.normal());
}

async function on<T>(backend: 'cpu' | 'wasm', run: () => Promise<T>): Promise<T> {
  expect(await tf.setBackend(backend)).toBe(true);
  return run();
}

function expectClose(actual: Float32Array, expected: Float32Array, label: string): void {
  expect(actual.length, label).toBe(expected.length);
  const scale = Math.max(...expected.map(Math.abs));
  expect(scale, label).toBeGreaterThan(0);
  let worst = 0;
  actual.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - expected[i]!))));
  expect(worst / scale, label).toBeLessThan(1e-5);
}

/** dW[i, j, c, k] = Σ_{n,h,w} x_pad[n, h+i, w+j, c] · dy[n, h, w, k], written out. */
function filterGradientReference(x: Float32Array, dy: Float32Array, shape: readonly number[], f: number, k: number): Float32Array {
  const [n, h, w, c] = shape as [number, number, number, number];
  const p = (f - 1) / 2;
  const out = new Float32Array(f * f * c * k);
  for (let i = 0; i < f; i++) for (let j = 0; j < f; j++) for (let ci = 0; ci < c; ci++) for (let ki = 0; ki < k; ki++) {
    let sum = 0;
    for (let b = 0; b < n; b++) for (let y = 0; y < h; y++) for (let xx = 0; xx < w; xx++) {
      const yi = y + i - p;
      const xi = xx + j - p;
      if (yi < 0 || yi >= h || xi < 0 || xi >= w) continue;
      sum += x[((b * h + yi) * w + xi) * c + ci]! * dy[((b * h + y) * w + xx) * k + ki]!;
    }
    out[((i * f + j) * c + ci) * k + ki] = sum;
  }
  return out;
}

describe('convolution gradients on wasm', () => {
  const cases = [
    { name: 'first layer, 5×5, 1 → 8 channels', x: [6, 28, 28, 1], f: 5, k: 8 },
    { name: 'second layer, 5×5, 8 → 16 channels', x: [4, 14, 14, 8], f: 5, k: 16 },
    { name: '3×3 on an odd-sized input', x: [3, 9, 7, 2], f: 3, k: 4 },
  ];

  for (const c of cases) {
    test(`${c.name}: dW, dx and db match the CPU backend's tf.conv2d gradients`, async () => {
      const [n, h, w, ch] = c.x as [number, number, number, number];
      const xValues = randomArray(n * h * w * ch, 1);
      const wValues = randomArray(c.f * c.f * ch * c.k, 2);
      const bValues = randomArray(c.k, 3);
      // A random upstream gradient: the loss is Σ y · R.
      const rValues = randomArray(n * h * w * c.k, 4);
      const gradients = (layer: (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.Tensor) => async () => {
        const [x, wt, b, r] = [tf.tensor4d(xValues, [n, h, w, ch]), tf.tensor4d(wValues, [c.f, c.f, ch, c.k]), tf.tensor1d(bValues), tf.tensor4d(rValues, [n, h, w, c.k])];
        const grads = tf.grads((xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) => tf.sum(tf.mul(layer(xi, wi, bi), r)))([x, wt, b]);
        const values = await Promise.all(grads.map((g) => g.data() as Promise<Float32Array>));
        tf.dispose([x, wt, b, r, ...grads]);
        return values;
      };
      const reference = await on('cpu', gradients((x, w, b) => tf.add(tf.conv2d(x as T4, w as T4, 1, 'same'), b)));
      const wasm = await on('wasm', gradients((x, w, b) => convLayer(tf, x, w, b, { inputGradient: true })));
      expectClose(wasm[0]!, reference[0]!, 'dx');
      expectClose(wasm[1]!, reference[1]!, 'dW');
      expectClose(wasm[2]!, reference[2]!, 'db');
      expectClose(reference[1]!, filterGradientReference(xValues, rValues, c.x, c.f, c.k), 'CPU dW vs the written-out sum');
    });
  }

  test('the filter gradient alone equals the written-out sum on wasm', async () => {
    const shape = [2, 6, 5, 3];
    const xValues = randomArray(2 * 6 * 5 * 3, 5);
    const dyValues = randomArray(2 * 6 * 5 * 4, 6);
    const dw = await on('wasm', async () => {
      const g = conv2dFilterGradient(tf, tf.tensor4d(xValues, shape as [number, number, number, number]), tf.tensor4d(dyValues, [2, 6, 5, 4]), 3);
      const values = await g.data() as Float32Array;
      tf.dispose(g);
      return values;
    });
    expectClose(dw, filterGradientReference(xValues, dyValues, shape, 3, 4), 'dW');
  });

  test('without inputGradient the layer gives a zero input gradient and the same filter gradient', async () => {
    await on('wasm', async () => {
      const [x, w, b] = [tf.tensor4d(randomArray(2 * 8 * 8, 7), [2, 8, 8, 1]), tf.tensor4d(randomArray(25 * 3, 8), [5, 5, 1, 3]), tf.zeros([3])];
      const loss = (inputGradient: boolean) => (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) => tf.sum(tf.square(convLayer(tf, xi, wi, bi, { inputGradient })));
      const [dx0, dw0] = tf.grads(loss(false))([x, w, b]);
      const [, dw1] = tf.grads(loss(true))([x, w, b]);
      expect(Math.max(...(await dx0!.data()).map(Math.abs))).toBe(0);
      expectClose(await dw0!.data() as Float32Array, await dw1!.data() as Float32Array, 'dW');
      tf.dispose([x, w, b, dx0!, dw0!, dw1!]);
    });
  });
});

/** 2×2 max-pooling gradient written out: each window's maxima share its upstream gradient. */
function maxPoolGradientReference(x: Float32Array, dy: Float32Array, [n, h, w, c]: [number, number, number, number]): Float32Array {
  const dx = new Float32Array(x.length);
  const at = (b: number, y: number, xx: number, ch: number) => ((b * h + y) * w + xx) * c + ch;
  for (let b = 0; b < n; b++) for (let i = 0; i < h / 2; i++) for (let j = 0; j < w / 2; j++) for (let ch = 0; ch < c; ch++) {
    const window = [at(b, 2 * i, 2 * j, ch), at(b, 2 * i, 2 * j + 1, ch), at(b, 2 * i + 1, 2 * j, ch), at(b, 2 * i + 1, 2 * j + 1, ch)];
    const max = Math.max(...window.map((k) => x[k]!));
    const maxima = window.filter((k) => x[k] === max);
    for (const k of maxima) dx[k] = dy[((b * (h / 2) + i) * (w / 2) + j) * c + ch]! / maxima.length;
  }
  return dx;
}

describe('2×2 max pooling on wasm', () => {
  const shape: [number, number, number, number] = [3, 10, 12, 4];
  const upstream = randomArray(3 * 5 * 6 * 4, 10);
  const run = (values: Float32Array, pool: (x: tf.Tensor) => tf.Tensor) => async () => {
    const x = tf.tensor4d(values, shape);
    const r = tf.tensor4d(upstream, [3, 5, 6, 4]);
    const y = pool(x);
    const dx = tf.grad((xi: tf.Tensor) => tf.sum(tf.mul(pool(xi), r)))(x);
    const result = [await y.data() as Float32Array, await dx.data() as Float32Array];
    tf.dispose([x, r, y, dx]);
    return result;
  };

  test('value and gradient match the CPU backend\'s tf.maxPool', async () => {
    const values = randomArray(3 * 10 * 12 * 4, 9);
    const reference = await on('cpu', run(values, (x) => tf.maxPool(x as T4, 2, 2, 'valid')));
    const wasm = await on('wasm', run(values, (x) => maxPool2x2(tf, x)));
    expectClose(wasm[0]!, reference[0]!, 'pooled');
    expectClose(wasm[1]!, reference[1]!, 'dx');
    expectClose(wasm[1]!, maxPoolGradientReference(values, upstream, shape), 'dx vs the written-out rule');
  });

  test('tied maxima (blank background under a bias) share the gradient instead of each taking all of it', async () => {
    const values = randomArray(3 * 10 * 12 * 4, 9).map((v, i) => (i % 3 === 0 || i > 300 ? 0.25 : v));
    const [, dx] = await on('wasm', run(values, (x) => maxPool2x2(tf, x)));
    expectClose(dx!, maxPoolGradientReference(values, upstream, shape), 'dx');
    // Every window passes on exactly its upstream gradient, ties or not.
    expect(dx!.reduce((a, b) => a + b, 0)).toBeCloseTo(upstream.reduce((a, b) => a + b, 0), 3);
  });
});

describe('the whole network', () => {
  test('every parameter gradient on wasm matches the CPU backend with tfjs\'s own layers', async () => {
    const weights = initCnnWeights(CNN_ARCHITECTURE, createRandom(3));
    const images = randomArray(8 * 784, 11).map((v) => Math.min(1, Math.abs(v) / 2));
    const labels = Array.from({ length: 8 }, (_, i) => i % 10);
    const run = (scores: (params: CnnParams, x: tf.Tensor) => tf.Tensor) => async () => {
      const params = cnnVariables(tf, weights);
      const list = PARAMETER_NAMES.map((name) => params[name]);
      const x = tf.tensor4d(images, [8, 28, 28, 1]);
      const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);
      const { value, grads } = tf.variableGrads(() => tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(scores(params, x))), 1))) as tf.Scalar, list);
      const result = { loss: (await value.data())[0]!, grads: await Promise.all(list.map((p) => grads[p.name]!.data() as Promise<Float32Array>)) };
      tf.dispose([value, grads, x, y, list]);
      return result;
    };
    const builtIn = (p: CnnParams, x: tf.Tensor) => {
      const conv = (input: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.relu(tf.add(tf.conv2d(input as T4, w as T4, 1, 'same'), b));
      const pool1 = tf.maxPool(conv(x, p['conv1.w'], p['conv1.b']) as T4, 2, 2, 'valid');
      const pool2 = tf.maxPool(conv(pool1, p['conv2.w'], p['conv2.b']) as T4, 2, 2, 'valid');
      const hidden = tf.relu(tf.add(tf.matMul(tf.reshape(pool2, [x.shape[0]!, -1]), p['fc1.w']), p['fc1.b']));
      return tf.add(tf.matMul(hidden, p['fc2.w']), p['fc2.b']);
    };
    const reference = await on('cpu', run(builtIn));
    const wasm = await on('wasm', run((p, x) => cnnScores(tf, p, x)));
    expect(wasm.loss).toBeCloseTo(reference.loss, 4);
    PARAMETER_NAMES.forEach((name, i) => expectClose(wasm.grads[i]!, reference.grads[i]!, name));
  });
});
