import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { coverage, coveredModes, createDistribution, formatPoints, parsePoints } from '../../src/engines/gan2d/distributions.ts';
import { createGan2d, type Gan2dSettings } from '../../src/engines/gan2d/gan2d.ts';
import { createRandom } from '../../src/engines/random.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const settings: Gan2dSettings = { lrG: 2e-3, lrD: 2e-3, dSteps: 1, generatorLoss: 'non-saturating' };
const gan = (seed: number, id: 'ring' | 'grid' | 'moons' = 'ring') =>
  createGan2d({ tf, distribution: createDistribution(id), seed, noiseDim: 2, hidden: 32, batchSize: 64, shownSamples: 256, settings: () => settings });

describe('2-D distributions', () => {
  test('mixtures put their samples on their modes, and the mode count sees it', () => {
    const ring = createDistribution('ring');
    const points = ring.sample(4000, createRandom(1));
    expect(coveredModes(ring, points)).toBe(8);
    // Points from one mode only: a collapsed generator.
    const one = Float32Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 1.5 : 0) + 0.01 * Math.sin(i));
    expect(coveredModes(ring, one)).toBe(1);
    expect(coverage(points.slice(0, 400), one, 0.3)).toBeLessThan(0.3);
  });

  test('drawn points round-trip through their URL form; too few points or bad text are refused', () => {
    const points: [number, number][] = [[0.1, -0.25], [1.5, 2]];
    expect(parsePoints(formatPoints(points))).toEqual(points);
    expect(() => createDistribution('drawn', points)).toThrow('Draw at least 10 points (you have 2)');
    expect(() => parsePoints('1,2;x,3')).toThrow('"x,3" is not a point inside the plot');
    expect(() => parsePoints('9,0')).toThrow('is not a point inside the plot');
  });
});

describe('2-D GAN', () => {
  test('the same seed gives the same run; tensors stay flat over 200 steps and are freed', async () => {
    const before = tf.memory().numTensors;
    const a = gan(3);
    await a.advance(10);
    const during = tf.memory().numTensors;
    for (let i = 0; i < 19; i++) await a.advance(10);
    await a.snapshot(8, 2);
    expect(tf.memory().numTensors).toBe(during);
    expect(a.losses.d).toHaveLength(200);
    const b = gan(3);
    await b.advance(10);
    expect(b.losses.d).toEqual(a.losses.d.slice(0, 10));
    expect(b.losses.g).toEqual(a.losses.g.slice(0, 10));
    a.dispose();
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  test('training moves the generated points onto the data: most ring modes covered after 1,500 steps', async () => {
    const run = gan(5);
    const start = await run.snapshot(4, 2);
    const ring = createDistribution('ring');
    for (let i = 0; i < 30; i++) await run.advance(50);
    const end = await run.snapshot(4, 2);
    const real = ring.sample(256, createRandom(9));
    expect(coverage(real, end.fake, 0.3)).toBeGreaterThan(coverage(real, start.fake, 0.3));
    expect(coveredModes(ring, end.fake)).toBeGreaterThanOrEqual(4);
    // The discriminator's output is a probability everywhere on the grid.
    expect(Math.min(...end.dGrid)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...end.dGrid)).toBeLessThanOrEqual(1);
    run.dispose();
  }, 120_000);

  test('arrows point where the discriminator rises (finite differences)', async () => {
    const run = gan(7);
    await run.advance(50);
    const snap = await run.snapshot(41, 2);
    // Step along each arrow on the grid of sigma(D): ahead must not be lower than behind.
    const at = (px: number, py: number) => {
      const col = Math.min(40, Math.max(0, Math.round(((px + 2) / 4) * 40)));
      const row = Math.min(40, Math.max(0, Math.round(((py + 2) / 4) * 40)));
      return snap.dGrid[row * 41 + col]!;
    };
    let checked = 0;
    for (let i = 0; i < snap.fake.length / 2 && checked < 20; i++) {
      const [x, y, ax, ay] = [snap.fake[2 * i]!, snap.fake[2 * i + 1]!, snap.arrows[2 * i]!, snap.arrows[2 * i + 1]!];
      const norm = Math.hypot(ax, ay);
      if (norm < 0.05 || Math.abs(x) > 1.6 || Math.abs(y) > 1.6) continue;
      const h = 0.2 / norm;
      expect(at(x + h * ax, y + h * ay), `point ${i}`).toBeGreaterThanOrEqual(at(x - h * ax, y - h * ay) - 1e-3);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
    run.dispose();
  }, 60_000);

  test('a run that ends stops training between slices with an AbortError and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const run = createGan2d({ tf, distribution: createDistribution('ring'), seed: 4, noiseDim: 2, hidden: 32, batchSize: 64, shownSamples: 256, settings: () => settings, signal: controller.signal });
    await run.advance(3);
    const during = tf.memory().numTensors;
    const pending = run.advance(10_000);
    controller.abort(new DOMException('The run was stopped.', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    // Only the slice in flight when the signal fired was finished.
    expect(run.step).toBeGreaterThan(3);
    expect(run.step).toBeLessThan(100);
    expect(run.losses.d).toHaveLength(run.step);
    expect(tf.memory().numTensors).toBe(during);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
