/**
 * The DCGAN of the GAN sampler (Lecture 13), sized for 28×28 digits on a 2-core machine:
 *
 *   generator      z ∈ R^32 -> dense 7·7·64, BN, ReLU -> 7×7×64
 *                  -> transposed conv 4×4 stride 2, BN, ReLU -> 14×14×32
 *                  -> transposed conv 4×4 stride 2, tanh -> 28×28×1 in [-1, 1]
 *   discriminator  28×28×1 -> conv 4×4 stride 2, LeakyReLU 0.2 -> 14×14×32
 *                  -> conv 4×4 stride 2, BN, LeakyReLU 0.2 -> 7×7×64 -> dense -> 1 logit
 *
 * DCGAN's rules [@radford2016dcgan]: strided and transposed convolutions instead of pooling,
 * batch normalization except at G's output and D's input, ReLU in G and tanh at its output,
 * LeakyReLU in D, weights from N(0, 0.02). A layer followed by batch normalization has no bias
 * (the BN shift replaces it). After training the BN statistics are measured over many samples
 * and folded into the weights (fold-batchnorm.ts): the shipped generator is plain layers with
 * biases, and a sample does not depend on the others in its batch.
 */
import type { ParamSpec } from '../params.ts';

export const LATENT_DIM = 32;
export const IMAGE_SIZE = 28;
/** Channels at 7×7 and at 14×14 in the generator; the discriminator mirrors them. */
export const G_CHANNELS = [64, 32] as const;
export const D_CHANNELS = [32, 64] as const;
export const INIT_STD = 0.02;

const [g0, g1] = G_CHANNELS;
const [d0, d1] = D_CHANNELS;

/** The generator as trained (batch normalization after the dense layer and the first upsampling). */
export const GENERATOR_TRAINING_PARAMS: readonly ParamSpec[] = [
  { name: 'dense.w', shape: [LATENT_DIM, 7 * 7 * g0] },
  { name: 'bn0.gamma', shape: [g0] },
  { name: 'bn0.beta', shape: [g0] },
  { name: 'up1.w', shape: [4, 4, g1, g0] },
  { name: 'bn1.gamma', shape: [g1] },
  { name: 'bn1.beta', shape: [g1] },
  { name: 'up2.w', shape: [4, 4, 1, g1] },
  { name: 'up2.b', shape: [1] },
];

/** The generator as shipped: batch normalization folded into weights and biases. */
export const GENERATOR_PARAMS: readonly ParamSpec[] = [
  { name: 'dense.w', shape: [LATENT_DIM, 7 * 7 * g0] },
  { name: 'dense.b', shape: [7 * 7 * g0] },
  { name: 'up1.w', shape: [4, 4, g1, g0] },
  { name: 'up1.b', shape: [g1] },
  { name: 'up2.w', shape: [4, 4, 1, g1] },
  { name: 'up2.b', shape: [1] },
];

export const DISCRIMINATOR_PARAMS: readonly ParamSpec[] = [
  { name: 'conv1.w', shape: [4, 4, 1, d0] },
  { name: 'conv1.b', shape: [d0] },
  { name: 'conv2.w', shape: [4, 4, d0, d1] },
  { name: 'bn2.gamma', shape: [d1] },
  { name: 'bn2.beta', shape: [d1] },
  { name: 'fc.w', shape: [7 * 7 * d1, 1] },
  { name: 'fc.b', shape: [1] },
];
