/**
 * The three spaces the demo measures distances in: raw pixels (Lecture 2's "t-SNE of pixels"),
 * their top 50 principal components, and the CNN codes of the ConvNet that ships with the site
 * (Lecture 12's "t-SNE of CNN codes").
 */
import type { Tf } from '../../tf/types.ts';
import type { CnnWeights } from '../cnn/architecture.ts';
import { cnnCodes } from './cnn-features.ts';
import { pca } from './pca.ts';
import { createTimeSlicer } from './time-slice.ts';
import type { FeatureSpace } from './feature-spaces.ts';

export { FEATURE_SPACES, isFeatureSpace, type FeatureSpace } from './feature-spaces.ts';

export const PCA_COMPONENTS = 50;

/** The shipped ConvNet (loaded by the caller) and the record of how it was trained and tested. */
export interface FeatureNetwork {
  weights: CnnWeights;
  manifest: {
    training: { trainDigits: number };
    test: { start: number; count: number; accuracy: number };
  };
}

export interface FeatureOptions {
  tf: Tf;
  /** Pixels 0-255, 784 per digit. */
  images: Uint8Array;
  /** Digits [0, n) are embedded. */
  n: number;
  space: FeatureSpace;
  seed: number;
  /** Needed for the 'cnn' space. */
  network?: FeatureNetwork | undefined;
  /** Stops between slices (the run ended): throws an AbortError. */
  signal?: AbortSignal | undefined;
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

/** The same, a few hundred digits per step with pauses: 10,000 digits are 7.8 million values. */
async function slicedPixelFeatures(images: Uint8Array, n: number, signal: AbortSignal | undefined): Promise<Float32Array> {
  const values = new Float32Array(n * 784);
  const pause = createTimeSlicer();
  for (let first = 0; first < n; first += 500) {
    const end = Math.min(n, first + 500) * 784;
    for (let i = first * 784; i < end; i++) values[i] = images[i]! / 255;
    await pause();
    signal?.throwIfAborted();
  }
  return values;
}

export async function digitFeatures(options: FeatureOptions): Promise<Features> {
  const { tf, n } = options;
  switch (options.space) {
    case 'pixels':
      return { values: await slicedPixelFeatures(options.images, n, options.signal), dim: 784, description: 'raw pixels (784 dimensions)' };
    case 'pca50': {
      options.onProgress?.(`Projecting ${n} digits on their top ${PCA_COMPONENTS} principal components…`);
      const pixels = await slicedPixelFeatures(options.images, n, options.signal);
      const result = await pca(tf, pixels, n, 784, PCA_COMPONENTS, { seed: options.seed, signal: options.signal });
      return { values: result.projected, dim: PCA_COMPONENTS, description: `the top ${PCA_COMPONENTS} principal components of the pixels (${(100 * result.explained).toFixed(0)}% of their variance)` };
    }
    case 'cnn': {
      const network = options.network;
      if (!network) throw new Error('CNN codes need the trained network');
      const { weights, manifest } = network;
      const layers = `conv ${weights.architecture.conv1Filters} → conv ${weights.architecture.conv2Filters} → ${weights.architecture.hidden} → 10`;
      const result = await cnnCodes({
        tf, weights, images: options.images, n, signal: options.signal,
        onProgress: (done, total) => options.onProgress?.(`Passing the digits through the trained ConvNet (${layers}): ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}…`),
      });
      return { values: result.values, dim: result.dim, description: cnnDescription(result.dim, n, manifest) };
    }
  }
}

/** Says honestly which embedded digits the network was trained on. */
export function cnnDescription(dim: number, n: number, manifest: FeatureNetwork['manifest']): string {
  const trained = manifest.training.trainDigits;
  const inTraining = Math.min(n, trained);
  const heldOut = n - inTraining;
  const format = (k: number) => k.toLocaleString('en-US');
  const which = heldOut === 0
    ? `all ${format(n)} digits here are from its training set`
    : `${format(inTraining)} of the digits here are from its training set, ${format(heldOut)} held out`;
  return `the ${dim} units of the last hidden layer of the site's trained ConvNet, its CNN codes (trained on ${format(trained)} digits, ${(100 * manifest.test.accuracy).toFixed(2)}% on ${format(manifest.test.count)} held-out ones; ${which})`;
}
