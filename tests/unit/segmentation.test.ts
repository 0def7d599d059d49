import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { heldOutScenes, SPLITS } from '../../src/engines/detection/scenes.ts';
import { createRandom } from '../../src/engines/random.ts';
import { segmentationScore } from '../../src/engines/segmentation/mean-iou.ts';
import { createSegmenterTrainer } from '../../src/engines/segmentation/segmenter-trainer.ts';
import { halfLabels } from '../../src/engines/segmentation/segmenter.ts';
import { transposedConv2x2 } from '../../src/engines/segmentation/upsample.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('segmentation engine', () => {
  test('the 2×2, stride-2 transposed convolution equals tfjs conv2dTranspose, values and gradients', () => {
    const r = createRandom(3);
    const values = (n: number) => Float32Array.from({ length: n }, () => r.normal());
    const x = tf.tensor4d(values(2 * 3 * 4 * 5), [2, 3, 4, 5]);
    const w = tf.tensor4d(values(2 * 2 * 6 * 5), [2, 2, 6, 5]);
    const b = tf.tensor1d(values(6));
    const before = tf.memory().numTensors;
    const ours = transposedConv2x2(tf, x, w, b);
    const theirs = tf.tidy(() => tf.add(tf.conv2dTranspose(x, w, [2, 6, 8, 6], 2, 'valid'), b));
    expect(ours.shape).toEqual([2, 6, 8, 6]);
    const a = ours.dataSync();
    const c = theirs.dataSync();
    let most = 0;
    for (let i = 0; i < a.length; i++) most = Math.max(most, Math.abs(a[i]! - c[i]!));
    expect(most).toBeLessThan(1e-5);
    // Gradients of a weighted sum agree too (ours uses only matMul, reshape and transpose).
    const weights = tf.tensor4d(values(2 * 6 * 8 * 6), [2, 6, 8, 6]);
    const g1 = tf.grads((xx: tf.Tensor, ww: tf.Tensor) => tf.sum(tf.mul(transposedConv2x2(tf, xx, ww, b), weights)))([x, w]);
    const g2 = tf.grads((xx: tf.Tensor, ww: tf.Tensor) => tf.sum(tf.mul(tf.conv2dTranspose(xx as tf.Tensor4D, ww as tf.Tensor4D, [2, 6, 8, 6], 2, 'valid'), weights)))([x, w]);
    for (let k = 0; k < 2; k++) {
      const p = g1[k]!.dataSync();
      const q = g2[k]!.dataSync();
      for (let i = 0; i < p.length; i++) expect(p[i]).toBeCloseTo(q[i]!, 4);
    }
    tf.dispose([ours, theirs, weights, ...g1, ...g2]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, w, b]);
  });

  test('labels of 2×2 blocks by hand: a digit where two or more of the four pixels are its own', () => {
    // A 4×4 mask, four blocks: all digit 3 (label 4); one pixel of digit 1 (label 2); two pixels of digit 7 (label 8); empty.
    const mask = Uint8Array.from([
      4, 4, 2, 0,
      4, 4, 0, 0,
      8, 0, 0, 0,
      0, 8, 0, 0,
    ]);
    expect(Array.from(halfLabels(mask, 4))).toEqual([4, 0, 8, 0]);
  });

  test('mean IoU by hand', () => {
    // Truth: 4 background, 2 of class 1, 2 of class 2. Prediction gets one class-1 pixel wrong (as 2).
    const truth = [0, 0, 0, 0, 1, 1, 2, 2];
    const predicted = [0, 0, 0, 0, 1, 2, 2, 2];
    const score = segmentationScore(predicted, truth, 4);
    expect(score.perClass).toEqual([1, 1 / 2, 2 / 3, undefined]);
    expect(score.meanIou).toBeCloseTo((1 + 1 / 2 + 2 / 3) / 3, 12);
    expect(score.pixelAccuracy).toBe(7 / 8);
    expect(() => segmentationScore([0], [0, 1], 2)).toThrow(/1 predicted pixels but 2 true ones/);
  });

  test('trainer: the same seed gives the same losses, the tensor count is exact', async () => {
    const m = loadMnistNode();
    const test_ = heldOutScenes(m.images, m.labels, 1, 2, 5);
    const make = () => createSegmenterTrainer({ tf, train: { images: m.images, labels: m.labels, digits: SPLITS.train, seed: 1 }, test: test_, seed: 1, batchSize: 1, learningRate: () => 3e-3 });
    const before = tf.memory().numTensors;
    const a = make();
    // 10 layers, weight and bias each.
    expect(tf.memory().numTensors - before).toBe(20);
    await a.train(1);
    const held = tf.memory().numTensors;
    // Adam's two moments per parameter join after the first step.
    expect(held - before).toBe(60);
    await a.train(1);
    const e = await a.evaluate();
    expect(tf.memory().numTensors).toBe(held);
    expect(e.predicted).toHaveLength(2 * 96 * 96);
    expect(e.perClass).toHaveLength(11);
    const b = make();
    await b.train(2);
    expect(b.losses).toEqual(a.losses);
    expect(a.losses.every(Number.isFinite)).toBe(true);
    a.dispose();
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});
