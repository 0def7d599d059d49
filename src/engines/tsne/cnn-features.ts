/**
 * CNN codes (Lecture 12): the activations of the ConvNet's last hidden layer (fc1, after its ReLU,
 * the layer before the class scores) for each digit, from the weights that ship with the site
 * (src/engines/cnn/). Distances in this space are distances as the trained network sees them.
 *
 * Batches adapt their size so that one batch (a main-thread task on wasm and cpu) takes about
 * `targetMs`; each batch's codes are read back before the next is queued (at most one batch of
 * GPU work in flight), the event loop gets a turn and the signal is checked between batches.
 */
import type { Tf } from '../../tf/types.ts';
import type { CnnWeights } from '../cnn/architecture.ts';
import { cnnForward, cnnVariables, digitBatch } from '../cnn/cnn-model.ts';
import { yieldToEventLoop } from '../yield.ts';

export interface CnnCodeOptions {
  tf: Tf;
  weights: CnnWeights;
  /** Pixels 0-255, 784 per digit; digits [0, n) get codes. */
  images: Uint8Array;
  n: number;
  /** Wall time one batch should take (ms). */
  targetMs?: number;
  /** Digits in the first batch (later ones adapt). */
  firstBatch?: number;
  /** Stops between batches (the run ended): throws an AbortError. */
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface CnnCodes {
  /** Row-major [n x dim], non-negative (after the ReLU). */
  values: Float32Array;
  dim: number;
  /** Digits per batch, as run (for tests and the benchmark). */
  batches: number[];
}

const MAX_BATCH = 1000;

export async function cnnCodes(options: CnnCodeOptions): Promise<CnnCodes> {
  const { tf, n } = options;
  const dim = options.weights.architecture.hidden;
  const targetMs = options.targetMs ?? 20;
  const values = new Float32Array(n * dim);
  const batches: number[] = [];
  const params = cnnVariables(tf, options.weights);
  try {
    let size = Math.max(1, options.firstBatch ?? 16);
    for (let start = 0; start < n; ) {
      const count = Math.min(size, n - start);
      const began = performance.now();
      const hidden = tf.tidy(() => cnnForward(tf, params, digitBatch(tf, options.images, start, count)).hidden);
      values.set(await hidden.data(), start * dim);
      hidden.dispose();
      const ms = performance.now() - began;
      batches.push(count);
      start += count;
      options.onProgress?.(start, n);
      // Aim the next batch at targetMs, growing at most 4× at a time (the first one also pays for warm-up).
      size = Math.max(1, Math.min(MAX_BATCH, 4 * count, Math.round(count * targetMs / Math.max(ms, 0.5))));
      await yieldToEventLoop();
      options.signal?.throwIfAborted();
    }
    return { values, dim, batches };
  } finally {
    tf.dispose(Object.values(params));
  }
}
