/**
 * Loss landscape of a small MLP trained in the page (784 -> hidden -> 10, ReLU, L2 strength
 * lambda on the weights): a 2-D slice through the trained parameters along two filter-normalized
 * random directions (Li et al. 2018), or along the two principal directions of the training path,
 * with the path projected onto the plane.
 *
 * Batched like the linear case where the maths allows: the first layer's pre-activations are
 * linear in the weights (P0 + a P1 + b P2), so only the ReLU and the small second layer are
 * evaluated per grid point, a whole row of points per pass.
 */
import type { Scalar, Tensor, Tf, Variable } from '../../tf/types.ts';
import { createRandom } from '../random.ts';
import { runSliced } from '../../tf/slices.ts';
import { createBatchSampler, initMlpWeights, mlpLogits, mlpVariables, MNIST_CLASSES, MNIST_INPUTS } from '../mlp/mlp.ts';
import { createTfOptimizer } from '../optimizers/tf-optimizer.ts';
import { DEFAULT_HYPERPARAMETERS } from '../optimizers/update-rules.ts';
import { filterNormalize, gaussianDirection, principalDirections, projectOntoPlane, type FilterLayout } from './directions.ts';
import { evaluateGrid, planeDots, type LandscapeGrid, type PlaneDots } from './plane.ts';
import { dataLoss } from './losses.ts';

export type PlaneKind = 'random' | 'pca';

export interface MlpLandscapeOptions {
  tf: Tf;
  images: Uint8Array;
  labels: Uint8Array;
  start: number;
  count: number;
  hidden: number;
  lambda: number;
  seed: number;
  trainSteps: number;
  batchSize: number;
  /** A snapshot of the parameters is kept every this many steps, for the path. */
  snapshotEvery: number;
  /** Stops training and grids between slices (the demo's run ended). */
  signal?: AbortSignal;
}

export interface MlpLandscape {
  train(onProgress?: (step: number) => void): Promise<{ loss: number; accuracy: number }>;
  /** Chooses the plane; returns the path's coordinates on it and a grid extent that covers it. */
  setPlane(kind: PlaneKind): Promise<{ path: [number, number][]; extent: number }>;
  grid(resolution: number, extent: number, onRow?: (row: number) => void): Promise<LandscapeGrid>;
  lossAt(a: number, b: number): Promise<number>;
  dispose(): void;
}

export function createMlpLandscape(options: MlpLandscapeOptions): MlpLandscape {
  const { tf, hidden, lambda } = options;
  const random = createRandom(options.seed);
  const params: Variable[] = mlpVariables(tf, initMlpWeights(hidden, random));
  const [w1Size, b1Size, w2Size] = [MNIST_INPUTS * hidden, hidden, hidden * MNIST_CLASSES];
  const layouts: FilterLayout[] = [
    { offset: 0, rows: MNIST_INPUTS, cols: hidden },
    { offset: w1Size + b1Size, rows: hidden, cols: MNIST_CLASSES },
  ];
  const { x, oneHot } = tf.tidy(() => ({
    x: tf.div(tf.tensor2d(options.images.subarray(options.start * 784, (options.start + options.count) * 784), [options.count, MNIST_INPUTS], 'float32'), 255),
    oneHot: tf.oneHot(tf.tensor1d(options.labels.subarray(options.start, options.start + options.count), 'int32'), MNIST_CLASSES),
  }));
  const path: Float32Array[] = [];
  let theta = new Float32Array(0);
  let plane: { parts: Tensor[]; d1: Float32Array; d2: Float32Array; p: Tensor[]; dots: PlaneDots } | undefined;

  const weightDecay = (w1: Tensor, w2: Tensor) => tf.mul(lambda, tf.add(tf.sum(tf.square(w1)), tf.sum(tf.square(w2))));
  const fullLoss = (ps: readonly Tensor[], inputs: Tensor, targets: Tensor) =>
    tf.add(dataLoss(tf, 'softmax', mlpLogits(tf, ps, inputs), targets), weightDecay(ps[0]!, ps[2]!));
  const flatten = async () => {
    const parts = await Promise.all(params.map((p) => p.data() as Promise<Float32Array>));
    const flat = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const part of parts) {
      flat.set(part, offset);
      offset += part.length;
    }
    return flat;
  };
  /** Splits a flat vector into tensors shaped like [w1, b1, w2, b2]. */
  const unflatten = (flat: Float32Array) => [
    tf.tensor2d(flat.subarray(0, w1Size), [MNIST_INPUTS, hidden]),
    tf.tensor1d(flat.subarray(w1Size, w1Size + b1Size)),
    tf.tensor2d(flat.subarray(w1Size + b1Size, w1Size + b1Size + w2Size), [hidden, MNIST_CLASSES]),
    tf.tensor1d(flat.subarray(w1Size + b1Size + w2Size)),
  ];
  const weightsOnly = (flat: Float32Array) => {
    const copy = flat.slice();
    copy.fill(0, w1Size, w1Size + b1Size);
    copy.fill(0, w1Size + b1Size + w2Size);
    return copy;
  };


  return {
    async train(onProgress) {
      const optimizer = createTfOptimizer(tf, 'momentum', () => ({ ...DEFAULT_HYPERPARAMETERS, lr: 0.05, mu: 0.9 }));
      const nextBatch = createBatchSampler(options.count, options.batchSize, random);
      path.push(await flatten());
      try {
        // Slices end at each snapshot, so the path is read between slices, never mid-queue.
        for (let done = 0; done < options.trainSteps; ) {
          const steps = Math.min(options.snapshotEvery - (done % options.snapshotEvery), options.trainSteps - done);
          done += await runSliced(tf, steps, () => {
            const indices = tf.tensor1d(nextBatch(), 'int32');
            const xb = tf.gather(x, indices);
            const yb = tf.gather(oneHot, indices);
            const { value, grads } = tf.variableGrads(() => fullLoss(params, xb, yb) as Scalar, params);
            optimizer.step(params, params.map((p) => grads[p.name]!));
            tf.dispose([indices, xb, yb, ...Object.values(grads)]);
            return value;
          }, { signal: options.signal });
          if (done % options.snapshotEvery === 0) {
            path.push(await flatten());
            onProgress?.(done);
          }
        }
      } finally {
        optimizer.dispose();
      }
      theta = await flatten();
      const [loss, accuracy] = tf.tidy(() => [
        fullLoss(params, x, oneHot),
        tf.mean(tf.cast(tf.equal(tf.argMax(mlpLogits(tf, params, x), 1), tf.argMax(oneHot, 1)), 'float32')),
      ]);
      const result = { loss: (await loss!.data())[0]!, accuracy: (await accuracy!.data())[0]! };
      tf.dispose([loss!, accuracy!]);
      return result;
    },
    async setPlane(kind) {
      if (plane) tf.dispose([...plane.parts, ...plane.p]);
      let d1: Float32Array;
      let d2: Float32Array;
      if (kind === 'pca') {
        [d1, d2] = principalDirections(path, theta).map(weightsOnly) as [Float32Array, Float32Array];
      } else {
        d1 = filterNormalize(gaussianDirection(theta.length, random), theta, layouts);
        d2 = filterNormalize(gaussianDirection(theta.length, random), theta, layouts);
      }
      const [dw1a, db1a, dw2a, db2a] = unflatten(d1);
      const [dw1b, db1b, dw2b, db2b] = unflatten(d2);
      // Bias directions are zero (weightsOnly / filter normalization): only weight parts are used.
      tf.dispose([db1a!, db2a!, db1b!, db2b!]);
      const parts = [dw1a!, dw2a!, dw1b!, dw2b!];
      const p = tf.tidy(() => [tf.add(tf.matMul(x, params[0]!), params[1]!), tf.matMul(x, dw1a!), tf.matMul(x, dw1b!)]);
      const w = weightsOnly(theta);
      plane = { parts, d1, d2, p, dots: planeDots(w, d1, d2) };
      const coordinates = path.map((point) => projectOntoPlane(point, theta, d1, d2));
      const reach = Math.max(...coordinates.flatMap(([a, b]) => [Math.abs(a), Math.abs(b)]));
      return { path: coordinates, extent: kind === 'pca' ? Math.max(0.1, 1.25 * reach) : 1 };
    },
    async grid(resolution, extent, onRow) {
      if (!plane) await this.setPlane('random');
      const { parts, p, dots } = plane!;
      const [dw2a, dw2b] = [parts[1]!, parts[3]!];
      return evaluateGrid(tf, { resolution, extent, lambda, dots, signal: options.signal, ...(onRow ? { onRow } : {}) }, (alphas, beta) =>
        tf.tidy(() => {
          const a3 = tf.reshape(alphas, [resolution, 1, 1]);
          const pre = tf.add(tf.expandDims(tf.add(p[0]!, tf.mul(beta, p[2]!)), 0), tf.mul(a3, tf.expandDims(p[1]!, 0)));
          const w2 = tf.add(tf.expandDims(tf.add(params[2]!, tf.mul(beta, dw2b)), 0), tf.mul(a3, tf.expandDims(dw2a, 0)));
          return dataLoss(tf, 'softmax', tf.add(tf.matMul(tf.relu(pre), w2), params[3]!), oneHot);
        }),
      );
    },
    async lossAt(a, b) {
      if (!plane) await this.setPlane('random');
      const point = theta.map((v, i) => v + a * plane!.d1[i]! + b * plane!.d2[i]!);
      const moved = unflatten(point);
      const loss = tf.tidy(() => fullLoss(moved, x, oneHot));
      const value = (await loss.data())[0]!;
      tf.dispose([loss, ...moved]);
      return value;
    },
    dispose() {
      if (plane) tf.dispose([...plane.parts, ...plane.p]);
      tf.dispose([...params, x, oneHot]);
    },
  };
}

