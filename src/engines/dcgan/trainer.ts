/**
 * Trains the DCGAN on MNIST digits (the training script's page runs it on wasm). One step =
 * one discriminator update on a real and a generated minibatch, then one generator update with
 * the non-saturating loss, both with Adam (DCGAN: learning rate 2e-4, beta1 = 0.5):
 *
 *   D loss  α·softplus(−D(x)) + (1 − α)·softplus(D(x)) + softplus(D(G(z)))   (α < 1: one-sided label smoothing)
 *   G loss  softplus(−D(G(z))) = −log σ(D(G(z)))
 *
 * Real and generated images go through D in separate batches, so that batch normalization never
 * mixes them. Everything is drawn from seeded generators: the same options give the same run.
 */
import type { Scalar, Tensor, Tf, Variable } from '../../tf/types.ts';
import { createBatchSampler } from '../mlp/mlp.ts';
import { createTfOptimizer, minimizeStep, type TfOptimizer } from '../optimizers/tf-optimizer.ts';
import { appendLossPairs } from '../step-losses.ts';
import { DEFAULT_HYPERPARAMETERS } from '../optimizers/update-rules.ts';
import { initParams, normalArray, paramVariables, readParams, type ParamValues } from '../params.ts';
import { createRandom } from '../random.ts';
import { yieldToEventLoop } from '../yield.ts';
import { DISCRIMINATOR_PARAMS, GENERATOR_TRAINING_PARAMS, INIT_STD, LATENT_DIM } from './architecture.ts';
import { discriminate, trainingGenerator } from './networks.ts';

export interface DcganTrainerOptions {
  tf: Tf;
  /** count × 784 pixels 0-255; the first trainCount are used. */
  images: Uint8Array;
  trainCount: number;
  seed: number;
  batchSize: number;
  learningRate: number;
  beta1: number;
  /** Target for real images in D's loss (1 = none; 0.9 = one-sided smoothing). */
  realLabel: number;
  yieldOften: boolean;
}

export interface DcganTrainer {
  train(steps: number): Promise<void>;
  readonly step: number;
  readonly losses: { d: number[]; g: number[] };
  /** Generator parameters as trained (with batch normalization), read back. */
  generatorValues(): Promise<ParamValues>;
  dispose(): void;
}

/** DCGAN initialisation: weights N(0, 0.02), BN scales N(1, 0.02), biases and shifts 0. */
export function initDcgan(seed: number): { generator: ParamValues; discriminator: ParamValues } {
  const random = createRandom(seed);
  const init = (spec: { name: string; shape: number[] }) => {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    if (spec.name.endsWith('.gamma')) return normalArray(random, size, INIT_STD, 1);
    if (spec.name.endsWith('.w')) return normalArray(random, size, INIT_STD);
    return new Float32Array(size);
  };
  return { generator: initParams(GENERATOR_TRAINING_PARAMS, init), discriminator: initParams(DISCRIMINATOR_PARAMS, init) };
}

export function createDcganTrainer(o: DcganTrainerOptions): DcganTrainer {
  const { tf, batchSize } = o;
  const initial = initDcgan(o.seed);
  const g = paramVariables(tf, GENERATOR_TRAINING_PARAMS, initial.generator);
  const d = paramVariables(tf, DISCRIMINATOR_PARAMS, initial.discriminator);
  const gList = Object.values(g);
  const dList = Object.values(d);
  const random = createRandom(o.seed + 1);
  const nextBatch = createBatchSampler(o.trainCount, batchSize, random);
  const adam = () => createTfOptimizer(tf, 'adam', () => ({ ...DEFAULT_HYPERPARAMETERS, beta1: o.beta1, lr: o.learningRate }));
  const optG: TfOptimizer = adam();
  const optD: TfOptimizer = adam();
  const losses = { d: [] as number[], g: [] as number[] };
  let step = 0;
  const alpha = o.realLabel;

  const realBatch = (): Tensor => {
    const pixels = new Float32Array(batchSize * 784);
    nextBatch().forEach((index, row) => {
      const digit = o.images.subarray(index * 784, (index + 1) * 784);
      for (let k = 0; k < 784; k++) pixels[row * 784 + k] = digit[k]! / 127.5 - 1;
    });
    return tf.tensor4d(pixels, [batchSize, 28, 28, 1]);
  };
  const noise = (): Tensor => tf.tensor2d(normalArray(random, batchSize * LATENT_DIM, 1), [batchSize, LATENT_DIM]);
  const update = (optimizer: TfOptimizer, params: Variable[], loss: () => Scalar): Tensor => minimizeStep(tf, optimizer, params, loss);

  return {
    losses,
    get step() {
      return step;
    },
    async train(steps) {
      const perStep: Tensor[] = [];
      for (let s = 0; s < steps; s++) {
        const x = realBatch();
        const fake = tf.tidy(() => trainingGenerator(tf, g, noise()));
        const dLoss = update(optD, dList, () => {
          const real = discriminate(tf, d, x, 'discriminator');
          const realTerm = tf.add(tf.mul(alpha, tf.softplus(tf.neg(real))), tf.mul(1 - alpha, tf.softplus(real)));
          return tf.add(tf.mean(realTerm), tf.mean(tf.softplus(discriminate(tf, d, fake, 'discriminator')))) as Scalar;
        });
        tf.dispose([x, fake]);
        const z = noise();
        const gLoss = update(optG, gList, () => tf.mean(tf.softplus(tf.neg(discriminate(tf, d, trainingGenerator(tf, g, z), 'generator')))) as Scalar);
        z.dispose();
        perStep.push(tf.stack([dLoss, gLoss]));
        tf.dispose([dLoss, gLoss]);
        if (o.yieldOften) await yieldToEventLoop();
      }
      if (perStep.length === 0) return;
      await appendLossPairs(tf, perStep, losses.d, losses.g);
      step += steps;
    },
    generatorValues: () => readParams(GENERATOR_TRAINING_PARAMS, g),
    dispose() {
      optG.dispose();
      optD.dispose();
      tf.dispose([...gList, ...dList]);
    },
  };
}
