/** The small net of the check on real digits: n MNIST images, a seeded dropout mask. */
import { createRandom } from '../random.ts';
import type { SmallNet } from './small-net.ts';

export const CHECK_HIDDEN = 10;
export const CHECK_CLASSES = 10;

export function createSmallNet(images: Uint8Array, labels: Uint8Array, options: { n: number; start: number; p: number; lambda: number; seed: number }): SmallNet {
  const { n, start, p } = options;
  const random = createRandom(options.seed);
  return {
    x: Float64Array.from(images.subarray(start * 784, (start + n) * 784), (v) => v / 255),
    labels: labels.slice(start, start + n),
    n,
    d: 784,
    // hidden = classes keeps W2 square, so the "transposed" bug runs instead of failing on shapes.
    hidden: CHECK_HIDDEN,
    classes: CHECK_CLASSES,
    mask: Float64Array.from({ length: n * CHECK_HIDDEN }, () => (random.next() < p ? 0 : 1)),
    p,
    lambda: options.lambda,
  };
}
