/**
 * The classifier that judges generated digits for the quality figures (quality.ts): the site's
 * trained MNIST ConvNet of issue #5 (models/mnist-cnn), the network of the CNN demos. None when
 * its files cannot be loaded: the figures that need it are then reported as not measured.
 */
import { weightsId } from '../data/model-format.ts';
import { loadPretrainedCnn } from '../data/model-loader.ts';
import { cnnDigitClassifier } from '../engines/generative/cnn-classifier.ts';
import type { DigitClassifier } from '../engines/generative/measure-quality.ts';
import type { Tf } from '../tf/types.ts';

export async function loadDigitClassifier(tf: Tf, base: string): Promise<DigitClassifier | undefined> {
  try {
    const { weights, manifest } = await loadPretrainedCnn(base);
    return cnnDigitClassifier(tf, weights, weightsId(manifest));
  } catch {
    return undefined;
  }
}
