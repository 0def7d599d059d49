/**
 * The activation lab's training mode on the tfjs CPU backend: Adam steps of every configuration
 * against the float64 reference (hand-written backward, batch norm's γ and β included), the
 * update/weight ratios, seeded reproducibility, exact tensor counts, and 20 digits overfit to a
 * loss near zero.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import type { LabConfig, LabShape } from '../../src/engines/activation-lab/network.ts';
import { createRandom } from '../../src/engines/random.ts';
import { OVERFIT_STEPS, batchPixels, type Digits, createBatchOrder, createLabTrainer, initialParameters, stepMasks } from '../../src/engines/activation-lab/trainer.ts';
import { createTrainingEngine } from '../../src/engines/activation-lab/training-engine.ts';
import { scheduledRate } from '../../src/engines/optimizers/schedule.ts';
import { referenceTrainStep, type ReferenceState } from '../../src/engines/activation-lab/trainer-reference.ts';

const data = loadMnistNode();
/**
 * The digits with a fixed pseudo-random jitter on every pixel, for the comparisons with the
 * reference: a pixel that is 0 in every digit of a minibatch gives its weights a gradient that is
 * zero up to rounding (batch norm removes a constant), and Adam, which divides by the gradient's
 * own size, turns that rounding into a full step of random sign, different in float32 and float64.
 */
const jittered = { images: data.images.map((v, i) => Math.min(255, v + ((Math.imul(i, 2654435761) >>> 26) & 31))), labels: data.labels };
const shape: LabShape = { inputs: 784, layers: 3, width: 12, classes: 10, batch: 8, seed: 5 };
const trainCount = data.manifest.trainCount;
const heldOut = { start: trainCount, count: 200 };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const configs: [string, LabConfig][] = [
  ['tanh, 0.01·N(0,1)', { activation: 'tanh', init: 'small', batchNorm: false, dropout: 0 }],
  ['tanh, Xavier, dropout 0.3', { activation: 'tanh', init: 'xavier', batchNorm: false, dropout: 0.3 }],
  ['ReLU, He, batch norm', { activation: 'relu', init: 'he', batchNorm: true, dropout: 0 }],
  ['ReLU, Xavier, batch norm, dropout 0.5', { activation: 'relu', init: 'xavier', batchNorm: true, dropout: 0.5 }],
];

const trainer = (config: LabConfig | LabConfig[], s: LabShape = shape, count = trainCount, evaluation = heldOut, digits: Digits = data) =>
  createLabTrainer({ tf, shape: s, configs: Array.isArray(config) ? config : [config], data: digits, trainCount: count, evaluation });

describe('activation lab training', () => {
  test.each(configs)('%s: three Adam steps match the float64 reference (losses, parameters, update/weight ratios)', async (_, config) => {
    const lr = 0.01;
    const lab = trainer(config, shape, trainCount, heldOut, jittered);
    await lab.train(2, lr);
    await lab.train(1, lr);
    const params = initialParameters(shape, config).map((p) => Float64Array.from(p));
    let state: ReferenceState = { params, m: params.map((p) => new Float64Array(p.length)), v: params.map((p) => new Float64Array(p.length)), running: [], t: 0 };
    state.running = config.batchNorm ? Array.from({ length: 2 * shape.layers }, (_, i) => new Float64Array(shape.width).fill(i % 2)) : [];
    const order = createBatchOrder(trainCount, shape.batch, shape.seed);
    const dropout = createRandom(shape.seed + 1);
    const losses: number[] = [];
    let ratios: number[] = [];
    for (let t = 0; t < 3; t++) {
      const indices = order();
      const step = referenceTrainStep(shape, config, state, batchPixels(jittered.images, indices), Array.from(indices, (i) => data.labels[i]!), stepMasks(dropout, shape, config.dropout), lr);
      losses.push(step.loss);
      ratios = step.ratios;
      state = step.next;
    }
    lab.losses[0]!.forEach((loss, t) => expect(loss, `loss at step ${t}`).toBeCloseTo(losses[t]!, 4));
    expect(lab.ratios[0]!).toHaveLength(shape.layers + 1);
    lab.ratios[0]!.forEach((ratio, l) => expect(Math.abs(ratio - ratios[l]!) / ratios[l]!, `ratio of layer ${l + 1}`).toBeLessThan(1e-3));
    const got = (await lab.parameters())[0]!;
    got.forEach((values, i) => {
      const expected = state.params[i]!;
      const scale = Math.max(...expected.map(Math.abs));
      let worst = 0;
      values.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - expected[j]!))));
      expect(worst / scale, `parameter ${i}`).toBeLessThan(1e-4);
    });
    lab.dispose();
  });

  test('two identical configurations in one trainer see the same digits and masks: identical losses', async () => {
    const config = configs[3]![1];
    const lab = trainer([config, config]);
    await lab.train(4, 1e-3);
    expect(lab.losses[1]).toEqual(lab.losses[0]);
    lab.dispose();
  });

  test('the same seed gives the same losses and evaluation; another seed does not', async () => {
    const config = configs[2]![1];
    const run = async (seed: number) => {
      const lab = trainer(config, { ...shape, seed });
      await lab.train(5, 1e-3);
      const result = { losses: [...lab.losses[0]!], evaluation: await lab.evaluate() };
      lab.dispose();
      return result;
    };
    const a = await run(5);
    expect(await run(5)).toEqual(a);
    expect((await run(6)).losses).not.toEqual(a.losses);
  });

  test('tensor counts are exact: flat after N steps and evaluations, back to zero after dispose', async () => {
    const before = tf.memory().numTensors;
    const lab = trainer([configs[1]![1], configs[3]![1]]);
    const held = tf.memory().numTensors;
    // Per model: parameters, Adam's m and v of each; batch norm's running mean and variance; plus the evaluation digits and labels.
    expect(held - before).toBe(3 * 8 + 3 * 11 + 2 * 3 + 2);
    await lab.train(3, 1e-3);
    await lab.evaluate();
    await lab.train(4, 1e-3);
    expect(tf.memory().numTensors).toBe(held);
    lab.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test('the initial loss of a net whose scores start near zero is ln 10; the update/weight ratio scales with the learning rate', async () => {
    const lab = trainer(configs[0]![1]);
    await lab.train(1, 1e-3);
    expect(lab.losses[0]![0]).toBeCloseTo(Math.log(10), 3);
    lab.dispose();
    const ratioAt = async (lr: number) => {
      const he = trainer(configs[2]![1]);
      await he.train(1, lr);
      const ratio = he.ratios[0]![1]!;
      he.dispose();
      return ratio;
    };
    // Adam's first step moves every weight by about lr: the ratio is lr·√(count)/‖W‖.
    const small = await ratioAt(1e-4);
    expect(small).toBeGreaterThan(1e-4);
    expect(small).toBeLessThan(1e-2);
    expect((await ratioAt(1e-3)) / small).toBeCloseTo(10, 1);
  });

  test('overfitting 20 digits: the loss goes near zero and all 20 are right', async () => {
    const small: LabShape = { inputs: 784, layers: 3, width: 64, classes: 10, batch: 20, seed: 1 };
    const lab = trainer(configs[2]![1], small, 20, { start: 0, count: 20 });
    await lab.train(OVERFIT_STEPS, 1e-3);
    const losses = lab.losses[0]!;
    expect(losses[0]).toBeGreaterThan(1.5);
    expect(losses.at(-1)).toBeLessThan(0.01);
    expect((await lab.evaluate())[0]!.accuracy).toBe(1);
    lab.dispose();
  }, 120_000);

  test('the served engine: rounds give each configuration its losses, the ratios, an evaluation when asked; an abort stops it', async () => {
    const before = tf.memory().numTensors;
    const abort = new AbortController();
    const configsAB = [configs[0]![1], configs[2]![1]];
    const engine = createTrainingEngine(tf, { data, shape, configs: configsAB, trainCount, evaluation: heldOut }, abort.signal);
    // A cosine schedule over the 5 steps of both rounds: each step's rate comes from its own index.
    const rate = { learningRate: 1e-3, decay: 'cosine', totalSteps: 5 } as const;
    const first = (await engine.handle({ steps: 3, ...rate, evaluate: false })).reply;
    expect(first.step).toBe(3);
    expect(first.losses.map((l) => l.length)).toEqual([3, 3]);
    expect(first.ratios.map((r) => r.length)).toEqual([shape.layers + 1, shape.layers + 1]);
    expect(first.evaluation).toBeUndefined();
    const second = (await engine.handle({ steps: 2, ...rate, evaluate: true })).reply;
    expect(second.step).toBe(5);
    expect(second.losses.map((l) => l.length)).toEqual([2, 2]);
    expect(second.evaluation).toHaveLength(2);
    // The same numbers as a trainer driven directly.
    const direct = trainer(configsAB);
    await direct.train(5, (t) => scheduledRate(1e-3, t, 5, 'cosine'));
    expect([...first.losses[1]!, ...second.losses[1]!]).toEqual(direct.losses[1]);
    expect(second.evaluation).toEqual(await direct.evaluate());
    direct.dispose();
    abort.abort(new DOMException('stopped', 'AbortError'));
    await expect(engine.handle({ steps: 5, ...rate, evaluate: false })).rejects.toThrow('stopped');
    engine.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
