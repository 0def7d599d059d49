/**
 * Six optimizers training the same small MLP on MNIST: all start from the same seeded weights and
 * see the same minibatches, so their loss curves differ only by the update rule. Losses of one
 * step are stacked and read back once per `advance` call.
 */
import type { Scalar, Tensor, Tf, Variable } from '../../tf/types.ts';
import { createRandom } from '../random.ts';
import { yieldToEventLoop } from '../yield.ts';
import { createBatchSampler, initMlpWeights, mlpLogits, mlpVariables, mnistTensors, softmaxCrossEntropy } from '../mlp/mlp.ts';
import { createTfOptimizer, type TfOptimizer } from '../optimizers/tf-optimizer.ts';
import type { OptimizerName } from '../optimizers/update-rules.ts';
import { syncActiveRacers, type RacerSettings } from './surface-race.ts';

export interface MlpRacerState {
  name: OptimizerName;
  enabled: boolean;
  /** Training loss of every minibatch so far. */
  losses: number[];
  /** Exponential moving average of the loss (what the leaderboard shows). */
  smoothed: number;
  steps: number;
  diverged: boolean;
  /** Step at which the smoothed loss first fell below `target`. */
  reachedAt: number | undefined;
}

export interface MlpRace {
  advance(steps: number): Promise<void>;
  readonly racers: readonly MlpRacerState[];
  readonly step: number;
  /** Smoothed loss the leaderboard counts as "reached". */
  readonly target: number;
  dispose(): void;
}

export interface MlpRaceOptions {
  tf: Tf;
  images: Uint8Array;
  labels: Uint8Array;
  /** Digits [0, trainCount) are the training split. */
  trainCount: number;
  hidden: number;
  batchSize: number;
  seed: number;
  settings: () => readonly RacerSettings[];
  /** Yield to the event loop after each racer's step (main-thread backends). */
  yieldBetweenRacers?: boolean;
  target?: number;
}

export function createMlpRace(options: MlpRaceOptions): MlpRace {
  const { tf, hidden, batchSize } = options;
  const random = createRandom(options.seed);
  const weights = initMlpWeights(hidden, random);
  const nextBatch = createBatchSampler(options.trainCount, batchSize, random);
  const { x: trainX, y: trainY } = mnistTensors(tf, options.images, options.labels, 0, options.trainCount);
  const initial = options.settings();
  const params: Variable[][] = initial.map(() => mlpVariables(tf, weights));
  const optimizers: TfOptimizer[] = initial.map((r, i) => createTfOptimizer(tf, r.name, () => options.settings()[i]?.hyper ?? r.hyper));
  const target = options.target ?? 0.5;
  const racers: MlpRacerState[] = initial.map((r) => ({
    name: r.name,
    enabled: r.enabled,
    losses: [],
    smoothed: Number.NaN,
    steps: 0,
    diverged: false,
    reachedAt: undefined,
  }));
  let step = 0;

  return {
    racers,
    target,
    get step() {
      return step;
    },
    async advance(steps) {
      const active = syncActiveRacers(racers, options.settings());
      if (active.length === 0) return;
      const perStep: Tensor[] = [];
      for (let s = 0; s < steps; s++) {
        const indices = tf.tensor1d(nextBatch(), 'int32');
        const xb = tf.gather(trainX, indices);
        const yb = tf.tidy(() => tf.oneHot(tf.gather(trainY, indices), 10));
        const losses: Tensor[] = [];
        for (const i of active) {
          const { value, grads } = tf.variableGrads(() => softmaxCrossEntropy(tf, mlpLogits(tf, params[i]!, xb), yb) as Scalar, params[i]);
          optimizers[i]!.step(params[i]!, params[i]!.map((p) => grads[p.name]!));
          tf.dispose(grads);
          losses.push(value);
          if (options.yieldBetweenRacers) await yieldToEventLoop();
        }
        perStep.push(tf.stack(losses));
        tf.dispose([indices, xb, yb, ...losses]);
      }
      const stacked = tf.stack(perStep);
      tf.dispose(perStep);
      const values = await stacked.data();
      stacked.dispose();
      for (let s = 0; s < steps; s++) {
        active.forEach((i, k) => {
          const racer = racers[i]!;
          if (racer.diverged) return;
          const loss = values[s * active.length + k]!;
          racer.steps += 1;
          if (!Number.isFinite(loss) || loss > 1e3) {
            racer.diverged = true;
            racer.smoothed = Number.POSITIVE_INFINITY;
            return;
          }
          racer.losses.push(loss);
          racer.smoothed = Number.isNaN(racer.smoothed) ? loss : 0.95 * racer.smoothed + 0.05 * loss;
          if (racer.reachedAt === undefined && racer.steps >= 20 && racer.smoothed < target) racer.reachedAt = racer.steps;
        });
      }
      step += steps;
    },
    dispose() {
      for (const optimizer of optimizers) optimizer.dispose();
      for (const list of params) tf.dispose(list);
      tf.dispose([trainX, trainY]);
    },
  };
}
