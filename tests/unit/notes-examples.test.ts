/**
 * The worked examples of the notes, recomputed by the engines that implement the same formulas,
 * so the text and the code cannot drift apart.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { createTfOptimizer } from '../../src/engines/optimizers/tf-optimizer.ts';
import { createReferenceState, referenceStep, type Hyperparameters } from '../../src/engines/optimizers/update-rules.ts';

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
});
