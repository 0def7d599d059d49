import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { createRandom } from '../../src/engines/random.ts';
import { createTfOptimizer } from '../../src/engines/optimizers/tf-optimizer.ts';
import {
  DEFAULT_HYPERPARAMETERS,
  OPTIMIZERS,
  createReferenceState,
  referenceStep,
  type Hyperparameters,
} from '../../src/engines/optimizers/update-rules.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const hyper: Hyperparameters = { ...DEFAULT_HYPERPARAMETERS, lr: 0.01 };

describe('update rules', () => {
  test.each(OPTIMIZERS)('tfjs %s matches the reference formula within 1e-5 over 100 steps', async (name) => {
    const random = createRandom(7);
    const size = 12;
    const x = Float64Array.from({ length: size }, () => random.normal());
    const state = createReferenceState(size);
    const variable = tf.variable(tf.tensor1d(Array.from(x)));
    const optimizer = createTfOptimizer(tf, name, () => hyper);
    for (let step = 0; step < 100; step++) {
      // The same gradient sequence for both: a noisy pull towards 0 with varied scales.
      const dx = Float64Array.from(x, (value, i) => 2 * value * (1 + i) + 0.5 * random.normal());
      referenceStep(name, x, dx, state, hyper);
      const grad = tf.tensor1d(Array.from(dx));
      optimizer.step([variable], [grad]);
      grad.dispose();
    }
    const actual = await variable.data();
    const maxError = Math.max(...Array.from(actual, (value, i) => Math.abs(value - x[i]!)));
    expect(maxError).toBeLessThan(1e-5);
    expect(state.t).toBe(100);
    optimizer.dispose();
    variable.dispose();
  });

  test('Adam bias correction makes the first step exactly lr times the sign of the gradient', () => {
    const x = Float64Array.from([1, -2]);
    referenceStep('adam', x, Float64Array.from([0.3, -40]), createReferenceState(2), { ...hyper, eps: 0 });
    expect(x[0]).toBeCloseTo(1 - 0.01, 12);
    expect(x[1]).toBeCloseTo(-2 + 0.01, 12);
  });

  test('Nesterov in the notes\' form equals momentum evaluated at the look-ahead point', () => {
    // f(x) = x^2 / 2, so the gradient at y is y. Look-ahead form: v = mu v - lr f'(x + mu v); x += v.
    const mu = 0.9;
    const lr = 0.1;
    let xa = 3;
    let va = 0;
    const xb = Float64Array.from([3]);
    const state = createReferenceState(1);
    for (let i = 0; i < 20; i++) {
      va = mu * va - lr * (xa + mu * va);
      xa += va;
      // The notes' form tracks x_ahead = x + mu v; its gradient is evaluated at the stored point.
      referenceStep('nesterov', xb, Float64Array.from([xb[0]!]), state, { ...hyper, lr, mu });
    }
    expect(xb[0]).toBeCloseTo(xa + mu * va, 10);
  });

  test('optimizer state does not leak tensors', () => {
    const variable = tf.variable(tf.zeros([4]));
    const before = tf.memory().numTensors;
    const optimizer = createTfOptimizer(tf, 'adam', () => hyper);
    const grad = tf.ones([4]);
    for (let i = 0; i < 500; i++) optimizer.step([variable], [grad]);
    expect(tf.memory().numTensors).toBe(before + 3); // the gradient and Adam's two moments
    optimizer.dispose();
    grad.dispose();
    expect(tf.memory().numTensors).toBe(before);
    variable.dispose();
  });
});
