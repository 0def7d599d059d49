/**
 * The digit the semantic-gap demo changes: a held-out MNIST digit, the reader's drawing or an
 * image they opened, each as 28 × 28 intensities in [0, 1] (ink white on black, as MNIST). A
 * drawing and an opened image are made MNIST-like (engines/cnn/preprocess.ts); an image with a
 * light background (ink on paper) is inverted first.
 */
import type { MnistData } from '../../data/mnist-format.ts';
import type { GrayImage } from '../../engines/conv-filters/apply-kernels.ts';
import { preprocessDrawing } from '../../engines/cnn/preprocess.ts';
import { heldOutDigit } from '../cnn/assets.ts';

export interface GapSource {
  pixels: Float32Array;
  /** The true label, for a held-out digit. */
  label: number | undefined;
  /** "held-out digit 5", "your drawing", "“seven.png”". */
  name: string;
}

/** What outlives a run (a backend change builds a new one), held by the element. */
export interface KeptGapInput {
  drawing?: Float32Array | undefined;
  file?: { name: string; pixels: Float32Array };
}

export function testDigitSource(data: MnistData, n: number): GapSource {
  const { pixels, label } = heldOutDigit(data, n);
  return { pixels, label, name: `held-out digit ${n}` };
}

/** An opened image as an MNIST-like digit; undefined when it holds no ink at all. */
export function digitFromImage(image: GrayImage): Float32Array | undefined {
  let mean = 0;
  for (const v of image.pixels) mean += v / image.pixels.length;
  const ink = mean > 0.5 ? image.pixels.map((v) => 1 - v) : image.pixels;
  const digit = preprocessDrawing(ink, image.width, image.height);
  return digit.hasInk ? digit.pixels : undefined;
}
