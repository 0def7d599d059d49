/**
 * The shipped generator, ready to sample: codes in, pixels out. Holds its weights as tensors
 * until dispose(); every call reads its result with `await data()` and leaves no tensor behind.
 */
import type { Tf } from '../../tf/types.ts';
import { paramTensors, type ParamValues } from '../params.ts';
import { GENERATOR_PARAMS, LATENT_DIM } from './architecture.ts';
import { generate, toUnitPixels } from './networks.ts';

export interface GanSampler {
  /** Images for `codes` (rows of LATENT_DIM numbers): [count × 784] pixels in [0, 1]. */
  generate(codes: Float32Array): Promise<Float32Array>;
  dispose(): void;
}

export function createGanSampler(tf: Tf, values: ParamValues): GanSampler {
  const params = tf.tidy(() => paramTensors(tf, GENERATOR_PARAMS, values));
  return {
    async generate(codes) {
      if (codes.length % LATENT_DIM !== 0 || codes.length === 0) throw new Error(`codes must be rows of ${LATENT_DIM} numbers, got ${codes.length} numbers`);
      const n = codes.length / LATENT_DIM;
      const pixels = tf.tidy(() => toUnitPixels(tf, generate(tf, params, tf.tensor2d(codes, [n, LATENT_DIM]))));
      const values = (await pixels.data()) as Float32Array;
      pixels.dispose();
      return values;
    },
    dispose: () => tf.dispose(Object.values(params)),
  };
}
