/**
 * The worked examples of the notes, recomputed by the engines that implement the same formulas,
 * so the text and the code cannot drift apart.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { createTfOptimizer } from '../../src/engines/optimizers/tf-optimizer.ts';
import { createReferenceState, referenceStep, type Hyperparameters } from '../../src/engines/optimizers/update-rules.ts';
import { dataLoss, dataLossReference, l2Reference, perExampleLoss, scoresReference } from '../../src/engines/loss-landscape/losses.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Lecture 7: "two Adam steps on a quadratic"', () => {
  // f(x) = x^2 from x0 = 1, alpha = 0.1, beta1 = 0.9, beta2 = 0.999, eps = 1e-8.
  const hyper: Hyperparameters = { lr: 0.1, mu: 0.9, decay: 0.99, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

  test('the reference rule gives x1 = 0.9000000005, x2 = 0.800412, x3 = 0.701586', () => {
    const x = Float64Array.from([1]);
    const state = createReferenceState(1);
    const trace: number[] = [];
    for (let i = 0; i < 3; i++) {
      referenceStep('adam', x, Float64Array.from([2 * x[0]!]), state, hyper);
      trace.push(x[0]!);
    }
    expect(trace[0]).toBeCloseTo(0.9000000005, 10);
    expect(trace[1]).toBeCloseTo(0.800412, 6);
    expect(trace[2]).toBeCloseTo(0.701586, 6);
  });

  test('the tfjs optimizer of the demos gives the same steps', async () => {
    const x = tf.variable(tf.scalar(1));
    const optimizer = createTfOptimizer(tf, 'adam', () => hyper);
    const trace: number[] = [];
    for (let i = 0; i < 3; i++) {
      const g = tf.mul(2, x);
      optimizer.step([x], [g]);
      g.dispose();
      trace.push((await x.data())[0]!);
    }
    expect(trace[0]).toBeCloseTo(0.9, 6);
    expect(trace[1]).toBeCloseTo(0.800412, 5);
    expect(trace[2]).toBeCloseTo(0.701586, 5);
    optimizer.dispose();
    x.dispose();
  });

  test('without bias correction the first step would be 3.16 times too large', () => {
    const g = 2;
    const m1 = 0.1 * g;
    const v1 = 0.001 * g * g;
    expect((hyper.lr * m1) / Math.sqrt(v1) / hyper.lr).toBeCloseTo(3.1623, 4);
  });

  test('the uncorrected step overshoots by (1 - b1^t)/sqrt(1 - b2^t): 3.16 at t = 1, a peak of 6.57 at t = 12, 1.26 at t = 1000', () => {
    // A constant gradient: the corrected rule moves by lr every step, the uncorrected one by lr * m / sqrt(v).
    const g = 2;
    const x = Float64Array.from([0]);
    const state = createReferenceState(1);
    let m = 0;
    let v = 0;
    const ratios: number[] = [];
    for (let t = 1; t <= 1000; t++) {
      const before = x[0]!;
      referenceStep('adam', x, Float64Array.from([g]), state, hyper);
      const corrected = before - x[0]!;
      m = hyper.beta1 * m + (1 - hyper.beta1) * g;
      v = hyper.beta2 * v + (1 - hyper.beta2) * g * g;
      const uncorrected = (hyper.lr * m) / (Math.sqrt(v) + hyper.eps);
      ratios.push(uncorrected / corrected);
    }
    expect(ratios[0]).toBeCloseTo(3.1623, 3);
    const peak = Math.max(...ratios);
    expect(ratios.indexOf(peak) + 1).toBe(12);
    expect(peak).toBeCloseTo(6.57, 2);
    expect(ratios[999]).toBeCloseTo(1.258, 3);
    expect(Math.min(...ratios)).toBeGreaterThan(1);
  });
});

describe('Lecture 3: the running 3-class example (cat, car, frog)', () => {
  // W rows per class, X rows per example (last feature is the bias trick's 1), correct classes 0, 1, 2.
  const W = [[0.5, 1, -0.5], [0, 1, 1], [0, -0.5, 0]];
  const X = [[1, 1, 1], [0, 2, 1], [1, 0, 1]];
  const labels = [0, 1, 2];
  const scores = scoresReference(W, X);

  test('scores and per-example SVM losses are the ones worked by hand', () => {
    expect(scores).toEqual([[1, 2, -0.5], [1.5, 3, -1], [0, 1, 0]]);
    expect(dataLossReference('svm', scores, labels)).toBeCloseTo(5 / 3, 12);
    expect(dataLossReference('svm', scores, labels) + 0.1 * l2Reference(W)).toBeCloseTo(2.0417, 4);
  });

  test('softmax losses are 1.3715, 0.2163, 1.5514; mean 1.0464; with lambda R = 0.375, 1.4214', () => {
    const per = scores.map((row, i) => dataLossReference('softmax', [row], [labels[i]!]));
    expect(per[0]).toBeCloseTo(1.3715, 4);
    expect(per[1]).toBeCloseTo(0.2163, 4);
    expect(per[2]).toBeCloseTo(1.5514, 4);
    expect(dataLossReference('softmax', scores, labels)).toBeCloseTo(1.0464, 4);
    expect(dataLossReference('softmax', scores, labels) + 0.1 * l2Reference(W)).toBeCloseTo(1.4214, 4);
  });

  test('the tfjs losses of the loss-landscape demo give the same numbers', async () => {
    const s = tf.tensor2d(scores);
    const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 3);
    const svm = await perExampleLoss(tf, 'svm', s, y).data();
    const softmax = await perExampleLoss(tf, 'softmax', s, y).data();
    expect(Array.from(svm)).toEqual([2, 0, 3]);
    expect(softmax[0]).toBeCloseTo(1.3715, 4);
    expect(softmax[2]).toBeCloseTo(1.5514, 4);
    expect((await dataLoss(tf, 'svm', s, y).data())[0]).toBeCloseTo(5 / 3, 6);
  });
});

describe('Assignment 1: the one-loop distance', () => {
  test('each test row builds a 5,000 × 3,072 temporary of doubles, about 123 MB', () => {
    expect((5000 * 3072 * 8) / 1e6).toBeCloseTo(122.88, 2);
  });
});
