/**
 * The data of the linear classifier, prepared as Assignment 1 prepares CIFAR-10: pixels scaled to
 * [0, 1], the mean image of the training split subtracted from every split, and a constant 1
 * appended (the bias trick), so W is [785 x 10] with the biases as its last row.
 *
 * Splits of the site's MNIST (the first `trainCount` digits are its training split): training is
 * all of them but the last VALIDATION_DIGITS, which are the validation set; the test split is
 * held out, used once at the end of a run.
 *
 * Minibatches are copied out of a preprocessed Float32Array of the training digits (on wasm a
 * copy and an upload take a fraction of what tf.gather over a 7,000 × 785 tensor does). Tensors
 * held (until dispose): X and one-hot Y of the first EVALUATION_DIGITS training digits (training
 * accuracy), of the validation and of the test split, 6 in all.
 */
import type { Tensor, Tf } from '../../tf/types.ts';

export const PIXELS = 784;
export const FEATURES = PIXELS + 1;
export const CLASSES = 10;
export const VALIDATION_DIGITS = 1000;
/** Training accuracy is measured on this many training digits (the first ones): cheap, and close. */
export const EVALUATION_DIGITS = 1000;

export interface Range {
  start: number;
  count: number;
}

export interface LinearSplits {
  train: Range;
  validation: Range;
  test: Range;
}

export function linearSplits(trainCount: number, count: number): LinearSplits {
  return {
    train: { start: 0, count: trainCount - VALIDATION_DIGITS },
    validation: { start: trainCount - VALIDATION_DIGITS, count: VALIDATION_DIGITS },
    test: { start: trainCount, count: count - trainCount },
  };
}

/** The mean image (in [0, 1]) of digits [start, start + count). */
export function meanImage(images: Uint8Array, range: Range): Float32Array {
  const sums = new Float64Array(PIXELS);
  for (let i = range.start; i < range.start + range.count; i++) {
    for (let d = 0; d < PIXELS; d++) sums[d] = sums[d]! + images[i * PIXELS + d]!;
  }
  return Float32Array.from(sums, (s) => s / (255 * range.count));
}

/** One digit as the classifier sees it: x − mean, then the constant 1 (785 values). */
export function preprocessDigit(pixels: ArrayLike<number>, mean: Float32Array): Float32Array {
  const x = new Float32Array(FEATURES);
  for (let d = 0; d < PIXELS; d++) x[d] = pixels[d]! / 255 - mean[d]!;
  x[PIXELS] = 1;
  return x;
}

export interface SplitTensors {
  x: Tensor;
  oneHot: Tensor;
  count: number;
}

export interface LinearData {
  mean: Float32Array;
  /** Every training digit preprocessed, row by row (count x 785), and its label. */
  trainX: Float32Array;
  trainLabels: Uint8Array;
  train: SplitTensors;
  validation: SplitTensors;
  test: SplitTensors;
  dispose(): void;
}

export function createLinearData(tf: Tf, images: Uint8Array, labels: Uint8Array, splits: LinearSplits): LinearData {
  const mean = meanImage(images, splits.train);
  const split = (range: Range): SplitTensors => tf.tidy(() => {
    const pixels = tf.div(tf.tensor2d(images.subarray(range.start * PIXELS, (range.start + range.count) * PIXELS), [range.count, PIXELS], 'float32'), 255);
    return {
      x: tf.concat([tf.sub(pixels, tf.tensor2d(mean, [1, PIXELS])), tf.ones([range.count, 1])], 1),
      oneHot: tf.oneHot(tf.tensor1d(labels.subarray(range.start, range.start + range.count), 'int32'), CLASSES),
      count: range.count,
    };
  });
  const trainX = new Float32Array(splits.train.count * FEATURES);
  for (let i = 0; i < splits.train.count; i++) {
    const digit = splits.train.start + i;
    trainX.set(preprocessDigit(images.subarray(digit * PIXELS, (digit + 1) * PIXELS), mean), i * FEATURES);
  }
  const trainLabels = labels.slice(splits.train.start, splits.train.start + splits.train.count);
  const train = split({ start: splits.train.start, count: Math.min(EVALUATION_DIGITS, splits.train.count) });
  const validation = split(splits.validation);
  const test = split(splits.test);
  return {
    mean, trainX, trainLabels, train, validation, test,
    dispose: () => tf.dispose([train.x, train.oneHot, validation.x, validation.oneHot, test.x, test.oneHot]),
  };
}
