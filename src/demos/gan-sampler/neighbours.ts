/** Nearest training digits of generated images (the memorization check), with their pixels and labels. */
import type { MnistData } from '../../data/mnist-format.ts';
import { createDigitBank, nearestDigits } from '../../engines/generative/nearest.ts';
import type { Tf } from '../../tf/types.ts';
import type { Neighbour } from '../../views/gan-sampler/sampler-figure.ts';

export interface NeighbourSearch {
  /** One neighbour per image of `pixels` ([count × 784] in [0, 1]). */
  find(pixels: Float32Array): Promise<Neighbour[]>;
  dispose(): void;
}

/** Searches the training digits; stops between slices once `signal` fires. */
export function createNeighbourSearch(tf: Tf, mnist: MnistData, signal: AbortSignal): NeighbourSearch {
  const bank = createDigitBank(tf, mnist.images, 0, mnist.manifest.trainCount);
  return {
    async find(pixels) {
      const queries = tf.tensor2d(pixels, [pixels.length / 784, 784]);
      try {
        const found = await nearestDigits(tf, bank, queries, { chunk: 8, signal });
        return Array.from(found.index, (index, i) => ({
          index,
          distance: found.distance[i]!,
          label: mnist.labels[index]!,
          pixels: Float32Array.from(mnist.images.subarray(index * 784, (index + 1) * 784), (v) => v / 255),
        }));
      } finally {
        queries.dispose();
      }
    },
    dispose: () => bank.dispose(),
  };
}
