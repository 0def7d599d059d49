/**
 * Volumes and filter banks in tfjs's layouts (height × width × depth for a volume, F × F × D × K
 * for filters), and seeded random ones with small integers, so a dot product can be checked by
 * hand: inputs 0..2, weights −1..1 and biases 0..1 as in the CS231n notes' own demo; 0..9 for
 * pooling, where a wider range makes the max visible.
 */
import { createRandom } from '../random.ts';

export interface Volume {
  height: number;
  width: number;
  depth: number;
  /** data[(row · width + col) · depth + d] */
  data: Float64Array;
}

export interface FilterBank {
  size: number;
  depth: number;
  count: number;
  /** weights[((a · size + c) · depth + d) · count + k], tf.conv2d's [F, F, D, K] layout. */
  weights: Float64Array;
  bias: Float64Array;
}

export function volumeAt(v: Volume, row: number, col: number, d: number): number {
  return v.data[(row * v.width + col) * v.depth + d]!;
}

export function weightAt(f: FilterBank, a: number, c: number, d: number, k: number): number {
  return f.weights[((a * f.size + c) * f.depth + d) * f.count + k]!;
}

export function createVolume(height: number, width: number, depth: number, value: (row: number, col: number, d: number) => number): Volume {
  const data = new Float64Array(height * width * depth);
  for (let row = 0; row < height; row++) for (let col = 0; col < width; col++) for (let d = 0; d < depth; d++) data[(row * width + col) * depth + d] = value(row, col, d);
  return { height, width, depth, data };
}

/** Integers lo..hi, uniformly. */
function integers(seed: number, lo: number, hi: number): () => number {
  const random = createRandom(seed);
  return () => lo + random.int(hi - lo + 1);
}

export function randomInput(seed: number, height: number, width: number, depth: number, range: readonly [number, number] = [0, 2]): Volume {
  const next = integers(seed, range[0], range[1]);
  return createVolume(height, width, depth, () => next());
}

export function randomFilters(seed: number, size: number, depth: number, count: number): FilterBank {
  // A separate stream from the input's, so changing the input's size keeps the filters.
  const weight = integers((seed ^ 0x9e3779b9) >>> 0, -1, 1);
  const weights = new Float64Array(size * size * depth * count);
  for (let i = 0; i < weights.length; i++) weights[i] = weight();
  const bias = integers((seed ^ 0x85ebca6b) >>> 0, 0, 1);
  return { size, depth, count, weights, bias: Float64Array.from({ length: count }, () => bias()) };
}

/**
 * The same filters with their taps spread d apart and zeros between: an F_eff × F_eff filter
 * that, undilated, computes exactly the dilated convolution. tf.conv2d refuses a stride and a
 * dilation both above 1, so the demo convolves with this expanded filter instead.
 */
export function dilateFilters(f: FilterBank, dilation: number): FilterBank {
  if (dilation === 1) return f;
  const size = dilation * (f.size - 1) + 1;
  const weights = new Float64Array(size * size * f.depth * f.count);
  for (let a = 0; a < f.size; a++)
    for (let c = 0; c < f.size; c++)
      for (let d = 0; d < f.depth; d++)
        for (let k = 0; k < f.count; k++) weights[((a * dilation * size + c * dilation) * f.depth + d) * f.count + k] = weightAt(f, a, c, d, k);
  return { size, depth: f.depth, count: f.count, weights, bias: f.bias };
}
