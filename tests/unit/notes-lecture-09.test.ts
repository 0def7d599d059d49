/**
 * Lecture 9's VGG-16 accounting (and Lecture 5's summary of it), recomputed from the layer list
 * with the output-size rule the conv demo uses, so the totals in the text cannot drift.
 */
import { describe, expect, test } from 'vitest';
import { convLayerShape, poolLayerShape } from '../../src/engines/conv/output-size.ts';

/** VGG-16 (configuration D): 3×3 convolutions with stride 1 and pad 1, 2×2 max pooling with stride 2. */
const VGG16 = [64, 64, 'pool', 128, 128, 'pool', 256, 256, 256, 'pool', 512, 512, 512, 'pool', 512, 512, 512, 'pool'] as const;
const FC = [4096, 4096, 1000];

function vgg16Accounts() {
  let size = 224;
  let depth = 3;
  const activations = [size * size * depth];
  let weights = 0;
  let biases = 0;
  let convParameters = 0;
  for (const layer of VGG16) {
    const shape = layer === 'pool'
      ? poolLayerShape({ width: size, height: size, depth, size: 2, stride: 2, pad: 0 })
      : convLayerShape({ width: size, height: size, depth, filters: layer, size: 3, stride: 1, pad: 1 });
    expect(shape.fits).toBe(true);
    size = shape.width.positions;
    depth = shape.depth;
    activations.push(size * size * depth);
    weights += shape.weights;
    biases += shape.biases;
    convParameters += shape.parameters;
  }
  let inputs = size * size * depth;
  const fcWeights: number[] = [];
  for (const units of FC) {
    fcWeights.push(inputs * units);
    weights += inputs * units;
    biases += units;
    activations.push(units);
    inputs = units;
  }
  return { activations, weights, biases, convParameters, fcWeights, lastVolume: size * size * depth };
}

describe('Lecture 9: VGG-16 layer by layer', () => {
  const vgg = vgg16Accounts();
  const totalActivations = vgg.activations.reduce((a, b) => a + b, 0);

  test('the layer list sums to 15,237,608 activations, about 61 MB at 4 bytes: not the 24M (96 MB) of the slide', () => {
    expect(totalActivations).toBe(15_237_608);
    expect((totalActivations * 4) / 1e6).toBeCloseTo(60.95, 2);
    expect((totalActivations * 4) / 2 ** 20).toBeCloseTo(58.13, 2);
    expect(24e6 / totalActivations).toBeCloseTo(1.575, 3);
  });

  test('the first two CONV layers hold 42% of the activations', () => {
    expect(vgg.activations[1]! + vgg.activations[2]!).toBe(6_422_528);
    expect((vgg.activations[1]! + vgg.activations[2]!) / totalActivations).toBeCloseTo(0.4215, 4);
  });

  test('138,344,128 weights and 13,416 biases; the first FC layer holds 102,760,448 weights, 74%', () => {
    expect(vgg.lastVolume).toBe(25_088);
    expect(vgg.weights).toBe(138_344_128);
    expect(vgg.biases).toBe(13_416);
    expect(vgg.weights + vgg.biases).toBe(138_357_544);
    expect(vgg.fcWeights[0]).toBe(102_760_448);
    expect(vgg.fcWeights[0]! / vgg.weights).toBeCloseTo(0.743, 3);
    expect(vgg.convParameters).toBe(14_714_688);
  });
});

describe('Lecture 5 and 9: three 3×3 layers against one 7×7', () => {
  test('27C² against 49C² weights (55%), 1.77M against 3.21M at C = 256; 110,592 against 200,704 at C = 64', () => {
    const stack = (c: number) => 3 * convLayerShape({ width: 56, height: 56, depth: c, filters: c, size: 3, stride: 1, pad: 1 }).weights;
    const single = (c: number) => convLayerShape({ width: 56, height: 56, depth: c, filters: c, size: 7, stride: 1, pad: 3 }).weights;
    expect(stack(256) / single(256)).toBeCloseTo(27 / 49, 12);
    expect(27 / 49).toBeCloseTo(0.55, 2);
    expect([stack(256), single(256)]).toEqual([1_769_472, 3_211_264]);
    expect([stack(64), single(64)]).toEqual([110_592, 200_704]);
  });
});

describe('Lecture 5: VGG-16 memory for a minibatch of 64, in decimal units and in GiB', () => {
  test('7.8 GB of activations and gradients, 553 MB of weights, 1.7 GB with gradients and momentum, 9.5 GB or 8.8 GiB in all', () => {
    const { activations } = vgg16Accounts();
    const values = activations.reduce((a, b) => a + b, 0);
    const parameters = 138_357_544;
    const activationBytes = values * 2 * 4 * 64;
    const parameterBytes = parameters * 4;
    expect(activationBytes / 1e9).toBeCloseTo(7.8, 1);
    expect(parameterBytes / 1e6).toBeCloseTo(553, 0);
    expect((3 * parameterBytes) / 1e9).toBeCloseTo(1.7, 1);
    const total = activationBytes + 3 * parameterBytes;
    expect(total / 1e9).toBeCloseTo(9.5, 1);
    expect(total / 2 ** 30).toBeCloseTo(8.8, 1);
    expect((12 * 2 ** 30) / 1e9).toBeCloseTo(12.9, 1);
    expect(total).toBeLessThan(12 * 2 ** 30);
    expect(total).toBeGreaterThan(8 * 2 ** 30);
    expect(2 ** 30 / 1e9).toBeCloseTo(1.074, 3);
    expect(2 ** 20 / 1e6).toBeCloseTo(1.049, 3);
  });

  test('three 224 × 224 × 64 volumes: 9.6 million activations, 38.5 MB', () => {
    expect(3 * 224 * 224 * 64).toBe(9_633_792);
    expect((3 * 224 * 224 * 64 * 4) / 1e6).toBeCloseTo(38.5, 1);
  });
});
