/**
 * Features learned in the page: a small MLP (784 -> hidden ReLU -> 10, src/engines/mlp/mlp.ts)
 * trained with Adam on the training split, then the hidden layer's activations of the digits to
 * embed. A stand-in for the CNN codes of Lecture 12 until a CNN exists (issue #5): the same idea,
 * a distance measured in a space the network learned for classifying digits.
 */
import type { Scalar, Tf, Variable } from '../../tf/types.ts';
import { createRandom } from '../random.ts';
import { yieldToEventLoop } from '../yield.ts';
import { createBatchSampler, initMlpWeights, mlpLogits, mlpVariables, mnistTensors, softmaxCrossEntropy } from '../mlp/mlp.ts';
import { createTfOptimizer } from '../optimizers/tf-optimizer.ts';
import { DEFAULT_HYPERPARAMETERS } from '../optimizers/update-rules.ts';

export interface MlpFeatureOptions {
  tf: Tf;
  images: Uint8Array;
  labels: Uint8Array;
  /** Digits [0, trainCount) train the network; [trainCount, count) measure its accuracy. */
  trainCount: number;
  count: number;
  /** Digits [0, embedCount) get features. */
  embedCount: number;
  hidden: number;
  steps: number;
  batchSize: number;
  seed: number;
  yieldOften?: boolean | undefined;
  onStep?: ((step: number) => void) | undefined;
}

export interface MlpFeatures {
  /** Row-major [embedCount x hidden] ReLU activations. */
  features: Float32Array;
  dim: number;
  /** Accuracy on the held-out digits after training. */
  testAccuracy: number;
}

export async function mlpFeatures(options: MlpFeatureOptions): Promise<MlpFeatures> {
  const { tf, hidden } = options;
  const random = createRandom(options.seed);
  const params: Variable[] = mlpVariables(tf, initMlpWeights(hidden, random));
  const optimizer = createTfOptimizer(tf, 'adam', () => ({ ...DEFAULT_HYPERPARAMETERS, lr: 0.002 }));
  const nextBatch = createBatchSampler(options.trainCount, options.batchSize, random);
  const train = mnistTensors(tf, options.images, options.labels, 0, options.trainCount);
  try {
    for (let step = 1; step <= options.steps; step++) {
      tf.tidy(() => {
        const indices = tf.tensor1d(nextBatch(), 'int32');
        const x = tf.gather(train.x, indices);
        const y = tf.oneHot(tf.gather(train.y, indices), 10);
        const { value, grads } = tf.variableGrads(() => softmaxCrossEntropy(tf, mlpLogits(tf, params, x), y) as Scalar, params);
        optimizer.step(params, params.map((p) => grads[p.name]!));
        value.dispose();
      });
      if (step % 25 === 0 || step === options.steps) {
        options.onStep?.(step);
        if (options.yieldOften) await yieldToEventLoop();
      }
    }
    const testAccuracy = await accuracy(tf, params, options.images, options.labels, options.trainCount, options.count);
    const features = new Float32Array(options.embedCount * hidden);
    const rows = 2000;
    for (let start = 0; start < options.embedCount; start += rows) {
      const end = Math.min(options.embedCount, start + rows);
      const activations = tf.tidy(() => {
        const { x } = mnistTensors(tf, options.images, options.labels, start, end);
        return tf.relu(tf.add(tf.matMul(x, params[0]!), params[1]!));
      });
      features.set(await activations.data(), start * hidden);
      activations.dispose();
      if (options.yieldOften) await yieldToEventLoop();
    }
    return { features, dim: hidden, testAccuracy };
  } finally {
    optimizer.dispose();
    tf.dispose([...params, train.x, train.y]);
  }
}

async function accuracy(tf: Tf, params: Variable[], images: Uint8Array, labels: Uint8Array, start: number, end: number): Promise<number> {
  if (end <= start) return Number.NaN;
  const predicted = tf.tidy(() => tf.argMax(mlpLogits(tf, params, mnistTensors(tf, images, labels, start, end).x), 1));
  const values = await predicted.data();
  predicted.dispose();
  let correct = 0;
  values.forEach((label, i) => (correct += label === labels[start + i] ? 1 : 0));
  return correct / (end - start);
}
