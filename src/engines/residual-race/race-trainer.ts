/**
 * The race: a plain and a residual net of the same depth trained side by side, step for step, on
 * the same minibatches (one seeded sampler) with SGD and momentum 0.9. Each step reads both
 * training losses; on request, the L2 norm of the loss gradient of every main-path layer's
 * weights (He et al.'s question: does the gradient reach the early layers?); evaluate() measures
 * the held-out accuracy of both.
 *
 * Lifecycle: variables and their momentum buffers live until dispose(); every step disposes
 * what it made, so the tensor count stays flat from the first step on.
 */
import type { Scalar, Tensor, Tf } from '../../tf/types.ts';
import { runSliced } from '../../tf/slices.ts';
import { createBatchSampler } from '../mlp/mlp.ts';
import { createRandom } from '../random.ts';
import { CLASSES, createRaceNet, mainPathLayers, raceNetSpec, SIDE, type NetKind, type RaceNet } from './race-net.ts';

export const KINDS: readonly NetKind[] = ['plain', 'residual'];
const MOMENTUM = 0.9;

export interface RaceOptions {
  tf: Tf;
  /** Training digits, 14×14 in [0, 1], and their labels. */
  train: { images: Float32Array; labels: Uint8Array };
  heldOut: { images: Float32Array; labels: Uint8Array };
  depth: number;
  batchNorm: boolean;
  seed: number;
  batchSize: number;
  learningRate: number;
  signal?: AbortSignal | undefined;
}

export interface StepRecord {
  losses: Record<NetKind, number>;
  norms?: Record<NetKind, number[]>;
}

export function createRaceTrainer(options: RaceOptions) {
  const { tf, batchSize } = options;
  const spec = raceNetSpec(options.depth);
  const layers = mainPathLayers(spec);
  const nets: RaceNet[] = KINDS.map((kind) => createRaceNet(tf, spec, kind, { seed: options.seed, batchNorm: options.batchNorm }));
  // SGD with momentum, written out (v ← 0.9·v + ∇W, W ← W − lr·v): one velocity per variable.
  const velocities = nets.map((net) => net.variables.map((v) => tf.tidy(() => tf.variable(tf.zerosLike(v), false))));
  const trainCount = options.train.labels.length;
  const trainX = tf.tensor4d(options.train.images, [trainCount, SIDE, SIDE, 1]);
  const trainY = tf.tensor1d(Int32Array.from(options.train.labels), 'int32');
  const nextBatch = createBatchSampler(trainCount, batchSize, createRandom(options.seed));
  let step = 0;
  let disposed = false;

  const lossOf = (net: RaceNet, xb: Tensor, yb: Tensor) => tf.losses.softmaxCrossEntropy(yb, net.scores(xb)) as Scalar;

  /** One step of both nets on one minibatch: [loss plain, loss residual, (norms plain…, norms residual…)]. */
  const oneStep = (withNorms: boolean): Tensor => tf.tidy(() => {
    if (disposed) throw new DOMException('The race was disposed.', 'AbortError');
    const indices = tf.tensor1d(nextBatch(), 'int32');
    const xb = tf.gather(trainX, indices);
    const yb = tf.oneHot(tf.gather(trainY, indices), CLASSES);
    const losses: Tensor[] = [];
    const norms: Tensor[] = [];
    nets.forEach((net, i) => {
      const { value, grads } = tf.variableGrads(() => lossOf(net, xb, yb), net.variables);
      if (withNorms) norms.push(...net.mainWeights.map((w) => tf.norm(grads[w.name]!)));
      net.variables.forEach((w, k) => {
        const velocity = velocities[i]![k]!;
        const next = tf.add(tf.mul(velocity, MOMENTUM), grads[w.name]!);
        velocity.assign(next);
        w.assign(tf.sub(w, tf.mul(next, options.learningRate)));
      });
      losses.push(value);
    });
    step += 1;
    return tf.stack([...losses, ...norms]);
  });

  return {
    spec,
    layers,
    get step() {
      return step;
    },
    /** `count` steps; norms are read at the steps `wantNorms` picks. */
    async train(count: number, wantNorms: (step: number) => boolean, onStep: (record: StepRecord) => void): Promise<void> {
      await runSliced(tf, count, () => oneStep(wantNorms(step)), {
        signal: options.signal,
        onValues(values) {
          const record: StepRecord = { losses: { plain: values[0]!, residual: values[1]! } };
          if (values.length > 2) {
            const n = layers.length;
            record.norms = { plain: Array.from(values.subarray(2, 2 + n)), residual: Array.from(values.subarray(2 + n, 2 + 2 * n)) };
          }
          onStep(record);
        },
      });
    },
    /** Held-out accuracy of both nets (batch norm uses the held-out batch's statistics). */
    async evaluate(): Promise<Record<NetKind, number>> {
      const count = options.heldOut.labels.length;
      const correct = tf.tidy(() => {
        const x = tf.tensor4d(options.heldOut.images, [count, SIDE, SIDE, 1]);
        const y = tf.tensor1d(Int32Array.from(options.heldOut.labels), 'int32');
        return tf.stack(nets.map((net) => tf.sum(tf.cast(tf.equal(tf.argMax(net.scores(x), 1), y), 'float32'))));
      });
      const values = await correct.data();
      correct.dispose();
      options.signal?.throwIfAborted();
      return { plain: values[0]! / count, residual: values[1]! / count };
    },
    dispose() {
      disposed = true;
      tf.dispose(velocities.flat());
      nets.forEach((n) => n.dispose());
      tf.dispose([trainX, trainY]);
    },
  };
}

export type RaceTrainer = ReturnType<typeof createRaceTrainer>;
