/**
 * Trains the VAE (vae.ts) on MNIST digits with Adam, one minibatch per step; the training
 * script's page runs it on wasm. Seeded: initial weights (He), batch order and the noise ε.
 */
import type { Scalar, Tensor, Tf } from '../../tf/types.ts';
import { createBatchSampler } from '../mlp/mlp.ts';
import { createTfOptimizer } from '../optimizers/tf-optimizer.ts';
import { appendLossPairs } from '../step-losses.ts';
import { DEFAULT_HYPERPARAMETERS } from '../optimizers/update-rules.ts';
import { initParams, normalArray, paramVariables, readParams, type ParamValues } from '../params.ts';
import { createRandom } from '../random.ts';
import { yieldToEventLoop } from '../yield.ts';
import { negativeElbo, VAE_LATENT, VAE_PARAMS } from './vae.ts';

export interface VaeTrainerOptions {
  tf: Tf;
  images: Uint8Array;
  trainCount: number;
  seed: number;
  batchSize: number;
  learningRate: number;
  yieldOften: boolean;
}

export interface VaeTrainer {
  train(steps: number): Promise<void>;
  readonly step: number;
  /** Per step: reconstruction and KL terms (means over the batch). */
  readonly losses: { reconstruction: number[]; kl: number[] };
  /** Mean negative ELBO terms over digits [start, start + count), one ε draw per digit. */
  evaluate(start: number, count: number): Promise<{ reconstruction: number; kl: number }>;
  values(): Promise<ParamValues>;
  dispose(): void;
}

/** He initialisation for weights (std √(2 / fan-in)), zero biases; the log-variance head starts small. */
export function initVae(seed: number): ParamValues {
  const random = createRandom(seed);
  return initParams(VAE_PARAMS, (spec) => {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    if (spec.shape.length === 1) return new Float32Array(size);
    const std = Math.sqrt(2 / spec.shape[0]!) * (spec.name === 'logvar.w' ? 0.1 : 1);
    return normalArray(random, size, std);
  });
}

export function pixelsOf(tf: Tf, images: Uint8Array, indices: ArrayLike<number>): Tensor {
  const pixels = new Float32Array(indices.length * 784);
  for (let row = 0; row < indices.length; row++) {
    const index = indices[row]!;
    for (let k = 0; k < 784; k++) pixels[row * 784 + k] = images[index * 784 + k]! / 255;
  }
  return tf.tensor2d(pixels, [indices.length, 784]);
}

export function createVaeTrainer(o: VaeTrainerOptions): VaeTrainer {
  const { tf } = o;
  const p = paramVariables(tf, VAE_PARAMS, initVae(o.seed));
  const list = Object.values(p);
  const random = createRandom(o.seed + 1);
  const nextBatch = createBatchSampler(o.trainCount, o.batchSize, random);
  const adam = createTfOptimizer(tf, 'adam', () => ({ ...DEFAULT_HYPERPARAMETERS, lr: o.learningRate }));
  const losses = { reconstruction: [] as number[], kl: [] as number[] };
  let step = 0;

  return {
    losses,
    get step() {
      return step;
    },
    async train(steps) {
      const perStep: Tensor[] = [];
      for (let s = 0; s < steps; s++) {
        const x = pixelsOf(tf, o.images, nextBatch());
        const epsilon = tf.tensor2d(normalArray(random, o.batchSize * VAE_LATENT, 1), [o.batchSize, VAE_LATENT]);
        let terms: Tensor | undefined;
        const { value, grads } = tf.variableGrads(() => {
          const { reconstruction, kl } = negativeElbo(tf, p, x, epsilon);
          terms = tf.keep(tf.stack([reconstruction, kl]));
          return tf.add(reconstruction, kl) as Scalar;
        }, list);
        adam.step(list, list.map((v) => grads[v.name]!));
        tf.dispose([x, epsilon, value, ...Object.values(grads)]);
        perStep.push(terms!);
        if (o.yieldOften) await yieldToEventLoop();
      }
      if (perStep.length === 0) return;
      await appendLossPairs(tf, perStep, losses.reconstruction, losses.kl);
      step += steps;
    },
    async evaluate(start, count) {
      const evalRandom = createRandom(o.seed + 2);
      let reconstruction = 0;
      let kl = 0;
      for (let first = start; first < start + count; first += 500) {
        const n = Math.min(500, start + count - first);
        const terms = tf.tidy(() => {
          const x = pixelsOf(tf, o.images, Array.from({ length: n }, (_, i) => first + i));
          const e = negativeElbo(tf, p, x, tf.tensor2d(normalArray(evalRandom, n * VAE_LATENT, 1), [n, VAE_LATENT]));
          return tf.stack([e.reconstruction, e.kl]);
        });
        const [r, k] = await terms.data();
        terms.dispose();
        reconstruction += r! * n;
        kl += k! * n;
      }
      return { reconstruction: reconstruction / count, kl: kl / count };
    },
    values: () => readParams(VAE_PARAMS, p),
    dispose() {
      adam.dispose();
      tf.dispose(list);
    },
  };
}
