/**
 * The nearest training digit of each class to a query, on the backend: the squared L2 distances
 * to all training digits at once in the no-loop form of the kNN engine (one matrix product),
 * then the smallest per class in plain TypeScript. The same answer as nearestPerClass
 * (pixel-distances.ts), which in plain JavaScript takes longer than a frame on 8,000 digits.
 * Holds the training digits and their squared norms (two tensors) until dispose().
 */
import type { Tf } from '../../tf/types.ts';
import { squaredDistancesNoLoop } from '../knn/distances.ts';
import type { Nearest } from './pixel-distances.ts';
import { PIXELS } from './transforms.ts';

export interface NeighbourSearch {
  perClass(query: Float32Array): Promise<(Nearest | undefined)[]>;
  dispose(): void;
}

/** Digits [start, end) of `images` (0-255) are searched; indices returned are into `images`. */
export function createNeighbourSearch(tf: Tf, images: Uint8Array, labels: Uint8Array, range: { start: number; end: number }): NeighbourSearch {
  const count = range.end - range.start;
  // As columns [784, count]: the no-loop product is fastest with an untransposed operand.
  const train = tf.tidy(() => tf.transpose(tf.div(tf.tensor2d(images.subarray(range.start * PIXELS, range.end * PIXELS), [count, PIXELS], 'float32'), 255)));
  const norms = tf.tidy(() => tf.sum(tf.square(train), 0, true));
  return {
    async perClass(query) {
      const squared = tf.tidy(() => squaredDistancesNoLoop(tf, tf.tensor2d(query, [1, PIXELS]), train, norms));
      let values: Float32Array;
      try {
        values = (await squared.data()) as Float32Array;
      } finally {
        squared.dispose();
      }
      const best: (Nearest | undefined)[] = Array.from({ length: 10 }, () => undefined);
      values.forEach((d2, j) => {
        const label = labels[range.start + j]!;
        if (best[label] === undefined || d2 < best[label].distance ** 2) best[label] = { index: range.start + j, label, distance: Math.sqrt(d2) };
      });
      return best;
    },
    dispose: () => tf.dispose([train, norms]),
  };
}
