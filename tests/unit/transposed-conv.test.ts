import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { contributions, convMatrix, convOutputSide, geometryProblem, multiplyTransposed, resizeThenConv, transposedConv, transposedOutputSide } from '../../src/engines/segmentation/transposed-conv.ts';
import { createRandom } from '../../src/engines/random.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const randoms = (n: number, seed: number) => {
  const r = createRandom(seed);
  return Float64Array.from({ length: n }, () => r.normal());
};

describe('transposed convolution', () => {
  const cases = [
    { n: 4, kernel: 3, stride: 1, padding: 0 },
    { n: 5, kernel: 3, stride: 2, padding: 1 },
    { n: 6, kernel: 4, stride: 2, padding: 1 },
    { n: 7, kernel: 3, stride: 2, padding: 0 },
    { n: 8, kernel: 2, stride: 2, padding: 0 },
  ];

  test.each(cases)('equals the transpose of the convolution matrix (n $n, k $kernel, s $stride, p $padding)', (c) => {
    const g = { kernel: c.kernel, stride: c.stride, padding: c.padding };
    const w = randoms(c.kernel * c.kernel, c.n);
    const C = convMatrix(c.n, w, g);
    const m = convOutputSide(c.n, g);
    expect(C.length).toBe(m * m);
    const v = randoms(m * m, 99 + c.n);
    const scattered = transposedConv(v, m, w, g);
    // The transposed output is n' = (m − 1)s + k − 2p: n itself whenever (n + 2p − k) is a multiple of s.
    const side = transposedOutputSide(m, g);
    expect(scattered.length).toBe(side * side);
    const viaMatrix = multiplyTransposed(C, v);
    if (side === c.n) for (let i = 0; i < viaMatrix.length; i++) expect(scattered[i]).toBeCloseTo(viaMatrix[i]!, 10);
    else for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) expect(scattered[y * side + x]).toBeCloseTo(viaMatrix[y * c.n + x]!, 10);
    // And tfjs's conv2dTranspose computes the same numbers.
    const out = tf.tidy(() => tf.conv2dTranspose(
      tf.tensor4d(Float32Array.from(v), [1, m, m, 1]),
      tf.tensor4d(Float32Array.from(w), [c.kernel, c.kernel, 1, 1]),
      // 'same' pads these cases by exactly p = 1 on each side (tfjs takes no explicit padding here).
      [1, c.n, c.n, 1], c.stride, c.padding === 0 ? 'valid' : 'same',
    ));
    const values = out.dataSync();
    out.dispose();
    for (let y = 0; y < Math.min(side, c.n); y++) for (let x = 0; x < Math.min(side, c.n); x++) expect(values[y * c.n + x]).toBeCloseTo(viaMatrix[y * c.n + x]!, 4);
  });

  test('the convolution matrix by hand: 3×3 input, 2×2 kernel [1 2; 3 4], stride 1', () => {
    const C = convMatrix(3, [1, 2, 3, 4], { kernel: 2, stride: 1, padding: 0 });
    expect(C.map((r) => Array.from(r))).toEqual([
      [1, 2, 0, 3, 4, 0, 0, 0, 0],
      [0, 1, 2, 0, 3, 4, 0, 0, 0],
      [0, 0, 0, 1, 2, 0, 3, 4, 0],
      [0, 0, 0, 0, 1, 2, 0, 3, 4],
    ]);
  });

  test('checkerboard: kernel 3, stride 2 overlaps unevenly; kernel 4, stride 2 and resize-then-convolve do not', () => {
    const ones = (n: number) => new Float64Array(n).fill(1);
    const uneven = transposedConv(ones(16), 4, ones(9), { kernel: 3, stride: 2, padding: 1 });
    // Interior row of a 7×7 output: 1, 2, 1, 2, ... contributions per cell, then 4 where rows and columns both overlap.
    expect(Array.from(uneven.slice(7, 14))).toEqual([2, 4, 2, 4, 2, 4, 2]);
    expect(Array.from(uneven.slice(14, 21))).toEqual([1, 2, 1, 2, 1, 2, 1]);
    const even = transposedConv(ones(16), 4, ones(16), { kernel: 4, stride: 2, padding: 1 });
    expect(new Set(Array.from(even.slice(2 * 8 + 1, 2 * 8 + 7))).size).toBe(1);
    const resized = resizeThenConv(ones(16), 4, ones(9), 2, 3);
    expect(new Set(Array.from(resized.slice(8 + 1, 8 + 7))).size).toBe(1);
    expect(contributions(4, { kernel: 3, stride: 2, padding: 1 }, 1, 1)).toHaveLength(4);
    expect(contributions(4, { kernel: 3, stride: 2, padding: 1 }, 2, 2)).toEqual([{ input: [1, 1], tap: [1, 1] }]);
  });

  test('settings that make no grid get a message', () => {
    expect(geometryProblem(3, { kernel: 3, stride: 1, padding: 3 })).toMatch(/Padding 3 must be smaller than the kernel/);
    expect(geometryProblem(1, { kernel: 2, stride: 1, padding: 1 })).toMatch(/gives no output cells/);
    expect(geometryProblem(4, { kernel: 3, stride: 2, padding: 1 })).toBeUndefined();
  });
});
