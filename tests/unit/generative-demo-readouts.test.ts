/**
 * The readouts of the Lecture 13 demos (2-D GAN, GAN sampler, VAE manifold) as exact strings
 * for given inputs.
 */
import { describe, expect, test } from 'vitest';
import { createDistribution } from '../../src/engines/gan2d/distributions.ts';
import type { SampleQuality } from '../../src/engines/generative/quality.ts';
import { createRandom } from '../../src/engines/random.ts';
import { describeDrawing, describeGan2d, describeReach, generatorReach, smooth } from '../../src/demos/gan-2d/summary.ts';
import { GAN_SAMPLER_SPEC } from '../../src/demos/gan-sampler/spec.ts';
import { describeGanModel, describeSampler, describeSettingsNote } from '../../src/demos/gan-sampler/summary.ts';
import { countInside, describeManifold, describeVaeModel } from '../../src/demos/vae-manifold/summary.ts';
import { defaultSettings } from '../../src/demos/settings.ts';
import type { Neighbour, SamplerFigureData } from '../../src/views/gan-sampler/sampler-figure.ts';

const quality: SampleQuality = { samples: 1000, seed: 2017, nearest: { sampleMean: 6.25, testMean: 4.65, ratio: 1.344, trainDigits: 8000, testDigits: 2000 } };
const QUALITY_TEXT = 'no trained classifier available: confident share not measured; mean distance to the nearest training digit 6.25 for samples vs 4.65 for 2000 test digits (ratio 1.34)';

describe('2-D GAN readouts', () => {
  test('step, losses and modes covered; collapse is named only late in training', () => {
    const state = { label: 'Ring of 8 Gaussians', step: 1600, d: 1.23456, g: 0.5, reach: { covered: 3, modes: 8 } };
    expect(describeGan2d(state)).toBe('Ring of 8 Gaussians, step 1600. D loss 1.235, G loss 0.500. Mode collapse: the generator covers 3 of 8 modes.');
    expect(describeGan2d({ ...state, step: 1499 })).toBe('Ring of 8 Gaussians, step 1499. D loss 1.235, G loss 0.500. The generator covers 3 of 8 modes.');
    expect(describeGan2d({ ...state, reach: { covered: 5, modes: 8 } })).toBe('Ring of 8 Gaussians, step 1600. D loss 1.235, G loss 0.500. The generator covers 5 of 8 modes.');
    expect(describeGan2d({ label: 'Two moons', step: 0, d: undefined, g: undefined, reach: { share: 0.1 } })).toBe('Two moons, step 0. The generator reaches 10% of the data.');
    expect(describeReach({ share: 0.456 }, 2000)).toBe('Mode collapse: the generator reaches 46% of the data.');
    expect(describeReach({ share: 0.5 }, 2000)).toBe('The generator reaches 50% of the data.');
  });

  test('while the reader draws', () => {
    expect(describeDrawing(1, 10)).toBe('Drawing: 1 point so far; training starts at 10.');
    expect(describeDrawing(0, 10)).toBe('Drawing: 0 points so far; training starts at 10.');
  });

  test('the reach of points drawn from the data itself is every mode; one mode is one', () => {
    const ring = createDistribution('ring');
    const real = ring.sample(400, createRandom(1));
    expect(generatorReach(ring, real, ring.sample(400, createRandom(2)))).toEqual({ covered: 8, modes: 8 });
    const onePoint = Float32Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 1.5 : 0));
    expect(generatorReach(ring, real, onePoint)).toEqual({ covered: 1, modes: 8 });
    const moons = createDistribution('moons');
    const share = generatorReach(moons, moons.sample(400, createRandom(3)), moons.sample(400, createRandom(4)));
    expect('share' in share && share.share).toBeGreaterThan(0.9);
  });

  test('the loss curves are a moving average over 20 steps', () => {
    expect(smooth([2, 4, 6])).toEqual([2, 3, 4]);
    const ramp = smooth(Array.from({ length: 25 }, (_, i) => i));
    expect(ramp[19]).toBe(9.5);
    expect(ramp[24]).toBe(14.5);
  });
});

describe('GAN sampler readouts', () => {
  const defaults = defaultSettings(GAN_SAMPLER_SPEC);
  const neighbour = (distance: number): Neighbour => ({ pixels: new Float32Array(784), distance, index: 0, label: 0 });

  test('the model note says how the generator was trained and how good it is', () => {
    const training = { steps: 3000, batchSize: 64, trainDigits: 8000, seed: 7, milliseconds: 1_500_000, backend: 'wasm' };
    expect(describeGanModel(training, quality)).toBe(`Generator trained beforehand with the code this page runs: 3000 steps of minibatches of 64 on the 8000 training digits (seed 7, 25 minutes on wasm). Quality of 1000 samples: ${QUALITY_TEXT}.`);
  });

  test('the summary: seed, time, nearest distances and the norms along both paths', () => {
    const data: SamplerFigureData = {
      seed: 1,
      samples: new Float32Array(0),
      count: 32,
      columns: 8,
      a: 3,
      b: 12,
      groups: { plus: [], minus: [], base: [] },
      nearest: [neighbour(5), neighbour(6)],
      paths: [
        { kind: 'linear', pixels: new Float32Array(0), norms: [5.5, 4, 3.9, 4.1, 5.25] },
        { kind: 'spherical', pixels: new Float32Array(0), norms: [5.5, 5.4, 5.3, 5.35, 5.25] },
      ],
      edited: { pixels: new Float32Array(0), nearest: neighbour(1), changed: false },
    };
    expect(describeSampler(data, 37.6, 'webgl', 4.65)).toBe(
      'Seed 1: 32 samples from 32-dimensional codes z ~ N(0, I), generated in 38 ms on WebGL. Their nearest training digits are at a mean distance of 5.50 (held-out test digits: 4.65). Path from sample 3 to 12: ‖z‖ is 5.50 and 5.25 at the ends, 3.90 midway on the linear path and 5.30 on the spherical one.',
    );
    const { nearest: _, ...withoutNearest } = data;
    expect(describeSampler(withoutNearest, 37.6, 'webgl', 4.65)).toBe(
      'Seed 1: 32 samples from 32-dimensional codes z ~ N(0, I), generated in 38 ms on WebGL. Path from sample 3 to 12: ‖z‖ is 5.50 and 5.25 at the ends, 3.90 midway on the linear path and 5.30 on the spherical one.',
    );
    expect(describeSampler(undefined, 0, 'cpu', 4.65)).toBe('Generating…');
  });

  test('a note for samples outside the grid and for a path that goes nowhere', () => {
    expect(describeSettingsNote(defaults)).toBe('');
    expect(describeSettingsNote({ ...defaults, plus: '4,40', base: '33', a: 5, b: 5 })).toBe(
      'Note: sample 40 is not in the grid (0 to 31) and is left out; sample 33 is not in the grid (0 to 31) and is left out; the path starts and ends at the same sample: pick two different ones.',
    );
  });
});

describe('VAE manifold readouts', () => {
  test('the model note says how the VAE was trained and how good its samples are', () => {
    const training = { steps: 20000, batchSize: 100, trainDigits: 8000, seed: 3, testNegativeElbo: 150.2, testReconstruction: 140.1, testKl: 10.1 };
    expect(describeVaeModel(training, quality, 2000)).toBe(
      `VAE trained beforehand with the code this page runs: 20000 steps of minibatches of 100 on the 8000 training digits (seed 3); negative ELBO on the 2000 test digits 150.2 nats per digit (reconstruction 140.1, KL 10.1). Quality of 1000 decoded samples z ~ N(0, I): ${QUALITY_TEXT}.`,
    );
  });

  test('the summary: the grid’s codes, the digits inside the plane and the cursor', () => {
    const data = { grid: new Float32Array(0), n: 3, axis: [-0.97, 0, 0.97], points: Float32Array.of(0, 0, 3.5, 0, -1, -1), labels: Uint8Array.of(1, 2, 3), extent: 3 };
    expect(describeManifold(data, 'quantiles', 12.2, 'webgpu', [0.5, -1.25])).toBe(
      '3 × 3 digits decoded at codes Φ⁻¹((k + ½)/3) from -0.97 to 0.97, in 12 ms on WebGPU. 2 of 3 test digits have codes inside the plane shown. The cursor at z = (0.50, -1.25) is decoded under the plane.',
    );
    expect(describeManifold(data, 'uniform', 12.2, 'wasm', [0, 0])).toBe(
      '3 × 3 digits decoded at codes evenly from -3 to 3, in 12 ms on WebAssembly. 2 of 3 test digits have codes inside the plane shown. The cursor at z = (0.00, 0.00) is decoded under the plane.',
    );
    expect(describeManifold(undefined, 'uniform', 0, 'wasm', [0, 0])).toBe('Decoding…');
    expect(countInside(Float32Array.of(3, -3, 3.01, 0), 3)).toBe(1);
  });
});
