/**
 * The filters demo's engine: classic kernels and the Gabor bank have the properties their names
 * promise, and the banded tfjs convolution equals the plain-TS reference convolution on a real
 * MNIST digit and on random images, with a flat tensor count.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { applyKernels, type GrayImage } from '../../src/engines/conv-filters/apply-kernels.ts';
import { CLASSIC_KERNELS, customKernel, gaborBank, gaborKernel, gaborSize, toEditorValues, type Kernel } from '../../src/engines/conv-filters/kernels.ts';
import { conv2dReference } from '../../src/engines/conv/reference.ts';
import { createVolume } from '../../src/engines/conv/volume.ts';
import { createRandom } from '../../src/engines/random.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const sum = (k: Kernel) => k.weights.reduce((s, w) => s + w, 0);

/** The reference convolution of the mechanics demo, with depth 1 and "same" zero padding. */
function reference(image: GrayImage, kernel: Kernel): Float64Array {
  const x = createVolume(image.height, image.width, 1, (r, c) => image.pixels[r * image.width + c]!);
  const f = { size: kernel.size, depth: 1, count: 1, weights: Float64Array.from(kernel.weights), bias: Float64Array.from([0]) };
  return conv2dReference(x, f, { stride: 1, pad: (kernel.size - 1) / 2, dilation: 1 }).data;
}

function digit(index: number): GrayImage {
  const data = loadMnistNode();
  return { width: 28, height: 28, pixels: Float32Array.from(data.images.subarray(index * 784, (index + 1) * 784), (v) => v / 255) };
}

function randomImage(seed: number, width: number, height: number): GrayImage {
  const random = createRandom(seed);
  return { width, height, pixels: Float32Array.from({ length: width * height }, () => random.next()) };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number) {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
  expect(worst).toBeLessThanOrEqual(tolerance);
}

describe('classic kernels', () => {
  test('blurs and sharpen keep the mean brightness (weights sum to 1); edge detectors give 0 on flat regions (sum 0)', () => {
    expect(sum(CLASSIC_KERNELS['box-blur'].set().kernels[0]!)).toBeCloseTo(1, 12);
    expect(sum(CLASSIC_KERNELS['gaussian-blur'].set().kernels[0]!)).toBeCloseTo(1, 12);
    expect(sum(CLASSIC_KERNELS.sharpen.set().kernels[0]!)).toBe(1);
    expect(sum(CLASSIC_KERNELS.identity.set().kernels[0]!)).toBe(1);
    expect(sum(CLASSIC_KERNELS.edges.set().kernels[0]!)).toBe(0);
    for (const k of CLASSIC_KERNELS.sobel.set().kernels) expect(sum(k)).toBe(0);
  });

  test('Sobel x responds to a vertical edge and not to a horizontal one', async () => {
    const vertical: GrayImage = { width: 8, height: 8, pixels: Float32Array.from({ length: 64 }, (_, n) => (n % 8 >= 4 ? 1 : 0)) };
    const horizontal: GrayImage = { width: 8, height: 8, pixels: Float32Array.from({ length: 64 }, (_, n) => (Math.floor(n / 8) >= 4 ? 1 : 0)) };
    const { kernels } = CLASSIC_KERNELS['sobel-x'].set();
    const onVertical = (await applyKernels(tf, vertical, kernels, { combine: 'none', relu: false })).maps[0]!;
    const onHorizontal = (await applyKernels(tf, horizontal, kernels, { combine: 'none', relu: false })).maps[0]!;
    expect(onVertical[3 * 8 + 3]).toBe(4); // dark on the left, bright on the right: 1 + 2 + 1
    expect(onHorizontal[3 * 8 + 3]).toBe(0);
  });
});

describe('Gabor filters', () => {
  test('zero mean, positive weights summing to 1, size 2⌈2.5σ⌉ + 1, point-symmetric', () => {
    for (const sigma of [1, 2, 3.3, 4]) {
      const k = gaborKernel({ orientation: 30, frequency: 0.2, sigma });
      expect(k.size).toBe(gaborSize(sigma));
      expect(k.size).toBe(2 * Math.ceil(2.5 * sigma) + 1);
      expect(sum(k)).toBeCloseTo(0, 10);
      expect(k.weights.reduce((s, w) => s + Math.max(0, w), 0)).toBeCloseTo(1, 10);
      for (let n = 0; n < k.weights.length; n++) expect(k.weights[n]).toBeCloseTo(k.weights[k.weights.length - 1 - n]!, 12);
    }
  });

  test('the bank spaces its orientations evenly over 180°', () => {
    const bank = gaborBank({ orientation: 10, frequency: 0.2, sigma: 2, count: 4 });
    expect(bank.kernels.map((k) => k.label)).toEqual(['Gabor 10°', 'Gabor 55°', 'Gabor 100°', 'Gabor 145°']);
    // 0° and 180° are the same filter.
    expect(gaborKernel({ orientation: 180, frequency: 0.2, sigma: 2 }).weights.every((w, n) => Math.abs(w - gaborKernel({ orientation: 0, frequency: 0.2, sigma: 2 }).weights[n]!) < 1e-12)).toBe(true);
  });

  test('each filter of a bank responds most to stripes of its own orientation and frequency', async () => {
    const bank = gaborBank({ orientation: 0, frequency: 0.2, sigma: 2.5, count: 4 });
    for (const [index, degrees] of [0, 45, 90, 135].entries()) {
      const theta = (degrees * Math.PI) / 180;
      const grating: GrayImage = {
        width: 40,
        height: 40,
        pixels: Float32Array.from({ length: 1600 }, (_, n) => 0.5 + 0.5 * Math.cos(2 * Math.PI * 0.2 * ((n % 40) * Math.sin(theta) + Math.floor(n / 40) * Math.cos(theta)))),
      };
      const { maps } = await applyKernels(tf, grating, bank.kernels, { combine: 'none', relu: false });
      // Energy away from the zero-padded border.
      const energy = maps.map((map) => {
        let e = 0;
        for (let r = 12; r < 28; r++) for (let c = 12; c < 28; c++) e += map[r * 40 + c]! ** 2;
        return e;
      });
      expect(energy.indexOf(Math.max(...energy)), `stripes at ${degrees}°`).toBe(index);
    }
  });
});

describe('the reader\'s kernel', () => {
  test('3×3 is the centre of the 5×5 editor, and presets round-trip through it', () => {
    const values = Array.from({ length: 25 }, (_, n) => n);
    expect(Array.from(customKernel(values, 3).weights)).toEqual([6, 7, 8, 11, 12, 13, 16, 17, 18]);
    expect(Array.from(customKernel(values, 5).weights)).toEqual(values);
    const sharpen = CLASSIC_KERNELS.sharpen.set().kernels[0]!;
    expect(Array.from(customKernel(toEditorValues(sharpen)!, 3).weights)).toEqual(Array.from(sharpen.weights));
    expect(toEditorValues(gaborKernel({ orientation: 0, frequency: 0.2, sigma: 2 }))).toBeUndefined();
  });
});

describe('applyKernels (tf.conv2d) vs the reference convolution', () => {
  test('on a real MNIST digit, every classic kernel and a Gabor bank', async () => {
    const image = digit(3);
    const sets = [...Object.values(CLASSIC_KERNELS).map((c) => c.set()), gaborBank({ orientation: 20, frequency: 0.25, sigma: 1.5, count: 3 })];
    for (const set of sets) {
      const { maps } = await applyKernels(tf, image, set.kernels, { combine: 'none', relu: false });
      set.kernels.forEach((kernel, k) => expectClose(maps[k]!, reference(image, kernel), 1e-4));
    }
  });

  test('in bands of rows (main-thread backends) the numbers are the same as in one piece', async () => {
    const image = randomImage(1, 37, 29);
    const bank = gaborBank({ orientation: 0, frequency: 0.15, sigma: 2, count: 2 }).kernels;
    const whole = await applyKernels(tf, image, bank, { combine: 'none', relu: false });
    const banded = await applyKernels(tf, image, bank, { combine: 'none', relu: false, multiplyAddsPerTask: 37 * 13 * 13 * 2 * 3 });
    whole.maps.forEach((map, k) => expect(Array.from(banded.maps[k]!)).toEqual(Array.from(map)));
    bank.forEach((kernel, k) => expectClose(whole.maps[k]!, reference(image, kernel), 1e-4));
  });

  test('the Sobel magnitude is √(x² + y²) of the two responses, and ReLU clips the responses only', async () => {
    const image = digit(7);
    const { kernels, combine } = CLASSIC_KERNELS.sobel.set();
    const { maps, labels } = await applyKernels(tf, image, kernels, { combine, relu: true, multiplyAddsPerTask: 5000 });
    expect(labels).toEqual(['ReLU(Sobel x)', 'ReLU(Sobel y)', 'magnitude √(x² + y²)']);
    const gx = reference(image, kernels[0]!);
    const gy = reference(image, kernels[1]!);
    expectClose(maps[0]!, gx.map((v) => Math.max(0, v)), 1e-4);
    expectClose(maps[1]!, gy.map((v) => Math.max(0, v)), 1e-4);
    expectClose(maps[2]!, gx.map((v, n) => Math.hypot(v, gy[n]!)), 1e-4);
    expect(Math.max(...maps[2]!)).toBeGreaterThan(1); // real strokes have real edges
  });

  test('tensor count is flat over many applications and back to the start', async () => {
    const before = tf.memory().numTensors;
    const image = randomImage(2, 20, 20);
    for (let i = 0; i < 15; i++) {
      await applyKernels(tf, image, CLASSIC_KERNELS.sobel.set().kernels, { combine: 'magnitude', relu: i % 2 === 0, multiplyAddsPerTask: i % 3 ? 2000 : Number.POSITIVE_INFINITY });
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  test('kernels of different or even sizes are refused', async () => {
    const before = tf.memory().numTensors;
    const image = randomImage(3, 8, 8);
    const three = CLASSIC_KERNELS.sharpen.set().kernels[0]!;
    const five = CLASSIC_KERNELS['gaussian-blur'].set().kernels[0]!;
    await expect(applyKernels(tf, image, [three, five], { combine: 'none', relu: false })).rejects.toThrow(/one odd size/);
    await expect(applyKernels(tf, image, [{ label: 'even', size: 2, weights: new Float64Array(4) }], { combine: 'none', relu: false })).rejects.toThrow(/one odd size/);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a run that ends stops between bands with an AbortError, no tensor left', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    controller.abort(new DOMException('The run was stopped.', 'AbortError'));
    const image = randomImage(4, 20, 20);
    await expect(applyKernels(tf, image, CLASSIC_KERNELS.sobel.set().kernels, { combine: 'magnitude', relu: false, multiplyAddsPerTask: 2000, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(tf.memory().numTensors).toBe(before);
  });
});
