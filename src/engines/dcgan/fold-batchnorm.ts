/**
 * Turns the trained generator into the shipped one: each batch normalization is replaced by the
 * affine map it computes with population statistics, measured over many noise vectors, and that
 * map is folded into the preceding layer's weights and a bias:
 *
 *   gamma · (x·W − m) / sqrt(v + eps) + beta  =  x·(W · s) + (beta − m · s),   s = gamma / sqrt(v + eps)
 *
 * Layer by layer, because the statistics of the second normalization depend on the first.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import { valueOf, type ParamValues } from '../params.ts';
import { G_CHANNELS, LATENT_DIM } from './architecture.ts';
import { transposedConv4x4 } from './conv-layers.ts';
import { BN_EPSILON, channelMoments } from './networks.ts';

export interface FoldOptions {
  tf: Tf;
  trained: ParamValues;
  /** Noise vectors [count, LATENT_DIM] over which the statistics are measured. */
  noise: Float32Array;
  chunk?: number;
}

export async function foldGeneratorBatchNorm(o: FoldOptions): Promise<ParamValues> {
  const { tf, trained } = o;
  const count = o.noise.length / LATENT_DIM;
  const [c0, c1] = G_CHANNELS;
  const wDense = valueOf(trained, 'dense.w');
  // Stage 1: statistics of x·W over the noise (no bias, no earlier normalization).
  const stats0 = await measure(tf, o.noise, count, o.chunk ?? 512, (z) => tf.reshape(tf.matMul(z, tf.tensor2d(wDense, [LATENT_DIM, 7 * 7 * c0])), [z.shape[0]!, 7, 7, c0]));
  const [scale0, shift0] = affine(stats0, valueOf(trained, 'bn0.gamma'), valueOf(trained, 'bn0.beta'));
  const denseW = new Float32Array(wDense.length);
  const denseB = new Float32Array(7 * 7 * c0);
  for (let u = 0; u < 7 * 7 * c0; u++) {
    const c = u % c0;
    denseB[u] = shift0[c]!;
    for (let i = 0; i < LATENT_DIM; i++) denseW[i * 7 * 7 * c0 + u] = wDense[i * 7 * 7 * c0 + u]! * scale0[c]!;
  }
  // Stage 2: statistics of the first upsampling's output, fed by the folded first layer.
  const up1 = valueOf(trained, 'up1.w');
  const stats1 = await measure(tf, o.noise, count, o.chunk ?? 512, (z) => {
    const h0 = tf.relu(tf.reshape(tf.add(tf.matMul(z, tf.tensor2d(denseW, [LATENT_DIM, 7 * 7 * c0])), denseB), [z.shape[0]!, 7, 7, c0]));
    return transposedConv4x4(tf, h0, tf.tensor4d(up1, [4, 4, c1, c0]));
  });
  const [scale1, shift1] = affine(stats1, valueOf(trained, 'bn1.gamma'), valueOf(trained, 'bn1.beta'));
  // up1.w is [4, 4, out c1, in c0]: the output channel is the third axis.
  const up1W = up1.map((v, i) => v * scale1[Math.floor(i / c0) % c1]!);
  return { 'dense.w': denseW, 'dense.b': denseB, 'up1.w': up1W, 'up1.b': shift1, 'up2.w': valueOf(trained, 'up2.w').slice(), 'up2.b': valueOf(trained, 'up2.b').slice() };
}

/** Per-channel mean and variance of `layer(z)` over all noise vectors, accumulated in chunks. */
async function measure(tf: Tf, noise: Float32Array, count: number, chunk: number, layer: (z: Tensor) => Tensor): Promise<{ mean: Float64Array; variance: Float64Array }> {
  let sum: Float64Array | undefined;
  let sumSquares: Float64Array | undefined;
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    const both = tf.tidy(() => {
      const x = layer(tf.tensor2d(noise.subarray(start * LATENT_DIM, (start + n) * LATENT_DIM), [n, LATENT_DIM]));
      const { mean } = channelMoments(tf, x);
      const meanSquare = channelMoments(tf, tf.square(x)).mean;
      return tf.stack([mean, meanSquare]);
    });
    const values = await both.data();
    both.dispose();
    const channels = values.length / 2;
    sum ??= new Float64Array(channels);
    sumSquares ??= new Float64Array(channels);
    for (let c = 0; c < channels; c++) {
      sum[c] = sum[c]! + values[c]! * n;
      sumSquares[c] = sumSquares[c]! + values[channels + c]! * n;
    }
  }
  const mean = sum!.map((s) => s / count);
  return { mean, variance: sumSquares!.map((s, c) => Math.max(0, s / count - mean[c]! ** 2)) };
}

function affine(stats: { mean: Float64Array; variance: Float64Array }, gamma: Float32Array, beta: Float32Array): [Float32Array, Float32Array] {
  const scale = gamma.map((g, c) => g / Math.sqrt(stats.variance[c]! + BN_EPSILON));
  return [scale, beta.map((b, c) => b - stats.mean[c]! * scale[c]!)];
}
