/**
 * Applies a set of same-sized kernels to a grayscale image with tf.conv2d on the page's backend,
 * zero-padded so each response has the image's size (stride 1, P = (F − 1)/2). Optionally a ReLU,
 * as a CONV layer would, and the gradient magnitude √(Σ responses²) for Sobel pairs.
 *
 * On the main-thread backends a 512×512 image through a bank of 8 Gabor kernels of 21×21 is
 * nearly a billion multiply-adds: the image is convolved in bands of rows, each band a short task
 * followed by a yield. A band reads F − 1 extra rows of the padded image, so bands give exactly
 * the same numbers as one convolution. Each band's data is awaited before the next is queued,
 * and a run that ends (`signal`) stops between bands. No tensor outlives a call.
 */
import type { Tf } from '../../tf/types.ts';
import { yieldToEventLoop } from '../yield.ts';
import type { Combine, Kernel } from './kernels.ts';

export interface GrayImage {
  width: number;
  height: number;
  /** pixels[row · width + col], 0 (black) to 1 (white); MNIST ink is 1. */
  pixels: Float32Array;
}

export interface ApplyOptions {
  combine: Combine;
  relu: boolean;
  /** Multiply-adds per task; Infinity convolves the whole image at once (GPU backends). */
  multiplyAddsPerTask?: number;
  /** The run's signal: checked between bands (throws its AbortError). */
  signal?: AbortSignal | undefined;
}

export interface Responses {
  /** One map per kernel (after the ReLU when asked), then the magnitude when combined. */
  maps: Float32Array[];
  labels: string[];
}

export async function applyKernels(tf: Tf, image: GrayImage, kernels: readonly Kernel[], options: ApplyOptions): Promise<Responses> {
  const first = kernels[0];
  if (!first) throw new RangeError('applyKernels: no kernel');
  const size = first.size;
  if (size % 2 !== 1 || kernels.some((k) => k.size !== size)) throw new RangeError('applyKernels: kernels must share one odd size');
  const { width, height } = image;
  const pad = (size - 1) / 2;
  const count = kernels.length;
  const magnitude = options.combine === 'magnitude';
  const channels = count + (magnitude ? 1 : 0);
  const perTask = options.multiplyAddsPerTask ?? Number.POSITIVE_INFINITY;
  const rowsPerBand = Number.isFinite(perTask) ? Math.max(1, Math.floor(perTask / (width * size * size * count))) : height;

  const weights = new Float32Array(size * size * count);
  kernels.forEach((kernel, k) => kernel.weights.forEach((w, t) => (weights[t * count + k] = w)));
  const filter = tf.tensor4d(weights, [size, size, 1, count]);
  const padded = tf.tidy(() => tf.pad(tf.tensor4d(image.pixels, [1, height, width, 1]), [[0, 0], [pad, pad], [pad, pad], [0, 0]]));
  const maps = Array.from({ length: channels }, () => new Float32Array(width * height));
  try {
    for (let r0 = 0; r0 < height; r0 += rowsPerBand) {
      options.signal?.throwIfAborted();
      const rows = Math.min(rowsPerBand, height - r0);
      const band = tf.tidy(() => {
        const slice = tf.slice(padded, [0, r0, 0, 0], [1, rows + 2 * pad, width + 2 * pad, 1]);
        const raw = tf.conv2d(slice, filter, 1, 'valid');
        const shown = options.relu ? tf.relu(raw) : raw;
        return magnitude ? tf.concat([shown, tf.sqrt(tf.sum(tf.square(raw), 3, true))], 3) : shown;
      });
      let values: Float32Array;
      try {
        values = (await band.data()) as Float32Array;
      } finally {
        band.dispose();
      }
      for (let p = 0; p < rows * width; p++) for (let c = 0; c < channels; c++) maps[c]![r0 * width + p] = values[p * channels + c]!;
      if (r0 + rows < height && Number.isFinite(perTask)) await yieldToEventLoop();
    }
  } finally {
    filter.dispose();
    padded.dispose();
  }
  const labels = kernels.map((k) => (options.relu ? `ReLU(${k.label})` : k.label));
  if (magnitude) labels.push('magnitude √(x² + y²)');
  return { maps, labels };
}
