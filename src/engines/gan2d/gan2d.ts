/**
 * A GAN on 2-D points (Lecture 13), trained in the page: generator G(z) and discriminator D(x)
 * are small MLPs (two hidden layers, leaky ReLU). One step = `dSteps` discriminator updates and
 * one generator update, each on a fresh minibatch; both use Adam (beta1 = 0.5, as DCGAN does).
 *
 *   D loss:  -log sigma(D(x)) - log(1 - sigma(D(G(z))))    (D outputs a logit)
 *   G loss, non-saturating:  -log sigma(D(G(z)))
 *   G loss, minimax (saturating): log(1 - sigma(D(G(z))))
 */
import type { Scalar, Tensor, Tf, Variable } from '../../tf/types.ts';
import { createRandom, type Random } from '../random.ts';
import { createTfOptimizer, minimizeStep, type TfOptimizer } from '../optimizers/tf-optimizer.ts';
import { runSliced } from '../../tf/slices.ts';
import { DEFAULT_HYPERPARAMETERS } from '../optimizers/update-rules.ts';
import type { Distribution } from './distributions.ts';

export type GeneratorLoss = 'non-saturating' | 'minimax';

export interface Gan2dSettings {
  lrG: number;
  lrD: number;
  dSteps: number;
  generatorLoss: GeneratorLoss;
}

export interface Gan2dSnapshot {
  /** Generated points for a fixed set of noise vectors, [x0, y0, ...]. */
  fake: Float32Array;
  /** sigma(D(x)) on a gridSize x gridSize grid over [-extent, extent]^2, row 0 at the bottom. */
  dGrid: Float32Array;
  /** d D(x)/dx at each generated point: where the generator's gradient pushes it. */
  arrows: Float32Array;
}

export interface Gan2d {
  /** Trains `steps` steps in awaited slices; throws an AbortError if the signal fires first. */
  advance(steps: number): Promise<void>;
  snapshot(gridSize: number, extent: number): Promise<Gan2dSnapshot>;
  readonly step: number;
  readonly losses: { d: number[]; g: number[] };
  dispose(): void;
}

export interface Gan2dOptions {
  tf: Tf;
  distribution: Distribution;
  seed: number;
  noiseDim: number;
  hidden: number;
  batchSize: number;
  /** How many generated points the snapshots show. */
  shownSamples: number;
  settings: () => Gan2dSettings;
  /** The run's signal: training stops between slices once it fires. */
  signal?: AbortSignal;
}

export function createGan2d(options: Gan2dOptions): Gan2d {
  const { tf, noiseDim, hidden, batchSize } = options;
  const random = createRandom(options.seed);
  const g = mlp(tf, random, [noiseDim, hidden, hidden, 2]);
  const d = mlp(tf, random, [2, hidden, hidden, 1]);
  const adam = (lr: () => number) => createTfOptimizer(tf, 'adam', () => ({ ...DEFAULT_HYPERPARAMETERS, beta1: 0.5, lr: lr() }));
  const optG: TfOptimizer = adam(() => options.settings().lrG);
  const optD: TfOptimizer = adam(() => options.settings().lrD);
  const shownNoise = tf.tensor2d(gaussian(random, options.shownSamples * noiseDim), [options.shownSamples, noiseDim]);
  const losses = { d: [] as number[], g: [] as number[] };
  let step = 0;

  const noise = (n: number) => tf.tensor2d(gaussian(random, n * noiseDim), [n, noiseDim]);
  const real = (n: number) => tf.tensor2d(options.distribution.sample(n, random), [n, 2]);
  const discriminatorLoss = (x: Tensor, z: Tensor) =>
    tf.add(tf.mean(tf.softplus(tf.neg(forward(tf, d, x)))), tf.mean(tf.softplus(forward(tf, d, forward(tf, g, z))))) as Scalar;
  const generatorLoss = (z: Tensor, kind: GeneratorLoss) => {
    const logits = forward(tf, d, forward(tf, g, z));
    // -log sigma(l) = softplus(-l);  log(1 - sigma(l)) = -softplus(l)
    return (kind === 'non-saturating' ? tf.mean(tf.softplus(tf.neg(logits))) : tf.neg(tf.mean(tf.softplus(logits)))) as Scalar;
  };
  const update = (optimizer: TfOptimizer, params: Variable[], loss: () => Scalar): Tensor => minimizeStep(tf, optimizer, params, loss);

  return {
    losses,
    get step() {
      return step;
    },
    async advance(steps) {
      // One step = dSteps updates of D, one of G; its [D loss, G loss] is read slice by slice.
      const oneStep = (): Tensor => {
        const settings = options.settings();
        let dValue: Tensor | undefined;
        for (let k = 0; k < settings.dSteps; k++) {
          const [x, z] = [real(batchSize), noise(batchSize)];
          dValue?.dispose();
          dValue = update(optD, d, () => discriminatorLoss(x, z));
          tf.dispose([x, z]);
        }
        const z = noise(batchSize);
        const gValue = update(optG, g, () => generatorLoss(z, settings.generatorLoss));
        z.dispose();
        const pair = tf.stack([dValue!, gValue]);
        tf.dispose([dValue!, gValue]);
        return pair;
      };
      await runSliced(tf, steps, oneStep, {
        signal: options.signal,
        onValues: (values) => {
          losses.d.push(values[0]!);
          losses.g.push(values[1]!);
          step += 1;
        },
      });
    },
    async snapshot(gridSize, extent) {
      const all = tf.tidy(() => {
        const fake = forward(tf, g, shownNoise);
        const axis = tf.linspace(-extent, extent, gridSize);
        const xs = tf.tile(tf.reshape(axis, [1, gridSize]), [gridSize, 1]);
        const ys = tf.tile(tf.reshape(axis, [gridSize, 1]), [1, gridSize]);
        const grid = tf.stack([tf.reshape(xs, [-1]), tf.reshape(ys, [-1])], 1);
        const dGrid = tf.sigmoid(forward(tf, d, grid));
        const arrows = tf.grad((points: Tensor) => tf.sum(forward(tf, d, points)))(fake);
        return tf.concat([tf.reshape(fake, [-1]), tf.reshape(dGrid, [-1]), tf.reshape(arrows, [-1])]);
      });
      const values = (await all.data()) as Float32Array;
      all.dispose();
      const n = options.shownSamples * 2;
      return { fake: values.slice(0, n), dGrid: values.slice(n, n + gridSize * gridSize), arrows: values.slice(n + gridSize * gridSize) };
    },
    dispose() {
      optG.dispose();
      optD.dispose();
      tf.dispose([...g, ...d, shownNoise]);
    },
  };
}

/** Weights and biases of a dense network with the given layer sizes, He-initialised from the seed. */
function mlp(tf: Tf, random: Random, sizes: number[]): Variable[] {
  const params: Variable[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [fanIn, fanOut] = [sizes[l]!, sizes[l + 1]!];
    const w = gaussian(random, fanIn * fanOut).map((v) => v * Math.sqrt(2 / fanIn));
    params.push(tf.tidy(() => tf.variable(tf.tensor2d(w, [fanIn, fanOut]))), tf.tidy(() => tf.variable(tf.zeros([fanOut]))));
  }
  return params;
}

/** Dense layers with leaky ReLU between them; the last layer is linear. */
function forward(tf: Tf, params: readonly Tensor[], x: Tensor): Tensor {
  let h = x;
  for (let l = 0; l < params.length; l += 2) {
    h = tf.add(tf.matMul(h, params[l]!), params[l + 1]!);
    if (l + 2 < params.length) h = tf.leakyRelu(h, 0.2);
  }
  return h;
}

function gaussian(random: Random, n: number): Float32Array {
  return Float32Array.from({ length: n }, () => random.normal());
}
