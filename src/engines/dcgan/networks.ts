/**
 * Forward passes of the DCGAN (architecture.ts): the generator as trained (batch statistics),
 * the shipped generator (statistics folded in) and the discriminator. Images are [N, 28, 28, 1]
 * in [-1, 1]; the discriminator returns logits [N].
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import { param, type ParamTensors } from '../params.ts';
import { G_CHANNELS, IMAGE_SIZE } from './architecture.ts';
import { stridedConv4x4, transposedConv4x4 } from './conv-layers.ts';
import { denseMatMul } from '../dense-layer.ts';

export const BN_EPSILON = 1e-5;

/** Per-channel mean and variance over every axis but the last. */
export function channelMoments(tf: Tf, x: Tensor): { mean: Tensor; variance: Tensor } {
  const axes = x.shape.slice(0, -1).map((_, i) => i);
  const mean = tf.mean(x, axes);
  const variance = tf.mean(tf.square(tf.sub(x, mean)), axes);
  return { mean, variance };
}

/** Batch normalization with this batch's statistics. */
export function batchNorm(tf: Tf, x: Tensor, gamma: Tensor, beta: Tensor): Tensor {
  const { mean, variance } = channelMoments(tf, x);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, BN_EPSILON))), gamma), beta);
}

/** The generator's layers before each batch normalization, for measuring their statistics. */
export interface GeneratorTrace {
  preBn0: Tensor;
  preBn1: Tensor;
  image: Tensor;
}

export function trainingGeneratorTrace(tf: Tf, p: ParamTensors, z: Tensor): GeneratorTrace {
  const n = z.shape[0]!;
  const preBn0 = tf.reshape(denseMatMul(tf, z, param(p, 'dense.w'), { inputGradient: false }), [n, 7, 7, G_CHANNELS[0]]);
  const h0 = tf.relu(batchNorm(tf, preBn0, param(p, 'bn0.gamma'), param(p, 'bn0.beta')));
  const preBn1 = transposedConv4x4(tf, h0, param(p, 'up1.w'));
  const h1 = tf.relu(batchNorm(tf, preBn1, param(p, 'bn1.gamma'), param(p, 'bn1.beta')));
  const image = tf.tanh(tf.add(transposedConv4x4(tf, h1, param(p, 'up2.w')), param(p, 'up2.b')));
  return { preBn0, preBn1, image };
}

export function trainingGenerator(tf: Tf, p: ParamTensors, z: Tensor): Tensor {
  return trainingGeneratorTrace(tf, p, z).image;
}

/** The shipped generator: z [N, 32] -> images [N, 28, 28, 1] in [-1, 1]. */
export function generate(tf: Tf, p: ParamTensors, z: Tensor): Tensor {
  const n = z.shape[0]!;
  const h0 = tf.relu(tf.reshape(tf.add(tf.matMul(z, param(p, 'dense.w')), param(p, 'dense.b')), [n, 7, 7, G_CHANNELS[0]]));
  const h1 = tf.relu(tf.add(transposedConv4x4(tf, h0, param(p, 'up1.w')), param(p, 'up1.b')));
  return tf.tanh(tf.add(transposedConv4x4(tf, h1, param(p, 'up2.w')), param(p, 'up2.b')));
}

/**
 * D's logits. `training` says which gradients the convolutions compute: for D's own update only
 * the weights' ('discriminator'), for G's update only the images' ('generator').
 */
export function discriminate(tf: Tf, p: ParamTensors, images: Tensor, training: 'discriminator' | 'generator' | 'none' = 'none'): Tensor {
  const n = images.shape[0]!;
  const first = training === 'discriminator' ? { input: false } : training === 'generator' ? { filter: false } : {};
  const second = training === 'generator' ? { filter: false } : {};
  const h1 = tf.leakyRelu(tf.add(stridedConv4x4(tf, images, param(p, 'conv1.w'), first), param(p, 'conv1.b')), 0.2);
  const h2 = tf.leakyRelu(batchNorm(tf, stridedConv4x4(tf, h1, param(p, 'conv2.w'), second), param(p, 'bn2.gamma'), param(p, 'bn2.beta')), 0.2);
  return tf.reshape(tf.add(denseMatMul(tf, tf.reshape(h2, [n, -1]), param(p, 'fc.w'), { weightGradient: training !== 'generator' }), param(p, 'fc.b')), [n]);
}

/** Generator output in [-1, 1] -> pixels in [0, 1], [N, 784]. */
export function toUnitPixels(tf: Tf, images: Tensor): Tensor {
  return tf.reshape(tf.div(tf.add(images, 1), 2), [images.shape[0]!, IMAGE_SIZE * IMAGE_SIZE]);
}
