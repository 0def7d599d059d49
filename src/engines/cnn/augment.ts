/**
 * Data augmentation for training: each digit is rotated, scaled and shifted a little at random
 * (as the digits a reader draws are), which makes a network trained on 8,000 digits generalize
 * better. The transforms come from the seeded generator, so a training run can be repeated.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import type { Random } from '../random.ts';

type Tensor4D = import('@tensorflow/tfjs-core').Tensor4D;

export interface AugmentationRange {
  /** Largest rotation, radians. */
  rotation: number;
  /** Largest relative change of size (0.1: from 90% to 110%). */
  scale: number;
  /** Largest shift, pixels. */
  shift: number;
}

export const DEFAULT_AUGMENTATION: AugmentationRange = { rotation: 0.15, scale: 0.1, shift: 2 };

/**
 * One row of tf.image.transform per image: the map from an output pixel (x, y) to the input
 * point it samples, the inverse of "rotate by θ and scale by s about the centre c, then shift by t":
 *   input = c + R(-θ) (output - c - t) / s
 */
export function affineRow(theta: number, scale: number, tx: number, ty: number, center: number): number[] {
  const a0 = Math.cos(theta) / scale;
  const a1 = Math.sin(theta) / scale;
  const b0 = -Math.sin(theta) / scale;
  const b1 = Math.cos(theta) / scale;
  const ox = center + tx;
  const oy = center + ty;
  return [a0, a1, center - a0 * ox - a1 * oy, b0, b1, center - b0 * ox - b1 * oy, 0, 0];
}

export function randomAffineRows(count: number, size: number, range: AugmentationRange, random: Random): number[] {
  const uniform = (limit: number) => (2 * random.next() - 1) * limit;
  const rows: number[] = [];
  for (let i = 0; i < count; i++) rows.push(...affineRow(uniform(range.rotation), 1 + uniform(range.scale), uniform(range.shift), uniform(range.shift), (size - 1) / 2));
  return rows;
}

/** A randomly transformed copy of the batch x [N, H, W, 1] (bilinear, zeros outside). */
export function augmentBatch(tf: Tf, x: Tensor, range: AugmentationRange, random: Random): Tensor {
  const [count, size] = [x.shape[0]!, x.shape[1]!];
  const rows = randomAffineRows(count, size, range, random);
  return tf.tidy(() => tf.image.transform(x as Tensor4D, tf.tensor2d(rows, [count, 8]), 'bilinear', 'constant', 0));
}
