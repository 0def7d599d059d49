/**
 * The classifier that judges generated digits for the quality figures (quality.ts): the site's
 * trained MNIST ConvNet of issue #5 (models/mnist-cnn), the network of the CNN demos. None when
 * its files are missing: the figures that need it are then reported as not measured.
 */
import { loadPretrainedCnn } from '../data/cnn-weights-loader.ts';
import { PARAMETER_NAMES, parameterShapes } from '../engines/cnn/architecture.ts';
import { cnnScores, type CnnParams } from '../engines/cnn/cnn-model.ts';
import type { DigitClassifier } from '../engines/generative/measure-quality.ts';
import type { Tf } from '../tf/types.ts';

export async function loadDigitClassifier(tf: Tf, base: string): Promise<DigitClassifier | undefined> {
  let pretrained;
  try {
    pretrained = await loadPretrainedCnn(base);
  } catch {
    return undefined;
  }
  const { weights, manifest } = pretrained;
  const shapes = parameterShapes(weights.architecture);
  const accuracy = (100 * manifest.test.accuracy).toFixed(2);
  return {
    name: `site's MNIST ConvNet (models/mnist-cnn, ${accuracy}% on ${manifest.test.count} held-out digits)`,
    async classify(pixels) {
      const count = pixels.length / 784;
      const probabilities = tf.tidy(() => {
        const params = Object.fromEntries(PARAMETER_NAMES.map((name) => [name, tf.tensor(weights.values[name], shapes[name])])) as CnnParams;
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
