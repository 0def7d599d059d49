/**
 * A small multilayer perceptron for MNIST: 784 -> hidden (ReLU) -> 10, softmax cross-entropy.
 * Weights are initialised from a seed (He initialisation), so every run can be reproduced and
 * several optimizers can start from exactly the same point.
 */
import type { Tensor, Tf, Variable } from '../../tf/types.ts';
import type { Random } from '../random.ts';

export interface MlpWeights {
  /** [784 x hidden], [hidden], [hidden x 10], [10], row-major. */
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
  hidden: number;
}

export const MNIST_INPUTS = 784;
export const MNIST_CLASSES = 10;

export function initMlpWeights(hidden: number, random: Random): MlpWeights {
  const he = (fanIn: number, size: number) => Float32Array.from({ length: size }, () => random.normal() * Math.sqrt(2 / fanIn));
  return {
    w1: he(MNIST_INPUTS, MNIST_INPUTS * hidden),
    b1: new Float32Array(hidden),
    w2: he(hidden, hidden * MNIST_CLASSES),
    b2: new Float32Array(MNIST_CLASSES),
    hidden,
  };
}

/** The weights as trainable variables, in the order [w1, b1, w2, b2]. */
export function mlpVariables(tf: Tf, weights: MlpWeights): Variable[] {
  return tf.tidy(() => [
    tf.variable(tf.tensor2d(weights.w1, [MNIST_INPUTS, weights.hidden])),
    tf.variable(tf.tensor1d(weights.b1)),
    tf.variable(tf.tensor2d(weights.w2, [weights.hidden, MNIST_CLASSES])),
    tf.variable(tf.tensor1d(weights.b2)),
  ]);
}

export function mlpLogits(tf: Tf, params: readonly Tensor[], x: Tensor): Tensor {
  const [w1, b1, w2, b2] = params as [Tensor, Tensor, Tensor, Tensor];
  return tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1), b1)), w2), b2);
}

/** Mean softmax cross-entropy of logits [N x C] against one-hot labels [N x C]. */
export function softmaxCrossEntropy(tf: Tf, logits: Tensor, oneHot: Tensor): Tensor {
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), 1)));
}

/** Pixels 0-255 as floats 0-1, and labels, for a contiguous range of digits. */
export function mnistTensors(tf: Tf, images: Uint8Array, labels: Uint8Array, start: number, end: number): { x: Tensor; y: Tensor } {
  return tf.tidy(() => ({
    x: tf.div(tf.tensor2d(images.subarray(start * MNIST_INPUTS, end * MNIST_INPUTS), [end - start, MNIST_INPUTS], 'float32'), 255),
    y: tf.tensor1d(labels.subarray(start, end), 'int32'),
  }));
}

/** Minibatch indices drawn with replacement-free epochs from a seeded generator. */
export function createBatchSampler(count: number, batchSize: number, random: Random): () => Int32Array {
  let order: Int32Array = new Int32Array(0);
  let cursor = count;
  return () => {
    const batch = new Int32Array(batchSize);
    for (let i = 0; i < batchSize; i++) {
      if (cursor >= count) {
        order = Int32Array.from({ length: count }, (_, k) => k);
        for (let k = count - 1; k > 0; k--) {
          const j = random.int(k + 1);
          [order[k], order[j]] = [order[j]!, order[k]!];
        }
        cursor = 0;
      }
      batch[i] = order[cursor++]!;
    }
    return batch;
  };
}
