/**
 * Training the ConvNet on MNIST with Adam: minibatches from a seeded sampler, optional random
 * affine augmentation, a learning rate that decays exponentially, and the held-out accuracy
 * measured on request. Used by the viewer's "train from scratch", the training script that
 * produces the shipped weights, and the benchmark, so all three train the same way.
 *
 * Lifecycle: created with initial weights (tf.Variables live until dispose()); train(n) runs n
 * steps in awaited slices (src/tf/slices.ts), reading each step's loss; evaluate() classifies the
 * held-out digits. When the signal fires, both stop at their next slice with an AbortError.
 */
import type { Scalar, Tensor, Tf, Variable } from '../../tf/types.ts';
import { createBatchSampler } from '../mlp/mlp.ts';
import { createTfOptimizer, type TfOptimizer } from '../optimizers/tf-optimizer.ts';
import { DEFAULT_HYPERPARAMETERS } from '../optimizers/update-rules.ts';
import { createRandom } from '../random.ts';
import { abortError } from '../../tf/worker-protocol.ts';
import { runSliced } from '../../tf/slices.ts';
import { PARAMETER_NAMES, CLASSES, type CnnWeights, type ParameterName } from './architecture.ts';
import { DEFAULT_AUGMENTATION, augmentBatch } from './augment.ts';
import { cnnScores, cnnVariables, digitBatch, readCnnWeights } from './cnn-model.ts';
import { countCorrect, predictDigits } from './evaluate.ts';

export interface TrainingSchedule {
  /** Adam's learning rate α at step 0. */
  learningRate: number;
  /** α is multiplied by this every 100 steps: α_t = α · decay^(t/100). */
  decay: number;
  augment: boolean;
}

export interface CnnTrainerOptions {
  tf: Tf;
  images: Uint8Array;
  labels: Uint8Array;
  /** Digits [0, trainCount) are the training split. */
  trainCount: number;
  /** The held-out digits evaluate() classifies. */
  heldOut: { start: number; count: number };
  initial: CnnWeights;
  seed: number;
  batchSize: number;
  /** Read at every step, so the reader can change it while training runs. */
  schedule: () => TrainingSchedule;
  /** Ends training and evaluation at their next slice (the run was reset or removed). */
  signal?: AbortSignal | undefined;
}

export interface Evaluation {
  step: number;
  accuracy: number;
  correct: number;
}

export interface CnnTrainer {
  readonly params: Record<ParameterName, Variable>;
  readonly step: number;
  /** Training loss of every minibatch so far. */
  readonly losses: readonly number[];
  readonly evaluations: readonly Evaluation[];
  train(steps: number): Promise<void>;
  evaluate(): Promise<Evaluation>;
  weights(): Promise<CnnWeights>;
  learningRateAt(step: number): number;
  dispose(): void;
}

export function createCnnTrainer(options: CnnTrainerOptions): CnnTrainer {
  const { tf, batchSize } = options;
  const random = createRandom(options.seed);
  const nextBatch = createBatchSampler(options.trainCount, batchSize, random);
  const params = cnnVariables(tf, options.initial);
  const list: Variable[] = PARAMETER_NAMES.map((name) => params[name]);
  const trainX = digitBatch(tf, options.images, 0, options.trainCount);
  const trainY = tf.tensor1d(options.labels.subarray(0, options.trainCount), 'int32');
  const learningRateAt = (t: number) => {
    const { learningRate, decay } = options.schedule();
    return learningRate * decay ** (t / 100);
  };
  let step = 0;
  const optimizer: TfOptimizer = createTfOptimizer(tf, 'adam', () => ({ ...DEFAULT_HYPERPARAMETERS, lr: learningRateAt(step) }));
  const losses: number[] = [];
  const evaluations: Evaluation[] = [];
  // A trainer disposed between two slices of train() must not step on freed variables.
  let disposed = false;

  return {
    params,
    get step() {
      return step;
    },
    losses,
    evaluations,
    learningRateAt,
    async train(steps) {
      const oneStep = (): Tensor => {
        if (disposed) throw abortError('The trainer was disposed.');
        const augment = options.schedule().augment;
        const indices = tf.tensor1d(nextBatch(), 'int32');
        const raw = tf.gather(trainX, indices);
        const xb = augment ? augmentBatch(tf, raw, DEFAULT_AUGMENTATION, random) : raw;
        const yb = tf.tidy(() => tf.oneHot(tf.gather(trainY, indices), CLASSES));
        const { value, grads } = tf.variableGrads(() => tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(yb, tf.logSoftmax(cnnScores(tf, params, xb))), 1)))) as Scalar, list);
        optimizer.step(list, list.map((p) => grads[p.name]!));
        step += 1;
        tf.dispose([indices, raw, xb, yb, grads]);
        return value;
      };
      await runSliced(tf, steps, oneStep, { signal: options.signal, onValues: (loss) => losses.push(loss[0]!) });
    },
    async evaluate() {
      const { start, count } = options.heldOut;
      const predictions = await predictDigits(tf, params, options.images, start, count, { signal: options.signal });
      const correct = countCorrect(predictions, options.labels, start);
      const evaluation = { step, accuracy: correct / count, correct };
      evaluations.push(evaluation);
      return evaluation;
    },
    weights: () => readCnnWeights(options.initial.architecture, params),
    dispose() {
      disposed = true;
      optimizer.dispose();
      tf.dispose([...list, trainX, trainY]);
    },
  };
}
