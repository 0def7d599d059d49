import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { checkSmallNet } from '../../src/engines/gradient-check/check-net.ts';
import { relativeErrorWithFloor, sampleIndices } from '../../src/engines/gradient-check/numeric-check.ts';
import { gradientsOf, initParams, lossOf, type Bug, type SmallNet } from '../../src/engines/gradient-check/small-net.ts';
import { createSmallNet } from '../../src/engines/gradient-check/mnist-net.ts';
import { createRandom } from '../../src/engines/random.ts';

const data = loadMnistNode();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const setup = () => {
  const net: SmallNet = createSmallNet(data.images, data.labels, { n: 8, start: 100, p: 0.3, lambda: 0.01, seed: 4 });
  return { net, params: initParams(net, createRandom(5)) };
};

const maxErrors = async (bug: Bug) => {
  const { net, params } = setup();
  const check = await checkSmallNet(net, params, { bug, samplesPerTensor: 12, h: 1e-5, seed: 6 });
  return Object.fromEntries(check.float64.map((t) => [t.name, t.maxRelativeError]));
};

describe('gradient check of the small net (affine, batch norm, ReLU, dropout, softmax, L2)', () => {
  test('the hand-written backward pass agrees with centred differences in float64', async () => {
    const errors = await maxErrors('none');
    for (const [name, error] of Object.entries(errors)) expect(error, name).toBeLessThan(1e-7);
  });

  test.each([
    ['transposed', ['W1', 'gamma', 'beta'], ['W2', 'b2']],
    ['missing-factor-2', ['W1', 'W2'], ['gamma', 'beta', 'b2']],
    ['no-regularization', ['W1', 'W2'], ['gamma', 'beta', 'b2']],
    ['bn-no-mean', ['W1'], ['gamma', 'beta', 'W2', 'b2']],
  ] as const)('a planted bug (%s) is exposed where it acts and nowhere else', async (bug, wrong, right) => {
    const errors = await maxErrors(bug);
    for (const name of wrong) expect(errors[name], `${bug}: ${name}`).toBeGreaterThan(1e-2);
    for (const name of right) expect(errors[name], `${bug}: ${name}`).toBeLessThan(1e-7);
  });

  test('in float32 the same check blurs: errors hundreds of times larger than float64\'s', async () => {
    const { net, params } = setup();
    const before = tf.memory().numTensors;
    const check = await checkSmallNet(net, params, { bug: 'none', samplesPerTensor: 6, h: 1e-5, seed: 6, tf });
    expect(tf.memory().numTensors).toBe(before);
    const f32 = check.float32!.map((t) => t.maxRelativeError);
    const f64 = check.float64.map((t) => t.maxRelativeError);
    expect(Math.max(...f32)).toBeGreaterThan(1e-4);
    expect(Math.max(...f32)).toBeGreaterThan(100 * Math.max(...f64));
  });

  test('the float32 forward pass in tfjs computes the same loss as the float64 one', async () => {
    const { net, params } = setup();
    const { smallNetLossTf } = await import('../../src/engines/gradient-check/small-net-tf.ts');
    expect(await smallNetLossTf(tf, net, params)).toBeCloseTo(lossOf(net, params), 4);
    expect(gradientsOf(net, params).loss).toBe(lossOf(net, params));
  });

  test('relative error has the assignments\' floor, and samples are distinct and sorted', () => {
    expect(relativeErrorWithFloor(0, 0)).toBe(0);
    expect(relativeErrorWithFloor(1e-12, 0)).toBeCloseTo(1e-4, 12);
    const picked = sampleIndices(100, 10, createRandom(1));
    expect(new Set(picked).size).toBe(10);
    expect([...picked].sort((a, b) => a - b)).toEqual(picked);
    expect(sampleIndices(3, 10, createRandom(1))).toEqual([0, 1, 2]);
  });
});

describe('gradient-check readout', () => {
  test('names the flagged tensors, the float32 reading and the kinks', async () => {
    const { describeCheck } = await import('../../src/demos/gradient-check/summary.ts');
    const tensor = (name: string, maxRelativeError: number, kinks = 0) => ({ name, entries: [], maxRelativeError, kinks });
    const check = { loss: 2.41234, float64: [tensor('W1', 0.5, 1), tensor('W2', 1e-9)], float32: [tensor('W1', 0.4), tensor('W2', 3e-3)] };
    expect(describeCheck(check, 'Bug: x')).toBe('Bug: x. Loss 2.4123. In float64 the check flags W1 (relative error up to 5.0e-1). With a float32 forward pass the largest error is 4.0e-1 (wrong). 1 sampled entry crosses a ReLU kink and is not counted.');
    const fine = { loss: 2.3, float64: [tensor('W1', 2e-10)], float32: undefined };
    expect(describeCheck(fine, 'Correct')).toBe('Correct. Loss 2.3000. In float64 every tensor agrees (largest relative error 2.0e-10).');
    expect(describeCheck(undefined, 'Correct')).toBe('Checking…');
  });
});
