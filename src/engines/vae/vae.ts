/**
 * A variational autoencoder with a 2-D latent space for 28×28 digits (Kingma and Welling 2014),
 * small enough to train in minutes and to ship (about 1.7 MB of float32):
 *
 *   encoder q(z|x)  784 -> 256 ReLU -> 64 ReLU -> (μ ∈ R², log σ² ∈ R²)
 *   decoder p(x|z)  2 -> 64 ReLU -> 256 ReLU -> 784 sigmoid: a Bernoulli probability per pixel
 *
 *   loss (negative ELBO per digit) = Σ_d BCE(x_d, y_d) + ½ Σ_j (μ_j² + σ_j² − log σ_j² − 1)
 *
 * with z = μ + σ ⊙ ε, ε ~ N(0, I) (the reparameterization trick) and pixel intensities in [0, 1]
 * as the Bernoulli targets. BCE is computed from the decoder's logits for stability:
 * BCE(x, σ(a)) = softplus(a) − x·a.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import { denseMatMul } from '../dense-layer.ts';
import { param, type ParamSpec, type ParamTensors } from '../params.ts';

export const VAE_LATENT = 2;
export const VAE_HIDDEN = [256, 64] as const;

const [h1, h2] = VAE_HIDDEN;

export const VAE_PARAMS: readonly ParamSpec[] = [
  { name: 'enc1.w', shape: [784, h1] },
  { name: 'enc1.b', shape: [h1] },
  { name: 'enc2.w', shape: [h1, h2] },
  { name: 'enc2.b', shape: [h2] },
  { name: 'mu.w', shape: [h2, VAE_LATENT] },
  { name: 'mu.b', shape: [VAE_LATENT] },
  { name: 'logvar.w', shape: [h2, VAE_LATENT] },
  { name: 'logvar.b', shape: [VAE_LATENT] },
  { name: 'dec1.w', shape: [VAE_LATENT, h2] },
  { name: 'dec1.b', shape: [h2] },
  { name: 'dec2.w', shape: [h2, h1] },
  { name: 'dec2.b', shape: [h1] },
  { name: 'out.w', shape: [h1, 784] },
  { name: 'out.b', shape: [784] },
];

const dense = (tf: Tf, p: ParamTensors, name: string, x: Tensor) => tf.add(denseMatMul(tf, x, param(p, `${name}.w`), { inputGradient: name !== 'enc1' }), param(p, `${name}.b`));

/** q(z|x) for pixels x [N, 784] in [0, 1]: mean and log-variance, each [N, 2]. */
export function encode(tf: Tf, p: ParamTensors, x: Tensor): { mu: Tensor; logVar: Tensor } {
  const h = tf.relu(dense(tf, p, 'enc2', tf.relu(dense(tf, p, 'enc1', x))));
  return { mu: dense(tf, p, 'mu', h), logVar: dense(tf, p, 'logvar', h) };
}

/** The decoder's logits [N, 784] for codes z [N, 2]. */
export function decodeLogits(tf: Tf, p: ParamTensors, z: Tensor): Tensor {
  return dense(tf, p, 'out', tf.relu(dense(tf, p, 'dec2', tf.relu(dense(tf, p, 'dec1', z)))));
}

/** The decoder's mean image (pixel probabilities in [0, 1]), [N, 784]. */
export function decode(tf: Tf, p: ParamTensors, z: Tensor): Tensor {
  return tf.sigmoid(decodeLogits(tf, p, z));
}

export interface ElboTerms {
  /** Mean over the batch of Σ_d BCE: the reconstruction term. */
  reconstruction: Tensor;
  /** Mean over the batch of the KL divergence to N(0, I). */
  kl: Tensor;
}

/** The two terms of the negative ELBO, with the noise ε [N, 2] given (seeded by the caller). */
export function negativeElbo(tf: Tf, p: ParamTensors, x: Tensor, epsilon: Tensor): ElboTerms {
  const { mu, logVar } = encode(tf, p, x);
  const z = tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logVar)), epsilon));
  const logits = decodeLogits(tf, p, z);
  const reconstruction = tf.mean(tf.sum(tf.sub(tf.softplus(logits), tf.mul(x, logits)), 1));
  const kl = tf.mean(tf.mul(0.5, tf.sum(tf.sub(tf.sub(tf.add(tf.square(mu), tf.exp(logVar)), logVar), 1), 1)));
  return { reconstruction, kl };
}
