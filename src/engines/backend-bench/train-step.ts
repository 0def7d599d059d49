/**
 * One training step of a small MLP (256 → 64 → 64 → 64 → 10, batch 32, softmax loss, plain SGD)
 * taken two ways, to measure what dispatching many small ops costs:
 *
 * - eager: every op dispatched on its own as the code runs (matMul, add, relu per layer), the
 *   gradient found by replaying the tape op by op: what a dynamic-graph framework does;
 * - fused: each layer one fused op (matMul + bias + ReLU), no tape, and the backward pass written
 *   out once by hand as one gradient function: what a static-graph compiler gets to do.
 *
 * Both compute the same loss and the same gradients (gradientGap() checks it) and apply the same
 * update, so any difference in time is the cost of the extra kernels.
 */
import type { Tensor, Tf, Variable } from '../../tf/types.ts';
import { createRandom } from '../random.ts';

type Tensor2D = import('@tensorflow/tfjs-core').Tensor2D;

export const TRAIN_DIMS = [256, 64, 64, 64, 10] as const;
export const TRAIN_BATCH = 32;
const LEARNING_RATE = 0.01;

export type StepMode = 'eager' | 'fused';

export interface TrainSteps {
  /** Queues one step of the given kind and returns its loss (the caller disposes it). */
  step(mode: StepMode): Tensor;
  /** The largest difference between the two ways' gradients at the current weights. */
  gradientGap(): Promise<number>;
  dispose(): void;
}

export function createTrainSteps(tf: Tf, seed: number): TrainSteps {
  const random = createRandom(seed);
  const normal = (rows: number, cols: number, scale: number) => Float32Array.from({ length: rows * cols }, () => random.normal() * scale);
  const layers = TRAIN_DIMS.length - 1;
  const weights: Variable[] = [];
  const biases: Variable[] = [];
  for (let l = 0; l < layers; l++) {
    const [fanIn, fanOut] = [TRAIN_DIMS[l]!, TRAIN_DIMS[l + 1]!];
    const w = normal(fanIn, fanOut, Math.sqrt(2 / fanIn));
    // Inside tidy: a variable keeps its value, tidy frees the tensor it was made from.
    weights.push(tf.tidy(() => tf.variable(tf.tensor2d(w, [fanIn, fanOut]))));
    biases.push(tf.tidy(() => tf.variable(tf.zeros([fanOut]))));
  }
  const params = weights.flatMap((w, l) => [w, biases[l]!]);
  const x = tf.tensor2d(normal(TRAIN_BATCH, TRAIN_DIMS[0], 1), [TRAIN_BATCH, TRAIN_DIMS[0]]);
  const classes = TRAIN_DIMS[layers]!;
  const labels = Int32Array.from({ length: TRAIN_BATCH }, () => random.int(classes));
  const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), classes), 'float32'));

  const eagerLoss = () => {
    let h: Tensor = x;
    for (let l = 0; l < layers; l++) {
      const z = tf.add(tf.matMul(h as Tensor2D, weights[l]! as Tensor2D), biases[l]!);
      h = l < layers - 1 ? tf.relu(z) : z;
    }
    return tf.mean(tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(h)), 1))) as import('@tensorflow/tfjs-core').Scalar;
  };

  // The fused way runs with no gradient tape (tfjs fuses the ReLU into matMul only then): the
  // backward pass below is the gradient function a tf.customGrad would hold, written out once.
  const fusedGradients = () => {
    const activations: Tensor[] = [x];
    for (let l = 0; l < layers; l++) {
      activations.push(tf.fused.matMul({ a: activations[l]! as Tensor2D, b: weights[l]! as Tensor2D, bias: biases[l]!, activation: l < layers - 1 ? 'relu' : 'linear' }));
    }
    const logProbabilities = tf.logSoftmax(activations[layers]!);
    const value = tf.neg(tf.mean(tf.sum(tf.mul(y, logProbabilities), 1)));
    // d loss / d logits of a mean softmax loss: (softmax − y) / batch.
    let dz = tf.div(tf.sub(tf.exp(logProbabilities), y), TRAIN_BATCH);
    const grads: Tensor[] = [];
    for (let l = layers - 1; l >= 0; l--) {
      const h = activations[l]!;
      grads.unshift(tf.matMul(h as Tensor2D, dz as Tensor2D, true, false), tf.sum(dz, 0));
      // ReLU passes the gradient where its output was positive.
      if (l > 0) dz = tf.mul(tf.matMul(dz as Tensor2D, weights[l]! as Tensor2D, false, true), tf.step(h));
    }
    return { value, grads: Object.fromEntries(params.map((p, i) => [p.name, grads[i]!])) };
  };

  const gradients = (mode: StepMode) => (mode === 'eager' ? tf.variableGrads(eagerLoss, params) : fusedGradients());

  return {
    step(mode) {
      return tf.tidy(() => {
        const { value, grads } = gradients(mode);
        for (const p of params) p.assign(tf.sub(p, tf.mul(grads[p.name]!, LEARNING_RATE)));
        return value;
      });
    },
    async gradientGap() {
      const gap = tf.tidy(() => {
        const eager = gradients('eager');
        const fused = gradients('fused');
        const differences = params.map((p) => tf.max(tf.abs(tf.sub(eager.grads[p.name]!, fused.grads[p.name]!))));
        return tf.max(tf.stack([...differences, tf.abs(tf.sub(eager.value, fused.value))]));
      });
      try {
        return (await gap.data())[0]!;
      } finally {
        gap.dispose();
      }
    },
    dispose() {
      tf.dispose([...params, x, y]);
    },
  };
}
