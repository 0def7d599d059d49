/**
 * Gradient flow through time: autodiff in tfjs against the notes' backward pass in float64, the
 * largest singular value, and the behaviour the demo shows (a small W_hh vanishes, a forget bias
 * of 1 keeps the LSTM's gradient alive).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, test } from 'vitest';
import { largestSingularValue } from '../../src/engines/char-rnn/flow-reference.ts';
import { flowCurve, type FlowModel } from '../../src/engines/char-rnn/gradient-flow.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const base: FlowModel = { cell: 'rnn', hidden: 32, scale: 1, forgetBias: 0, seed: 3, length: 60 };

describe('gradient flow', () => {
  test.each([
    ['tanh RNN, scale 1', { ...base }],
    ['tanh RNN, scale 2', { ...base, scale: 2 }],
    ['LSTM, forget bias 0', { ...base, cell: 'lstm' as const }],
    ['LSTM, forget bias 1', { ...base, cell: 'lstm' as const, forgetBias: 1 }],
  ])('%s: autodiff equals the notes\' backward pass at every k', async (_name, model) => {
    const before = tf.memory().numTensors;
    const curve = await flowCurve(tf, model);
    expect(tf.memory().numTensors).toBe(before);
    expect(curve.norms).toHaveLength(60);
    expect(curve.reference).toHaveLength(60);
    expect(curve.reference[0]!).toBeGreaterThan(0.01);
    expect(curve.agreement).toBeLessThan(1e-3);
  });

  test('a small W_hh vanishes, forget bias 1 keeps the LSTM\'s gradient longer than 0 does', async () => {
    const small = await flowCurve(tf, { ...base, scale: 0.5 });
    expect(small.reference[50]! / small.reference[0]!).toBeLessThan(1e-8);
    const closed = await flowCurve(tf, { ...base, cell: 'lstm', forgetBias: 0 });
    const open = await flowCurve(tf, { ...base, cell: 'lstm', forgetBias: 1 });
    expect(open.reference[40]! / open.reference[0]!).toBeGreaterThan(10 * (closed.reference[40]! / closed.reference[0]!));
    // N(0, s²/H) weights: the largest singular value is near 2s.
    expect(small.sigmaMax).toBeGreaterThan(0.7);
    expect(small.sigmaMax).toBeLessThan(1.3);
  });

  test('largest singular value by power iteration', () => {
    // [[3, 0], [0, -2], [0, 0]] has singular values 3 and 2.
    expect(largestSingularValue([3, 0, 0, -2, 0, 0], 3, 2)).toBeCloseTo(3, 6);
    expect(largestSingularValue([1, 1, 1, 1], 2, 2)).toBeCloseTo(2, 6);
  });
});
