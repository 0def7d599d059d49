/** Classifying many digits in chunks: predictions, accuracy on a split. */
import type { Tf } from '../../tf/types.ts';
import { runSliced } from '../../tf/slices.ts';
import { cnnScores, digitBatch, type CnnParams } from './cnn-model.ts';

export interface PredictOptions {
  /** Digits per forward pass (one step of the slices). */
  chunk?: number;
  /** Stops the work between slices (the run ended); the promise then rejects with an AbortError. */
  signal?: AbortSignal | undefined;
}

/** The predicted class of digits [start, start + count) of `images`. */
export async function predictDigits(tf: Tf, params: CnnParams, images: Uint8Array, start: number, count: number, options: PredictOptions = {}): Promise<Int32Array> {
  const chunk = options.chunk ?? 50;
  const predictions = new Int32Array(count);
  const chunks = Math.ceil(count / chunk);
  const forward = (k: number) => tf.tidy(() => tf.argMax(cnnScores(tf, params, digitBatch(tf, images, start + k * chunk, Math.min(chunk, count - k * chunk))), 1));
  await runSliced(tf, chunks, forward, { signal: options.signal, onValues: (classes, k) => predictions.set(classes, k * chunk) });
  return predictions;
}

export function countCorrect(predictions: Int32Array, labels: Uint8Array, start: number): number {
  let correct = 0;
  predictions.forEach((p, i) => {
    if (p === labels[start + i]) correct++;
  });
  return correct;
}
