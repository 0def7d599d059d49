/**
 * Loss landscape of a linear classifier on MNIST (Lecture 3): train W, then evaluate the loss
 * along one random direction (a line) and over two (a grid) through the trained W.
 *
 * The grid is cheap because scores are linear in W: X(W + a D1 + b D2) = S0 + a S1 + b S2, so
 * three matrix products are done once and every grid point is a few element-wise ops; a whole
 * row of grid points is one batched pass. The L2 term expands the same way into dot products.
 */
import type { Scalar, Tensor, Tf, Variable } from '../../tf/types.ts';
import { createRandom } from '../random.ts';
import { runSliced } from '../../tf/slices.ts';
import { createTfOptimizer } from '../optimizers/tf-optimizer.ts';
import { DEFAULT_HYPERPARAMETERS } from '../optimizers/update-rules.ts';
import { filterNormalize, gaussianDirection } from './directions.ts';
import { evaluateGrid, linspace, planeDots, squaredNormOnPlane, type LandscapeGrid, type PlaneDots } from './plane.ts';
import { dataLoss, type LossKind } from './losses.ts';

export const LINEAR_FEATURES = 785; // 784 pixels and the bias trick's constant 1

export type { LandscapeGrid } from './plane.ts';

export interface LinearLandscapeOptions {
  tf: Tf;
  images: Uint8Array;
  labels: Uint8Array;
  /** Digits [start, start + count) are used. */
  start: number;
  count: number;
  kind: LossKind;
  lambda: number;
  seed: number;
  trainSteps: number;
  /** Stops training and grids between slices (the demo's run ended). */
  signal?: AbortSignal;
}

export interface LinearLandscape {
  /** Trains W by full-batch Adam; resolves with the final loss and training accuracy. */
  train(onProgress?: (step: number) => void): Promise<{ loss: number; accuracy: number }>;
  line(points: number, extent: number): Promise<{ alphas: number[]; values: Float32Array }>;
  grid(resolution: number, extent: number, onRow?: (row: number) => void): Promise<LandscapeGrid>;
  /** The loss at W + a D1 + b D2, computed directly (the check on the batched grid). */
  lossAt(a: number, b: number): Promise<number>;
  dispose(): void;
}

export function createLinearLandscape(options: LinearLandscapeOptions): LinearLandscape {
  const { tf, kind, lambda } = options;
  const random = createRandom(options.seed);
  const { x, oneHot } = linearInputs(tf, options.images, options.labels, options.start, options.count);
  const initial = Float32Array.from({ length: LINEAR_FEATURES * 10 }, () => 1e-3 * random.normal());
  const w: Variable = tf.tidy(() => tf.variable(tf.tensor2d(initial, [LINEAR_FEATURES, 10])));
  let directions: { d1: Tensor; d2: Tensor; s0: Tensor; s1: Tensor; s2: Tensor; dots: PlaneDots } | undefined;

  const fullLoss = (weights: Tensor) => tf.add(dataLoss(tf, kind, tf.matMul(x, weights), oneHot), tf.mul(lambda, tf.sum(tf.square(weights))));

  const prepare = async () => {
    if (directions) return directions;
    const theta = (await w.data()) as Float32Array;
    const layout = [{ offset: 0, rows: LINEAR_FEATURES, cols: 10 }];
    const d1a = filterNormalize(gaussianDirection(theta.length, random), theta, layout);
    const d2a = filterNormalize(gaussianDirection(theta.length, random), theta, layout);
    const d1 = tf.tensor2d(d1a, [LINEAR_FEATURES, 10]);
    const d2 = tf.tensor2d(d2a, [LINEAR_FEATURES, 10]);
    directions = {
      d1,
      d2,
      s0: tf.matMul(x, w),
      s1: tf.matMul(x, d1),
      s2: tf.matMul(x, d2),
      dots: planeDots(theta, d1a, d2a),
    };
    return directions;
  };

  /** Losses at (alphas[k], beta) for all k, as a [G] tensor: one batched pass. */
  const row = (alphas: Tensor, beta: number, dirs: NonNullable<typeof directions>, count: number) =>
    tf.tidy(() => {
      const base = tf.add(dirs.s0, tf.mul(beta, dirs.s2));
      const scores = tf.add(tf.expandDims(base, 0), tf.mul(tf.reshape(alphas, [count, 1, 1]), tf.expandDims(dirs.s1, 0)));
      return dataLoss(tf, kind, scores, oneHot);
    });


  return {
    async train(onProgress) {
      const optimizer = createTfOptimizer(tf, 'adam', () => ({ ...DEFAULT_HYPERPARAMETERS, lr: 0.005 }));
      try {
        await runSliced(tf, options.trainSteps, (index) => {
          const { value, grads } = tf.variableGrads(() => fullLoss(w) as Scalar, [w]);
          optimizer.step([w], [grads[w.name]!]);
          tf.dispose(grads[w.name]!);
          if ((index + 1) % 10 === 0) onProgress?.(index + 1);
          return value;
        }, { signal: options.signal });
      } finally {
        optimizer.dispose();
      }
      const [loss, accuracy] = tf.tidy(() => {
        const scores = tf.matMul(x, w);
        return [fullLoss(w), tf.mean(tf.cast(tf.equal(tf.argMax(scores, 1), tf.argMax(oneHot, 1)), 'float32'))];
      });
      const values = [(await loss!.data())[0]!, (await accuracy!.data())[0]!];
      tf.dispose([loss!, accuracy!]);
      return { loss: values[0]!, accuracy: values[1]! };
    },
    async line(points, extent) {
      const dirs = await prepare();
      const alphas = linspace(-extent, extent, points);
      const alphaTensor = tf.tensor1d(alphas);
      const losses = row(alphaTensor, 0, dirs, points);
      const data = (await losses.data()) as Float32Array;
      tf.dispose([losses, alphaTensor]);
      return { alphas, values: data.map((v, k) => v + lambda * squaredNormOnPlane(dirs.dots, alphas[k]!, 0)) };
    },
    async grid(resolution, extent, onRow) {
      const dirs = await prepare();
      return evaluateGrid(tf, { resolution, extent, lambda, dots: dirs.dots, signal: options.signal, ...(onRow ? { onRow } : {}) }, (alphas, beta) => row(alphas, beta, dirs, resolution));
    },
    async lossAt(a, b) {
      const dirs = await prepare();
      const loss = tf.tidy(() => fullLoss(tf.add(w, tf.add(tf.mul(a, dirs.d1), tf.mul(b, dirs.d2)))));
      const value = (await loss.data())[0]!;
      loss.dispose();
      return value;
    },
    dispose() {
      if (directions) tf.dispose([directions.d1, directions.d2, directions.s0, directions.s1, directions.s2]);
      tf.dispose([x, oneHot, w]);
    },
  };
}

/** Pixels scaled to [0, 1] with a constant 1 appended (the bias trick), and one-hot labels. */
export function linearInputs(tf: Tf, images: Uint8Array, labels: Uint8Array, start: number, count: number): { x: Tensor; oneHot: Tensor } {
  return tf.tidy(() => {
    const pixels = tf.div(tf.tensor2d(images.subarray(start * 784, (start + count) * 784), [count, 784], 'float32'), 255);
    return {
      x: tf.concat([pixels, tf.ones([count, 1])], 1),
      oneHot: tf.oneHot(tf.tensor1d(labels.subarray(start, start + count), 'int32'), 10),
    };
  });
}

