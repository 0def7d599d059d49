/**
 * The three spaces the demo measures distances in: raw pixels (Lecture 2's "t-SNE of pixels"),
 * their top 50 principal components, and the hidden layer of a network trained in the page
 * (Lecture 12's "t-SNE of CNN codes", with an MLP standing in for the CNN).
 */
import type { Tf } from '../../tf/types.ts';
import { mlpFeatures } from './mlp-features.ts';
import { pca } from './pca.ts';
import { yieldToEventLoop } from '../yield.ts';
import type { FeatureSpace } from './feature-spaces.ts';

export { FEATURE_SPACES, isFeatureSpace, type FeatureSpace } from './feature-spaces.ts';

export const PCA_COMPONENTS = 50;
export const MLP_HIDDEN = 64;
export const MLP_STEPS = 600;

export interface FeatureOptions {
  tf: Tf;
  images: Uint8Array;
  labels: Uint8Array;
  /** The MNIST split: [0, trainCount) train, [trainCount, count) test. */
  trainCount: number;
  count: number;
  /** Digits [0, n) are embedded. */
  n: number;
  space: FeatureSpace;
  seed: number;
  yieldOften?: boolean | undefined;
  onProgress?: ((message: string) => void) | undefined;
}

export interface Features {
  /** Row-major [n x dim]. */
  values: Float32Array;
  dim: number;
  /** One sentence about the space, for the reader. */
  description: string;
}

/** Pixels as floats in [0, 1]. */
export function pixelFeatures(images: Uint8Array, n: number): Float32Array {
  const values = new Float32Array(n * 784);
  for (let i = 0; i < values.length; i++) values[i] = images[i]! / 255;
  return values;
}

export async function digitFeatures(options: FeatureOptions): Promise<Features> {
  const { tf, n } = options;
  switch (options.space) {
    case 'pixels':
      return { values: pixelFeatures(options.images, n), dim: 784, description: 'raw pixels (784 dimensions)' };
    case 'pca50': {
      options.onProgress?.(`Projecting ${n} digits on their top ${PCA_COMPONENTS} principal components…`);
      const pixels = pixelFeatures(options.images, n);
      if (options.yieldOften) await yieldToEventLoop();
      const result = await pca(tf, pixels, n, 784, PCA_COMPONENTS, { seed: options.seed, yieldOften: options.yieldOften });
      return { values: result.projected, dim: PCA_COMPONENTS, description: `the top ${PCA_COMPONENTS} principal components of the pixels (${(100 * result.explained).toFixed(0)}% of their variance)` };
    }
    case 'mlp': {
      const steps = MLP_STEPS;
      const result = await mlpFeatures({
        tf,
        images: options.images,
        labels: options.labels,
        trainCount: options.trainCount,
        count: options.count,
        embedCount: n,
        hidden: MLP_HIDDEN,
        steps,
        batchSize: 64,
        seed: options.seed,
        yieldOften: options.yieldOften,
        onStep: (step) => options.onProgress?.(`Training a 784 → ${MLP_HIDDEN} → 10 network on ${options.trainCount} digits: step ${step} of ${steps}…`),
      });
      return {
        values: result.features,
        dim: result.dim,
        description: `the ${MLP_HIDDEN} hidden units of an MLP trained here for ${steps} steps (${(100 * result.testAccuracy).toFixed(1)}% on ${options.count - options.trainCount} test digits)`,
      };
    }
  }
}
