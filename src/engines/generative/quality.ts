/**
 * Sample quality of a generative model of digits, as the training logs and the demos report it:
 *
 * - confident share: the fraction of samples that a trained MNIST classifier assigns to some
 *   class with probability above 0.9 (a digit a classifier is sure about is a recognizable digit);
 * - class balance of those confident predictions: counts per digit, and their entropy relative
 *   to the uniform distribution's log 10 (1 = every digit equally often; a collapsed generator
 *   that draws only a few digits scores low);
 * - memorization: the mean distance of samples to their nearest training digit, next to the
 *   same mean for held-out test digits. Samples much closer to the training set than test
 *   digits are would be copies; about as close or farther is what a model that generalizes gives.
 */

import type { WeightsId } from '../params.ts';

export const CONFIDENCE_THRESHOLD = 0.9;

/** A judge of generated digits: what readers call it, and exactly which weights it ran with. */
export interface ClassifierId {
  name: string;
  weights: WeightsId;
}

export interface ClassifierQuality {
  classifier: string;
  /** The judge's weights: a record says which network judged it, whatever that network's accuracy. */
  weights: WeightsId;
  threshold: number;
  /** Share of samples with top probability above the threshold. */
  confidentShare: number;
  /** Confident samples per predicted digit 0-9. */
  classCounts: number[];
  /** Entropy of classCounts / log 10, in [0, 1]. */
  balance: number;
}

export interface NearestQuality {
  /** Mean Euclidean distance (pixels in [0, 1]) of a sample to its nearest training digit. */
  sampleMean: number;
  /** The same for held-out test digits. */
  testMean: number;
  /** sampleMean / testMean. */
  ratio: number;
  trainDigits: number;
  testDigits: number;
}

export interface SampleQuality {
  samples: number;
  /** Seed of the noise vectors the samples come from. */
  seed: number;
  /** Absent when no trained classifier was available at measurement time. */
  classifier?: ClassifierQuality;
  nearest: NearestQuality;
}

/** Confident share and class balance from class probabilities [M × 10], row-major. */
export function classifierQuality(probabilities: Float32Array, judge: ClassifierId, threshold = CONFIDENCE_THRESHOLD): ClassifierQuality {
  const m = probabilities.length / 10;
  const classCounts = new Array<number>(10).fill(0);
  let confident = 0;
  for (let i = 0; i < m; i++) {
    let best = 0;
    for (let c = 1; c < 10; c++) if (probabilities[i * 10 + c]! > probabilities[i * 10 + best]!) best = c;
    if (probabilities[i * 10 + best]! > threshold) {
      confident++;
      classCounts[best]!++;
    }
  }
  return { classifier: judge.name, weights: { ...judge.weights }, threshold, confidentShare: m === 0 ? 0 : confident / m, classCounts, balance: normalizedEntropy(classCounts) };
}

export function normalizedEntropy(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0 || counts.length < 2) return 0;
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / total) * Math.log(c / total);
  return h / Math.log(counts.length);
}

export function nearestQuality(sampleDistances: Float32Array, testDistances: Float32Array, trainDigits: number): NearestQuality {
  const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;
  const sampleMean = mean(sampleDistances);
  const testMean = mean(testDistances);
  return { sampleMean, testMean, ratio: sampleMean / testMean, trainDigits, testDigits: testDistances.length };
}

/** One line for logs and readouts. */
export function describeQuality(q: SampleQuality): string {
  const parts: string[] = [];
  if (q.classifier) {
    const c = q.classifier;
    parts.push(`${(100 * c.confidentShare).toFixed(1)}% of ${q.samples} samples classified with confidence above ${c.threshold} by the ${c.classifier} (${c.weights.model} weights, crc32 ${c.weights.crc32}); class balance ${c.balance.toFixed(3)} (counts ${c.classCounts.join(' ')})`);
  } else {
    parts.push(`no trained classifier available: confident share not measured`);
  }
  const n = q.nearest;
  parts.push(`mean distance to the nearest training digit ${n.sampleMean.toFixed(2)} for samples vs ${n.testMean.toFixed(2)} for ${n.testDigits} test digits (ratio ${n.ratio.toFixed(2)})`);
  return parts.join('; ');
}
