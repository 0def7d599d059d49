import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { SURFACES, SURFACE_IDS } from '../../src/engines/optimizers/surfaces.ts';
import { DEFAULT_HYPERPARAMETERS, OPTIMIZERS, createReferenceState, referenceStep } from '../../src/engines/optimizers/update-rules.ts';
import { createSurfaceRace, type RacerSettings } from '../../src/engines/optimizer-race/surface-race.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const racers = (lr: number): RacerSettings[] => OPTIMIZERS.map((name) => ({ name, enabled: true, hyper: { ...DEFAULT_HYPERPARAMETERS, lr } }));

describe('surfaces', () => {
  test.each(SURFACE_IDS)('%s: tfjs autodiff gradient equals the analytic gradient', async (id) => {
    const surface = SURFACES[id];
    const grad = tf.grad((p: tf.Tensor) => surface.tfValue(tf, p));
    for (const [x, y] of [[0.3, -0.7], [1.2, 0.9], [-1.5, 2.1]] as const) {
      const g = grad(tf.tensor1d([x, y]));
      const [gx, gy] = surface.gradient(x, y);
      const values = await g.data();
      expect(values[0]).toBeCloseTo(gx, 3);
      expect(values[1]).toBeCloseTo(gy, 3);
      const f = surface.tfValue(tf, tf.tensor1d([x, y]));
      expect((await f.data())[0]).toBeCloseTo(surface.value(x, y), 4);
    }
  });

  test('the minimum of the three-wells surface is found numerically and is the deepest well', () => {
    expect(SURFACES.wells.minimum).toBeLessThan(-1.2);
    expect(SURFACES.wells.value(-2, -1.5)).toBeGreaterThan(SURFACES.wells.minimum);
  });
});

describe('surface race', () => {
  test('follows the reference update rules on the valley (float32 vs float64)', async () => {
    const surface = SURFACES.valley;
    const settings = racers(0.1);
    const race = createSurfaceRace({ tf, surface, start: surface.start, settings: () => settings });
    await race.advance(60);
    await race.advance(40);
    for (const [i, name] of OPTIMIZERS.entries()) {
      const x = Float64Array.from(surface.start);
      const state = createReferenceState(2);
      for (let s = 0; s < 100; s++) referenceStep(name, x, Float64Array.from(surface.gradient(x[0]!, x[1]!)), state, settings[i]!.hyper);
      const [px, py] = race.racers[i]!.trail.at(-1)!;
      expect(Math.abs(px - x[0]!), name).toBeLessThan(1e-4);
      expect(Math.abs(py - x[1]!), name).toBeLessThan(1e-4);
      expect(race.racers[i]!.trail).toHaveLength(101);
    }
    race.dispose();
  });

  test('a diverging optimizer is marked and stops, the others go on', async () => {
    const surface = SURFACES.valley;
    const settings = racers(0.1);
    settings[0] = { ...settings[0]!, hyper: { ...settings[0]!.hyper, lr: 1.5 } }; // SGD: lr > 2 / curvature 5
    const race = createSurfaceRace({ tf, surface, start: surface.start, settings: () => settings });
    await race.advance(200);
    expect(race.racers[0]).toMatchObject({ name: 'sgd', diverged: true });
    expect(race.racers[1]).toMatchObject({ name: 'momentum', diverged: false });
    expect(race.racers[5]!.loss).toBeLessThan(0.5);
    race.dispose();
  });

  test('stops between slices once its signal fires, with the steps done so far recorded', async () => {
    const abort = new AbortController();
    let reads = -1;
    // Once armed, the settings are read once per advance and at every racer's update: the signal fires in step 31.
    const settings = racers(0.01);
    const race = createSurfaceRace({ tf, surface: SURFACES.valley, start: SURFACES.valley.start, signal: abort.signal, settings: () => {
      if (reads >= 0 && ++reads === 1 + 6 * 30) abort.abort(new DOMException('stopped', 'AbortError'));
      return settings;
    } });
    // The first step creates the optimizers' state: count the tensors after it.
    await race.advance(1);
    const before = tf.memory().numTensors;
    reads = 0;
    const error = await race.advance(100_000).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(race.step).toBeGreaterThanOrEqual(31);
    expect(race.step).toBeLessThan(1000);
    for (const racer of race.racers) expect(racer.trail).toHaveLength(race.step + 1);
    expect(tf.memory().numTensors).toBe(before);
    race.dispose();
  });

  test('holds a flat tensor count over 500 steps and frees everything on dispose', async () => {
    const before = tf.memory().numTensors;
    const settings = racers(0.001);
    const race = createSurfaceRace({ tf, surface: SURFACES.rosenbrock, start: SURFACES.rosenbrock.start, settings: () => settings });
    await race.advance(10);
    const during = tf.memory().numTensors;
    for (let i = 0; i < 49; i++) await race.advance(10);
    expect(tf.memory().numTensors).toBe(during);
    race.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
