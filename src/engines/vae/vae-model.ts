/**
 * The shipped VAE, ready to use: decode codes to digits, encode digits to codes. Holds its
 * weights as tensors until dispose(); every call leaves no tensor behind.
 */
import type { Tf } from '../../tf/types.ts';
import { paramTensors, type ParamValues } from '../params.ts';
import { decode, encode, VAE_LATENT, VAE_PARAMS } from './vae.ts';

export interface VaeModel {
  /** Decoder means for codes (rows of 2 numbers): [count × 784] pixels in [0, 1]. */
  decode(codes: Float32Array): Promise<Float32Array>;
  /** Means and log-variances of q(z|x) for pixels [count × 784] in [0, 1]: rows of 2 numbers each. */
  encode(pixels: Float32Array): Promise<{ mu: Float32Array; logVar: Float32Array }>;
  dispose(): void;
}

export function createVaeModel(tf: Tf, values: ParamValues): VaeModel {
  const params = tf.tidy(() => paramTensors(tf, VAE_PARAMS, values));
  return {
    async decode(codes) {
      if (codes.length % VAE_LATENT !== 0 || codes.length === 0) throw new Error(`codes must be pairs of numbers, got ${codes.length} numbers`);
      const out = tf.tidy(() => decode(tf, params, tf.tensor2d(codes, [codes.length / VAE_LATENT, VAE_LATENT])));
      const pixels = (await out.data()) as Float32Array;
      out.dispose();
      return pixels;
    },
    async encode(pixels) {
      if (pixels.length % 784 !== 0 || pixels.length === 0) throw new Error(`pixels must be rows of 784 numbers, got ${pixels.length} numbers`);
      const both = tf.tidy(() => {
        const q = encode(tf, params, tf.tensor2d(pixels, [pixels.length / 784, 784]));
        return tf.concat([q.mu, q.logVar], 1);
      });
      const values = (await both.data()) as Float32Array;
      both.dispose();
      const n = pixels.length / 784;
      const mu = new Float32Array(2 * n);
      const logVar = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) {
        mu.set(values.subarray(4 * i, 4 * i + 2), 2 * i);
        logVar.set(values.subarray(4 * i + 2, 4 * i + 4), 2 * i);
      }
      return { mu, logVar };
    },
    dispose: () => tf.dispose(Object.values(params)),
  };
}
