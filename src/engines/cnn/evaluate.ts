/** Classifying many digits in chunks: predictions, accuracy on a split. */
import type { Tf } from '../../tf/types.ts';
import { yieldToEventLoop } from '../yield.ts';
import { cnnScores, digitBatch, type CnnParams } from './cnn-model.ts';

export interface PredictOptions {
  /** Digits per forward pass. */
  chunk?: number;
  /** Yield to the event loop between chunks (main-thread backends). */
  yieldBetweenChunks?: boolean;
  /** Checked after each yield: true stops the work (the model was disposed meanwhile). */
  cancelled?: () => boolean;
}

/** The predicted class of digits [start, start + count) of `images`. */
export async function predictDigits(tf: Tf, params: CnnParams, images: Uint8Array, start: number, count: number, options: PredictOptions = {}): Promise<Int32Array> {
  const chunk = options.chunk ?? 250;
  const predictions = new Int32Array(count);
  for (let offset = 0; offset < count; offset += chunk) {
    const n = Math.min(chunk, count - offset);
    const classes = tf.tidy(() => tf.argMax(cnnScores(tf, params, digitBatch(tf, images, start + offset, n)), 1));
    predictions.set(await classes.data() as Int32Array, offset);
    classes.dispose();
    if (options.yieldBetweenChunks) await yieldToEventLoop();
    if (options.cancelled?.()) break;
  }
  return predictions;
}

export function countCorrect(predictions: Int32Array, labels: Uint8Array, start: number): number {
  let correct = 0;
  predictions.forEach((p, i) => {
    if (p === labels[start + i]) correct++;
  });
  return correct;
}
