/**
 * DCGAN's stride-2 convolutions (space-to-depth form, gradients as forward convolutions) against
 * tfjs's own tf.conv2d / tf.conv2dTranspose and their built-in gradients on the CPU backend; the
 * gradients are also computed on wasm, where the built-in filter gradient does not exist.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { conv2dPadded, conv2dValid, depthToSpace, spaceToDepth, stridedConv4x4, transposedConv4x4 } from '../../src/engines/dcgan/conv-layers.ts';
import { createRandom } from '../../src/engines/random.ts';

type T4 = tf.Tensor4D;

beforeAll(() => {
  setWasmPaths(`${resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist')}/`);
});

function randomArray(size: number, seed: number): Float32Array {
  const random = createRandom(seed);
  return Float32Array.from({ length: size }, () => random.normal());
}

function worstRelative(actual: Float32Array, expected: Float32Array): number {
  expect(actual.length).toBe(expected.length);
  const scale = Math.max(...expected.map(Math.abs));
  expect(scale).toBeGreaterThan(0);
  let worst = 0;
  actual.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - expected[i]!))));
  return worst / scale;
}

/** Value and gradients (for the loss Σ y·R) of a layer, on a backend. */
async function valueAndGrads(backend: 'cpu' | 'wasm', layer: (x: tf.Tensor, w: tf.Tensor) => tf.Tensor, xShape: number[], wShape: number[], yShape: number[]) {
  expect(await tf.setBackend(backend)).toBe(true);
  const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
  const [x, w, r] = [tf.tensor(randomArray(size(xShape), 1), xShape), tf.tensor(randomArray(size(wShape), 2), wShape), tf.tensor(randomArray(size(yShape), 3), yShape)];
  const y = layer(x, w);
  expect(y.shape).toEqual(yShape);
  const grads = tf.grads((xi: tf.Tensor, wi: tf.Tensor) => tf.sum(tf.mul(layer(xi, wi), r)))([x, w]);
  const values = await Promise.all([y, ...grads].map((t) => t.data() as Promise<Float32Array>));
  tf.dispose([x, w, r, y, ...grads]);
  return values as [Float32Array, Float32Array, Float32Array];
}

describe('DCGAN convolutions', () => {
  test('space-to-depth and depth-to-space are inverse permutations', async () => {
    await tf.setBackend('cpu');
    const x = tf.tensor4d(randomArray(2 * 6 * 4 * 3, 5), [2, 6, 4, 3]);
    const blocks = spaceToDepth(tf, x);
    expect(blocks.shape).toEqual([2, 3, 2, 12]);
    // Pixel (row 2·1+1, column 2·0+1) of channel 2 is block (1, 0), channel (1·2 + 1)·3 + 2.
    expect((await blocks.data())[(1 * 2 + 0) * 12 + 11]).toBe((await x.data())[(3 * 4 + 1) * 3 + 2]);
    const back = depthToSpace(tf, blocks);
    expect(Array.from(await back.data())).toEqual(Array.from(await x.data()));
    tf.dispose([x, blocks, back]);
  });

  const cases = [
    { name: 'strided 4×4 conv, 28×28×1 → 14×14×8', layer: stridedConv4x4, builtin: (x: tf.Tensor, w: tf.Tensor) => tf.conv2d(x as T4, w as T4, 2, [[0, 0], [1, 1], [1, 1], [0, 0]]), x: [3, 28, 28, 1], w: [4, 4, 1, 8], y: [3, 14, 14, 8] },
    { name: 'strided 4×4 conv, 14×14×4 → 7×7×6', layer: stridedConv4x4, builtin: (x: tf.Tensor, w: tf.Tensor) => tf.conv2d(x as T4, w as T4, 2, [[0, 0], [1, 1], [1, 1], [0, 0]]), x: [2, 14, 14, 4], w: [4, 4, 4, 6], y: [2, 7, 7, 6] },
    { name: 'transposed 4×4 conv, 7×7×6 → 14×14×4', layer: transposedConv4x4, builtin: (x: tf.Tensor, w: tf.Tensor) => tf.conv2dTranspose(x as T4, w as T4, [2, 14, 14, 4], 2, 1), x: [2, 7, 7, 6], w: [4, 4, 4, 6], y: [2, 14, 14, 4] },
    { name: 'transposed 4×4 conv, 14×14×5 → 28×28×1', layer: transposedConv4x4, builtin: (x: tf.Tensor, w: tf.Tensor) => tf.conv2dTranspose(x as T4, w as T4, [3, 28, 28, 1], 2, 1), x: [3, 14, 14, 5], w: [4, 4, 1, 5], y: [3, 28, 28, 1] },
    { name: '2×2 conv with padding 1', layer: (t: typeof tf, x: tf.Tensor, w: tf.Tensor) => conv2dPadded(t, x, w, 1), builtin: (x: tf.Tensor, w: tf.Tensor) => tf.conv2d(x as T4, w as T4, 1, [[0, 0], [1, 1], [1, 1], [0, 0]]), x: [2, 5, 6, 3], w: [2, 2, 3, 4], y: [2, 6, 7, 4] },
    { name: '5×5 conv with padding 2', layer: (t: typeof tf, x: tf.Tensor, w: tf.Tensor) => conv2dPadded(t, x, w, 2), builtin: (x: tf.Tensor, w: tf.Tensor) => tf.conv2d(x as T4, w as T4, 1, 'same'), x: [2, 8, 8, 2], w: [5, 5, 2, 3], y: [2, 8, 8, 3] },
    { name: 'valid 3×3 conv', layer: conv2dValid, builtin: (x: tf.Tensor, w: tf.Tensor) => tf.conv2d(x as T4, w as T4, 1, 'valid'), x: [2, 9, 7, 3], w: [3, 3, 3, 4], y: [2, 7, 5, 4] },
  ];
  for (const c of cases) {
    test(`${c.name}: value and gradients match tfjs's own op on the CPU backend, and wasm agrees`, async () => {
      const mine = (x: tf.Tensor, w: tf.Tensor) => c.layer(tf, x, w);
      const [y, dx, dw] = await valueAndGrads('cpu', mine, c.x, c.w, c.y);
      const [yRef, dxRef, dwRef] = await valueAndGrads('cpu', c.builtin, c.x, c.w, c.y);
      expect(worstRelative(y, yRef)).toBeLessThan(1e-5);
      expect(worstRelative(dx, dxRef)).toBeLessThan(1e-5);
      expect(worstRelative(dw, dwRef)).toBeLessThan(1e-5);
      const [yWasm, dxWasm, dwWasm] = await valueAndGrads('wasm', mine, c.x, c.w, c.y);
      expect(worstRelative(yWasm, yRef)).toBeLessThan(1e-4);
      expect(worstRelative(dxWasm, dxRef)).toBeLessThan(1e-4);
      expect(worstRelative(dwWasm, dwRef)).toBeLessThan(1e-4);
    });
  }
});
