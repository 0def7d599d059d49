/**
 * The semantic-gap engine: transforms against hand-checked cases, pixel distances against their
 * definitions, and on the site's real digits the gap itself: a 2-pixel shift of a held-out digit
 * moves it farther in pixel space than the nearest other training digit of its class, while in
 * the shipped ConvNet's code space it stays closer than the nearest digit of another class.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { loadPretrainedCnnNode } from '../../src/data/model-node.ts';
import { cnnCodes } from '../../src/engines/tsne/cnn-features.ts';
import { codeDistance, createCodeSpace } from '../../src/engines/semantic-gap/code-space.ts';
import { l1Distance, l2Distance, nearestPerClass, sameAndOther } from '../../src/engines/semantic-gap/pixel-distances.ts';
import { describeTransform, IDENTITY, rotate, shift, transformDigit } from '../../src/engines/semantic-gap/transforms.ts';

const data = loadMnistNode();
const { weights } = loadPretrainedCnnNode();
const digit = (index: number) => Float32Array.from(data.images.subarray(index * 784, (index + 1) * 784), (v) => v / 255);
const train = { start: 0, end: data.manifest.trainCount };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('transforms', () => {
  test('the identity leaves every pixel as it was; a shift moves pixels and brings in background', () => {
    const x = digit(8000);
    expect(transformDigit(x, IDENTITY)).toEqual(x);
    const moved = shift(x, 2, -1);
    expect(moved[10 * 28 + 12]).toBe(x[11 * 28 + 10]);
    expect(moved[5 * 28 + 0]).toBe(0);
    expect(moved[27 * 28 + 5]).toBe(0);
    expect(describeTransform({ ...IDENTITY, shiftX: 2, shiftY: -1 })).toBe('shifted 2 px right and 1 px up');
  });

  test('rotating by 90° turns a single bright pixel to where the turn takes it; 360° is the identity', () => {
    const x = new Float32Array(784);
    x[4 * 28 + 20] = 1; // x = 20, y = 4: upper right
    const turned = rotate(x, 90);
    // Counter-clockwise on screen: the upper right goes to the upper left, (4, 7).
    expect(turned[7 * 28 + 4]).toBeCloseTo(1, 5);
    expect(turned.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(rotate(x, 360)).toEqual(x);
  });

  test('contrast, brightness, the patch and the noise follow their formulas and stay in [0, 1]', () => {
    const x = digit(8001);
    const dim = transformDigit(x, { ...IDENTITY, contrast: 0.5, brightness: -0.1 });
    x.forEach((v, i) => expect(dim[i]).toBeCloseTo(Math.min(1, Math.max(0, 0.5 * (v - 0.5) + 0.4)), 6));
    const patched = transformDigit(x, { ...IDENTITY, patch: 4, patchX: 26, patchY: 0 });
    expect([patched[0 * 28 + 26], patched[3 * 28 + 27], patched[4 * 28 + 27]]).toEqual([0.5, 0.5, x[4 * 28 + 27]]);
    const noisy = transformDigit(x, { ...IDENTITY, noise: 0.2, seed: 3 });
    expect(noisy).toEqual(transformDigit(x, { ...IDENTITY, noise: 0.2, seed: 3 }));
    expect(noisy).not.toEqual(transformDigit(x, { ...IDENTITY, noise: 0.2, seed: 4 }));
    expect(Math.min(...noisy)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...noisy)).toBeLessThanOrEqual(1);
  });
});

describe('distances', () => {
  test('L1 and L2 on a small case, and the nearest digit of a class equals a brute-force search', () => {
    expect(l1Distance([0, 1, 0.5], [1, 1, 0])).toBeCloseTo(1.5, 12);
    expect(l2Distance([0, 1, 0.5], [1, 1, 0])).toBeCloseTo(Math.sqrt(1.25), 12);
    const query = digit(8000);
    const range = { start: 0, end: 500 };
    const perClass = nearestPerClass(query, data.images, data.labels, range);
    const nearest = perClass[3]!;
    let best = Infinity;
    let bestIndex = -1;
    for (let n = 0; n < 500; n++) {
      if (data.labels[n] !== 3) continue;
      const d = l2Distance(query, digit(n));
      if (d < best) [best, bestIndex] = [d, n];
    }
    expect(nearest.index).toBe(bestIndex);
    expect(nearest.distance).toBeCloseTo(best, 4);
    const { same, other } = sameAndOther(perClass, 3);
    expect(same).toBe(nearest);
    expect(other!.distance).toBe(Math.min(...perClass.filter((_, c) => c !== 3).map((n) => n!.distance)));
  });

  test('the ConvNet codes equal the t-SNE demo\'s CNN codes of the same digit, and no tensor is left', async () => {
    const before = tf.memory().numTensors;
    const space = createCodeSpace(tf, weights);
    const coded = await space.encode([digit(8000), digit(8001)]);
    const reference = await cnnCodes({ tf, weights, images: data.images.subarray(8000 * 784), n: 2 });
    expect(Array.from(coded.codes[0]!)).toEqual(Array.from(reference.values.subarray(0, 64)));
    expect(Array.from(coded.codes[1]!)).toEqual(Array.from(reference.values.subarray(64, 128)));
    expect(coded.predictions.map((p) => p.label)).toEqual([data.labels[8000], data.labels[8001]]);
    expect(tf.memory().numTensors).toBe(before + 8);
    space.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the semantic gap on real digits', () => {
  test('for most held-out 7s, 2 px right moves farther in L2 than the nearest other 7; in code space it stays nearer than any other class', async () => {
    const space = createCodeSpace(tf, weights);
    let pixelGap = 0;
    let codeKept = 0;
    const sevens: number[] = [];
    for (let n = 8000; n < 10000 && sevens.length < 40; n++) if (data.labels[n] === 7) sevens.push(n);
    for (const n of sevens) {
      const x = digit(n);
      const moved = transformDigit(x, { ...IDENTITY, shiftX: 2 });
      const { same, other } = sameAndOther(nearestPerClass(x, data.images, data.labels, train), 7) as { same: { index: number; distance: number }; other: { index: number } };
      if (l2Distance(x, moved) > same.distance) pixelGap++;
      const { codes } = await space.encode([x, moved, digit(same.index), digit(other.index)]);
      if (codeDistance(codes[0]!, codes[1]!) < codeDistance(codes[0]!, codes[3]!)) codeKept++;
    }
    space.dispose();
    expect(pixelGap / sevens.length).toBeGreaterThan(0.9); // 39 of 40
    expect(codeKept).toBe(sevens.length);
  });
});
