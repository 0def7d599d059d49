/**
 * Occlusion sensitivity (Zeiler & Fergus 2014): a square patch of a constant value is slid over
 * the image on a grid; for each position the network classifies the occluded image, and the
 * probability of the class of interest is recorded. All positions go through the network as
 * batches of images.
 */
import type { Tf } from '../../tf/types.ts';
import { runSliced } from '../../tf/slices.ts';
import { IMAGE_SIZE } from './architecture.ts';
import { cnnScores, type CnnParams } from './cnn-model.ts';

export interface OcclusionOptions {
  /** Side of the square patch, pixels. */
  patch: number;
  /** Distance between successive patch positions, pixels. */
  stride: number;
  /** Value the patch paints (0 is the background, 1 full ink). */
  fill: number;
  /** Stops the forward passes between slices (the run ended). */
  signal?: AbortSignal | undefined;
}

export interface OcclusionMap {
  classIndex: number;
  /** Top-left coordinate of each patch position along one axis. */
  positions: number[];
  /** probabilities[row * n + col]: p(class | image occluded at (positions[col], positions[row])). */
  probabilities: Float32Array;
  /** p(class | image) without occlusion. */
  baseline: number;
}

/** Positions 0, S, 2S, … while the patch fits: (W − P)/S + 1 of them when S divides W − P. */
export function occlusionPositions(patch: number, stride: number, size = IMAGE_SIZE): number[] {
  if (!(patch >= 1 && patch <= size && stride >= 1)) throw new Error(`an occluding patch of ${patch} px with stride ${stride} does not fit a ${size} px image`);
  const positions: number[] = [];
  for (let p = 0; p + patch <= size; p += stride) positions.push(p);
  return positions;
}

/** The image with the patch at (left, top) set to `fill`. */
export function occlude(pixels: Float32Array, left: number, top: number, patch: number, fill: number, size = IMAGE_SIZE): Float32Array {
  const copy = Float32Array.from(pixels);
  for (let y = top; y < top + patch; y++) copy.fill(fill, y * size + left, y * size + left + patch);
  return copy;
}

/** Images per forward pass: a step of the slices (runSliced groups several where they are fast). */
const CHUNK = 25;

export async function occlusionMap(tf: Tf, params: CnnParams, pixels: Float32Array, classIndex: number, options: OcclusionOptions): Promise<OcclusionMap> {
  const positions = occlusionPositions(options.patch, options.stride);
  const n = positions.length;
  const images: Float32Array[] = [pixels];
  for (const top of positions) for (const left of positions) images.push(occlude(pixels, left, top, options.patch, options.fill));
  const probabilities = new Float32Array(images.length);
  const forward = (k: number) => {
    const part = images.slice(k * CHUNK, (k + 1) * CHUNK);
    const batch = new Float32Array(part.length * IMAGE_SIZE * IMAGE_SIZE);
    part.forEach((image, i) => batch.set(image, i * IMAGE_SIZE * IMAGE_SIZE));
    return tf.tidy(() => {
      const x = tf.tensor4d(batch, [part.length, IMAGE_SIZE, IMAGE_SIZE, 1]);
      return tf.squeeze(tf.slice(tf.softmax(cnnScores(tf, params, x)), [0, classIndex], [part.length, 1]), [1]);
    });
  };
  await runSliced(tf, Math.ceil(images.length / CHUNK), forward, { signal: options.signal, onValues: (values, k) => probabilities.set(values, k * CHUNK) });
  return { classIndex, positions, probabilities: probabilities.slice(1, 1 + n * n), baseline: probabilities[0]! };
}
