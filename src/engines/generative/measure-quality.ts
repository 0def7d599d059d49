/**
 * Measures the sample quality of quality.ts for a set of generated digits: nearest training
 * digits of the samples and of the held-out test digits, and (when a trained classifier is
 * given) its confident share and class balance. Run by the training page after training, and
 * by the tests on the shipped weights.
 */
import type { Tf } from '../../tf/types.ts';
import { createDigitBank, nearestDigits } from './nearest.ts';
import { classifierQuality, nearestQuality, type ClassifierId, type SampleQuality } from './quality.ts';

/** A trained digit classifier: class probabilities [count × 10] for pixels [count × 784] in [0, 1]. */
export interface DigitClassifier extends ClassifierId {
  classify(pixels: Float32Array): Promise<Float32Array>;
}

export interface MeasureOptions {
  tf: Tf;
  /** MNIST pixels 0-255: training digits [0, trainCount), test digits [testStart, testStart + testCount). */
  images: Uint8Array;
  trainCount: number;
  testStart: number;
  testCount: number;
  /** The generated digits, [count × 784] in [0, 1]. */
  samples: Float32Array;
  seed: number;
  classifier?: DigitClassifier;
  /** Stops the nearest-digit search between slices. */
  signal?: AbortSignal;
}

export async function measureSampleQuality(o: MeasureOptions): Promise<SampleQuality> {
  const { tf } = o;
  const count = o.samples.length / 784;
  const bank = createDigitBank(tf, o.images, 0, o.trainCount);
  try {
    const nearestOf = async (pixels: Float32Array) => {
      const queries = tf.tensor2d(pixels, [pixels.length / 784, 784]);
      try {
        return (await nearestDigits(tf, bank, queries, { signal: o.signal })).distance;
      } finally {
        queries.dispose();
      }
    };
    const test = Float32Array.from(o.images.subarray(o.testStart * 784, (o.testStart + o.testCount) * 784), (v) => v / 255);
    const nearest = nearestQuality(await nearestOf(o.samples), await nearestOf(test), o.trainCount);
    const quality: SampleQuality = { samples: count, seed: o.seed, nearest };
    if (o.classifier) quality.classifier = classifierQuality(await o.classifier.classify(o.samples), o.classifier);
    return quality;
  } finally {
    bank.dispose();
  }
}
