/**
 * The Lecture 6 experiment's network: `layers` fully connected hidden layers of `width` units
 * (affine → optional batch norm → tanh or ReLU → optional inverted dropout), then a 10-way
 * softmax. Weights and dropout masks are drawn here in plain TypeScript from a seed, so the
 * tfjs sweep and the float64 reference use exactly the same numbers, and two configurations
 * with the same seed differ only by their scale (same N(0,1) draws).
 */
import { createRandom } from '../random.ts';

export type Activation = 'tanh' | 'relu';
export type Init = 'small' | 'xavier' | 'he';

export interface LabConfig {
  activation: Activation;
  init: Init;
  batchNorm: boolean;
  /** Probability of dropping a unit (0: no dropout). */
  dropout: number;
}

export interface LabShape {
  inputs: number;
  layers: number;
  width: number;
  classes: number;
  batch: number;
  seed: number;
}

export const BN_EPSILON = 1e-5;

/** The standard deviation each initialization gives a weight with `fanIn` inputs. */
export function initScale(init: Init, fanIn: number): number {
  if (init === 'small') return 0.01;
  return init === 'xavier' ? 1 / Math.sqrt(fanIn) : Math.sqrt(2 / fanIn);
}

/** Weight matrices (row-major fanIn × fanOut), the last one the 10-way classifier. */
export function initialWeights(shape: LabShape, init: Init): Float32Array[] {
  const random = createRandom(shape.seed);
  const sizes = [shape.inputs, ...Array<number>(shape.layers).fill(shape.width), shape.classes];
  return sizes.slice(1).map((fanOut, l) => {
    const fanIn = sizes[l]!;
    const scale = initScale(init, fanIn);
    const w = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < w.length; i++) w[i] = scale * random.normal();
    return w;
  });
}

/** Inverted-dropout masks (batch × width per hidden layer): 0 or 1/(1 - p); none when p = 0. */
export function dropoutMasks(shape: LabShape, p: number): Float32Array[] | undefined {
  if (p <= 0) return undefined;
  const random = createRandom(shape.seed + 1);
  const keep = 1 / (1 - p);
  return Array.from({ length: shape.layers }, () => {
    const mask = new Float32Array(shape.batch * shape.width);
    for (let i = 0; i < mask.length; i++) mask[i] = random.next() < p ? 0 : keep;
    return mask;
  });
}

/** MNIST pixels standardized with the training set's mean and deviation (zero-centred inputs). */
export function standardize(images: Uint8Array, start: number, count: number): Float32Array {
  const x = new Float32Array(count * 784);
  for (let i = 0; i < x.length; i++) x[i] = (images[start * 784 + i]! / 255 - 0.1307) / 0.3081;
  return x;
}
