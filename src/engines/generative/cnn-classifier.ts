/**
 * The site's trained MNIST ConvNet (issue #5) as the DigitClassifier of the quality figures:
 * class probabilities (softmax of its scores) for generated digits. Used by the training page
 * and by the tests on the shipped weights, so both judge samples with the same code.
 */
import type { Tf } from '../../tf/types.ts';
import { PARAMETER_NAMES, parameterShapes, type CnnWeights } from '../cnn/architecture.ts';
import { cnnScores, type CnnParams } from '../cnn/cnn-model.ts';
import type { WeightsId } from '../params.ts';
import type { DigitClassifier } from './measure-quality.ts';

/** How the classifier is named in logs and on the page; its weights' checksum says exactly which one. */
export const CNN_CLASSIFIER_NAME = "site's MNIST ConvNet";

/** `id`: the shipped weights' model and CRC-32, recorded with every quality figure it gives. */
export function cnnDigitClassifier(tf: Tf, weights: CnnWeights, id: WeightsId): DigitClassifier {
  const shapes = parameterShapes(weights.architecture);
  return {
    name: CNN_CLASSIFIER_NAME,
    weights: { ...id },
    async classify(pixels) {
      const count = pixels.length / 784;
      const probabilities = tf.tidy(() => {
        const params = Object.fromEntries(PARAMETER_NAMES.map((p) => [p, tf.tensor(weights.values[p], shapes[p])])) as CnnParams;
        return tf.softmax(cnnScores(tf, params, tf.tensor4d(pixels, [count, 28, 28, 1])));
      });
      try {
        return (await probabilities.data()) as Float32Array;
      } finally {
        probabilities.dispose();
      }
    },
  };
}
