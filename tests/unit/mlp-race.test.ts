import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { createMlpRace } from '../../src/engines/optimizer-race/mlp-race.ts';
import { DEFAULT_HYPERPARAMETERS, OPTIMIZERS } from '../../src/engines/optimizers/update-rules.ts';
import type { RacerSettings } from '../../src/engines/optimizer-race/surface-race.ts';

const data = loadMnistNode();
const LR = { sgd: 0.1, momentum: 0.05, nesterov: 0.05, adagrad: 0.02, rmsprop: 0.002, adam: 0.002 } as const;
const settings: RacerSettings[] = OPTIMIZERS.map((name) => ({ name, enabled: true, hyper: { ...DEFAULT_HYPERPARAMETERS, lr: LR[name] } }));
const race = (seed: number) =>
  createMlpRace({ tf, images: data.images, labels: data.labels, trainCount: 2000, hidden: 16, batchSize: 32, seed, settings: () => settings });

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('MLP optimizer race', () => {
  test('all racers start from the same weights and see the same batches', async () => {
    const r = race(5);
    await r.advance(1);
    const first = r.racers.map((racer) => racer.losses[0]!);
    for (const loss of first) expect(loss).toBeCloseTo(first[0]!, 5);
    expect(first[0]).toBeGreaterThan(1.5); // about ln 10 = 2.30 for random weights
    expect(first[0]).toBeLessThan(4);
    r.dispose();
  });

  test('training lowers the loss, the same seed repeats the run exactly, and tensors stay flat', async () => {
    const before = tf.memory().numTensors;
    const a = race(11);
    await a.advance(5);
    const during = tf.memory().numTensors;
    for (let i = 0; i < 19; i++) await a.advance(5);
    expect(tf.memory().numTensors).toBe(during);
    for (const racer of a.racers) {
      expect(racer.losses).toHaveLength(100);
      expect(racer.smoothed, racer.name).toBeLessThan(racer.losses[0]! * 0.75);
    }
    const b = race(11);
    await b.advance(20);
    expect(b.racers[5]!.losses.slice(0, 20)).toEqual(a.racers[5]!.losses.slice(0, 20));
    a.dispose();
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  test('stops between slices once its signal fires, with no tensor left behind', async () => {
    const abort = new AbortController();
    let reads = -1;
    const r = createMlpRace({ tf, images: data.images, labels: data.labels, trainCount: 2000, hidden: 16, batchSize: 32, seed: 5, signal: abort.signal, settings: () => {
      // Once armed, read once per advance and at each racer's update: the signal fires in the fourth step.
      if (reads >= 0 && ++reads === 1 + 6 * 2 + 3) abort.abort(new DOMException('stopped', 'AbortError'));
      return settings;
    } });
    // The first step creates the optimizers' state: count the tensors after it.
    await r.advance(1);
    const before = tf.memory().numTensors;
    reads = 0;
    const error = await r.advance(1000).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(r.step).toBeGreaterThanOrEqual(3);
    expect(r.step).toBeLessThan(1000);
    expect(tf.memory().numTensors).toBe(before);
    r.dispose();
  }, 60_000);
});
