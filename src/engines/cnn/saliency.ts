/**
 * Saliency map (Simonyan et al. 2014): the gradient of one class score S_c, the unnormalized
 * score before the softmax, with respect to the input pixels, at the given image. Its absolute
 * value says how strongly the score reacts to a small change of each pixel. MNIST digits have one
 * channel, so the max over colour channels of the paper is the absolute value itself.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import { IMAGE_SIZE } from './architecture.ts';
import { cnnScores, type CnnParams } from './cnn-model.ts';

export interface Saliency {
  classIndex: number;
  /** Class scores of the image. */
  scores: Float32Array;
  /** ∂S_c/∂I, 28 × 28. */
  gradient: Float32Array;
  /** |∂S_c/∂I|, 28 × 28. */
  map: Float32Array;
}

export function imageTensor(tf: Tf, pixels: Float32Array): Tensor {
  return tf.tensor4d(pixels, [1, IMAGE_SIZE, IMAGE_SIZE, 1]);
}

export async function saliencyMap(tf: Tf, params: CnnParams, pixels: Float32Array, classIndex: number): Promise<Saliency> {
  const [scores, gradient] = tf.tidy(() => {
    const x = imageTensor(tf, pixels);
    const classScore = (input: Tensor) => tf.sum(tf.slice(cnnScores(tf, params, input, true), [0, classIndex], [1, 1]));
    return [cnnScores(tf, params, x), tf.grad(classScore)(x)];
  });
  const [scoreValues, gradientValues] = await Promise.all([scores.data() as Promise<Float32Array>, gradient.data() as Promise<Float32Array>]);
  tf.dispose([scores, gradient]);
  return { classIndex, scores: Float32Array.from(scoreValues), gradient: Float32Array.from(gradientValues), map: gradientValues.map(Math.abs) };
}
