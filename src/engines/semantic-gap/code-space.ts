/**
 * Distances as the site's trained ConvNet sees them (src/engines/cnn/): each image becomes its
 * code, the 64 activations of the hidden layer before the class scores (after the ReLU), and
 * the distance between two images is the L2 distance between their codes. The network's
 * variables live until dispose(); each call leaves no other tensor behind.
 */
import type { Tf } from '../../tf/types.ts';
import type { CnnWeights } from '../cnn/architecture.ts';
import { cnnForward, cnnVariables } from '../cnn/cnn-model.ts';
import { l2Distance } from './pixel-distances.ts';
import { PIXELS, SIDE } from './transforms.ts';

export interface CodedImages {
  /** One code (`dim` values) per image, in order. */
  codes: Float32Array[];
  /** The class the network predicts for each image, with its softmax probability. */
  predictions: { label: number; probability: number }[];
}

export interface CodeSpace {
  encode(images: readonly Float32Array[]): Promise<CodedImages>;
  dispose(): void;
}

export function createCodeSpace(tf: Tf, weights: CnnWeights): CodeSpace {
  const params = cnnVariables(tf, weights);
  return {
    async encode(images) {
      const batch = new Float32Array(images.length * PIXELS);
      images.forEach((image, n) => batch.set(image, n * PIXELS));
      const [hidden, probabilities] = tf.tidy(() => {
        const out = cnnForward(tf, params, tf.tensor4d(batch, [images.length, SIDE, SIDE, 1]));
        return [out.hidden, tf.softmax(out.scores)];
      });
      try {
        const [codes, probs] = await Promise.all([hidden.data(), probabilities.data()]);
        const dim = codes.length / images.length;
        return {
          codes: images.map((_, n) => Float32Array.from(codes.subarray(n * dim, (n + 1) * dim))),
          predictions: images.map((_, n) => {
            const row = Array.from(probs.subarray(n * 10, (n + 1) * 10));
            const label = row.indexOf(Math.max(...row));
            return { label, probability: row[label]! };
          }),
        };
      } finally {
        tf.dispose([hidden, probabilities]);
      }
    },
    dispose: () => tf.dispose(Object.values(params)),
  };
}

export const codeDistance = l2Distance;
