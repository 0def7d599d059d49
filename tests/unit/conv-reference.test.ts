/**
 * The plain-TS reference convolution and pooling (the notes' formula) against tf.conv2d,
 * tf.maxPool and tf.avgPool over strides, paddings, dilations, filter sizes and depths, and the
 * demo's own tfjs path (chunked, zero-expanded filters for stride and dilation together).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { conv2dReference, convTerms, pool2dReference, poolTerms } from '../../src/engines/conv/reference.ts';
import { conv2dTf, pool2dTf } from '../../src/engines/conv/tf-conv.ts';
import { createVolume, dilateFilters, randomFilters, randomInput, type FilterBank, type Volume } from '../../src/engines/conv/volume.ts';
import { createRandom } from '../../src/engines/random.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Real-valued (not only integer) inputs and filters, so rounding in either side would show. */
function normalVolume(seed: number, height: number, width: number, depth: number): Volume {
  const random = createRandom(seed);
  return createVolume(height, width, depth, () => random.normal());
}

function normalFilters(seed: number, size: number, depth: number, count: number): FilterBank {
  const random = createRandom(seed);
  return {
    size,
    depth,
    count,
    weights: Float64Array.from({ length: size * size * depth * count }, () => random.normal()),
    bias: Float64Array.from({ length: count }, () => random.normal()),
  };
}

async function tfConv(x: Volume, f: FilterBank, stride: number, pad: number, dilation: number): Promise<{ shape: number[]; data: Float32Array }> {
  const out = tf.tidy(() => {
    const input = tf.tensor4d(Float32Array.from(x.data), [1, x.height, x.width, x.depth]);
    const w = tf.tensor4d(Float32Array.from(f.weights), [f.size, f.size, f.depth, f.count]);
    return tf.add(tf.conv2d(input, w, stride, pad, 'NHWC', dilation), tf.tensor1d(Float32Array.from(f.bias)));
  });
  const data = (await out.data()) as Float32Array;
  const shape = out.shape;
  out.dispose();
  return { shape, data };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number, label: string) {
  expect(actual.length, label).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
  expect(worst, label).toBeLessThanOrEqual(tolerance);
}

describe('conv2dReference vs tf.conv2d', () => {
  // tf.conv2d takes a dilation only with stride 1 (and a stride only with dilation 1).
  const cases: [number, number, number, number, number][] = [];
  for (const stride of [1, 2, 3]) for (const pad of [0, 1, 2]) for (const dilation of [1, 2, 3]) for (const size of [1, 2, 3]) if (stride === 1 || dilation === 1) cases.push([stride, pad, dilation, size, cases.length]);

  test.each(cases)('stride %i, pad %i, dilation %i, filters of size %i (case %i)', async (stride, pad, dilation, size, index) => {
    const x = normalVolume(100 + index, 9, 8, 3);
    const f = normalFilters(200 + index, size, 3, 4);
    const reference = conv2dReference(x, f, { stride, pad, dilation });
    const result = await tfConv(x, f, stride, pad, dilation);
    expect(result.shape).toEqual([1, reference.height, reference.width, 4]);
    expect(reference.height * reference.width).toBeGreaterThan(0);
    expectClose(result.data, reference.data, 1e-4, `S=${stride} P=${pad} d=${dilation} F=${size}`);
  });

  test('uneven sizes are rounded down like tf (7×7, F = 3, S = 3 → 2×2)', async () => {
    const x = normalVolume(1, 7, 7, 1);
    const f = normalFilters(2, 3, 1, 1);
    const reference = conv2dReference(x, f, { stride: 3, pad: 0, dilation: 1 });
    expect([reference.height, reference.width]).toEqual([2, 2]);
    expectClose((await tfConv(x, f, 3, 0, 1)).data, reference.data, 1e-5, 'uneven');
  });

  test('the reference is the formula: a hand-computed 1-D example from the notes figure', () => {
    // Input 2, 1, 3, 0, 1 padded by one zero, filter [1, 0, −1]: −1, −1, 1, 2, 0 with stride 1.
    const x = createVolume(1, 5, 1, (_, col) => [2, 1, 3, 0, 1][col]!);
    const f: FilterBank = { size: 3, depth: 1, count: 1, weights: Float64Array.from([0, 0, 0, 1, 0, -1, 0, 0, 0]), bias: Float64Array.from([0]) };
    // A 3×3 filter whose middle row is [1, 0, −1] on a 1-row input padded by 1 reads only that row.
    expect(Array.from(conv2dReference(x, f, { stride: 1, pad: 1, dilation: 1 }).data)).toEqual([-1, -1, 1, 2, 0]);
    expect(Array.from(conv2dReference(x, f, { stride: 2, pad: 1, dilation: 1 }).data)).toEqual([-1, 1, 0]);
  });
});

describe('the demo\'s tfjs convolution', () => {
  test('stride and dilation together (which tf.conv2d refuses) match the reference', async () => {
    for (const [stride, dilation, pad] of [[2, 2, 0], [2, 3, 2], [3, 2, 1]] as const) {
      const x = normalVolume(stride * 10 + dilation, 13, 11, 2);
      const f = normalFilters(dilation, 3, 2, 3);
      expect(() => tf.tidy(() => tf.conv2d(tf.zeros([1, 13, 11, 2]) as tf.Tensor4D, tf.zeros([3, 3, 2, 3]) as tf.Tensor4D, stride, pad, 'NHWC', dilation))).toThrow(/strides or dilations must be 1/);
      const reference = conv2dReference(x, f, { stride, pad, dilation });
      const result = await conv2dTf(tf, x, f, { stride, pad, dilation });
      expect([result.height, result.width, result.depth]).toEqual([reference.height, reference.width, 3]);
      expectClose(result.data, reference.data, 1e-4, `S=${stride} d=${dilation}`);
    }
  });

  test('the zero-expanded filter is the dilated filter', () => {
    const f = randomFilters(3, 3, 2, 2);
    const x = randomInput(4, 10, 10, 2);
    const expanded = dilateFilters(f, 2);
    expect(expanded.size).toBe(5);
    expect(conv2dReference(x, expanded, { stride: 1, pad: 1, dilation: 1 }).data).toEqual(conv2dReference(x, f, { stride: 1, pad: 1, dilation: 2 }).data);
  });

  test('computing a few filters per task gives the same volume as all at once', async () => {
    const x = randomInput(5, 12, 12, 3);
    const f = randomFilters(6, 3, 3, 7);
    const g = { stride: 1, pad: 1, dilation: 1 };
    const whole = await conv2dTf(tf, x, f, g);
    const chunked = await conv2dTf(tf, x, f, g, { multiplyAddsPerTask: 2 * 3 * 3 * 3 * 12 * 12 });
    expect(Array.from(chunked.data)).toEqual(Array.from(whole.data));
    expect(Array.from(whole.data)).toEqual(Array.from(conv2dReference(x, f, g).data));
  });

  test('AlexNet\'s first layer (227×227×3, 96 filters 11×11, stride 4) gives 55×55×96', async () => {
    const x = randomInput(7, 227, 227, 3);
    const f = randomFilters(8, 11, 3, 96);
    const result = await conv2dTf(tf, x, f, { stride: 4, pad: 0, dilation: 1 }, { multiplyAddsPerTask: 20e6 });
    expect([result.height, result.width, result.depth]).toEqual([55, 55, 96]);
    // Spot checks against the reference's window sums (the whole reference is 105 M multiply-adds).
    for (const [k, i, j] of [[0, 0, 0], [95, 54, 54], [40, 17, 33]] as const) {
      expect(result.data[(i * 55 + j) * 96 + k]).toBe(convTerms(x, f, { stride: 4, pad: 0, dilation: 1 }, k, i, j).value);
    }
  });

  test('tensor count is flat over many calls and back to the start', async () => {
    const before = tf.memory().numTensors;
    const x = randomInput(9, 8, 8, 2);
    const f = randomFilters(10, 3, 2, 3);
    for (let i = 0; i < 20; i++) {
      await conv2dTf(tf, x, f, { stride: 2, pad: 1, dilation: i % 2 ? 2 : 1 }, { multiplyAddsPerTask: 500 });
      await pool2dTf(tf, x, i % 2 ? 'max' : 'avg', { size: 2, stride: 2, pad: 0 });
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('convTerms: the numbers behind one output', () => {
  test('the products of the listed taps plus the bias are the output, at every position', () => {
    const x = randomInput(11, 5, 5, 3);
    const f = randomFilters(12, 3, 3, 2);
    const g = { stride: 2, pad: 1, dilation: 1 };
    const out = conv2dReference(x, f, g);
    expect([out.height, out.width, out.depth]).toEqual([3, 3, 2]); // the CS231n demo's layer
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        for (let k = 0; k < 2; k++) {
          const terms = convTerms(x, f, g, k, i, j);
          expect(terms.taps).toHaveLength(27);
          const sum = terms.taps.reduce((s, t) => s + t.weight * t.input, terms.bias);
          expect(sum).toBe(out.data[(i * 3 + j) * 2 + k]);
          expect(terms.value).toBe(sum);
          // Padded taps read zero; the corner output reads a padded row and column.
          for (const t of terms.taps) if (t.padded) expect(t.input).toBe(0);
        }
      }
    }
    expect(convTerms(x, f, g, 0, 0, 0).taps.filter((t) => t.padded)).toHaveLength(3 * 5);
  });

  test('dilated taps are d apart', () => {
    const x = randomInput(13, 9, 9, 1);
    const f = randomFilters(14, 3, 1, 1);
    const taps = convTerms(x, f, { stride: 1, pad: 0, dilation: 3 }, 0, 1, 2).taps;
    expect(taps.map((t) => [t.row, t.col])).toEqual([[1, 2], [1, 5], [1, 8], [4, 2], [4, 5], [4, 8], [7, 2], [7, 5], [7, 8]]);
  });
});

describe('pool2dReference vs tf.maxPool and tf.avgPool', () => {
  const cases: [string, number, number, number][] = [];
  for (const kind of ['max', 'avg']) for (const size of [1, 2, 3]) for (const stride of [1, 2, 3]) for (let pad = 0; pad < size; pad++) cases.push([kind, size, stride, pad]);

  test.each(cases)('%s pooling, window %i, stride %i, pad %i', async (kind, size, stride, pad) => {
    const x = normalVolume(size * 31 + stride * 7 + pad, 9, 10, 3);
    const g = { size, stride, pad };
    const reference = pool2dReference(x, kind as 'max' | 'avg', g);
    const result = await pool2dTf(tf, x, kind as 'max' | 'avg', g);
    expect([result.height, result.width, result.depth]).toEqual([reference.height, reference.width, 3]);
    expectClose(result.data, reference.data, 1e-5, `${kind} ${size} ${stride} ${pad}`);
  });

  test('the notes\' 4×4 example: max [[4, 5], [6, 4]], average [[2.5, 2], [2.5, 2.5]]', () => {
    const slice = [[1, 3, 2, 1], [4, 2, 0, 5], [3, 1, 1, 2], [0, 6, 4, 3]];
    const x = createVolume(4, 4, 1, (r, c) => slice[r]![c]!);
    expect(Array.from(pool2dReference(x, 'max', { size: 2, stride: 2, pad: 0 }).data)).toEqual([4, 5, 6, 4]);
    expect(Array.from(pool2dReference(x, 'avg', { size: 2, stride: 2, pad: 0 }).data)).toEqual([2.5, 2, 2.5, 2.5]);
    const window = poolTerms(x, 'max', { size: 2, stride: 2, pad: 0 }, 0, 1, 0);
    expect(window.taps.map((t) => t.input)).toEqual([3, 1, 0, 6]);
    expect(window.value).toBe(6);
  });

  test('padded positions are skipped, not averaged in as zeros', () => {
    const x = createVolume(2, 2, 1, () => 4);
    const corner = poolTerms(x, 'avg', { size: 2, stride: 2, pad: 1 }, 0, 0, 0);
    expect(corner.taps.filter((t) => t.padded)).toHaveLength(3);
    expect(corner.value).toBe(4);
  });

  test('a run that ends stops between chunks of filters with an AbortError, no tensor left', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    controller.abort(new DOMException('The run was stopped.', 'AbortError'));
    const x = randomInput(9, 8, 8, 2);
    const f = randomFilters(10, 3, 2, 3);
    await expect(conv2dTf(tf, x, f, { stride: 1, pad: 1, dilation: 1 }, { multiplyAddsPerTask: 500, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    await expect(pool2dTf(tf, x, 'max', { size: 2, stride: 2, pad: 0 }, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(tf.memory().numTensors).toBe(before);
  });
});
