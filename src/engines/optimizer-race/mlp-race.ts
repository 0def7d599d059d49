/**
 * Six optimizers training the same small MLP on MNIST: all start from the same seeded weights and
 * see the same minibatches, so their loss curves differ only by the update rule. One racer's
 * update is one step of awaited slices (src/tf/slices.ts): on wasm a slice holds as many as fit
 * in a frame, on a GPU at most about a frame of work is in flight; a fired signal stops them.
 */
import type { Scalar, Tensor, Tf, Variable } from '../../tf/types.ts';
import { runSliced } from '../../tf/slices.ts';
import { createRandom } from '../random.ts';
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
  /** Stops between slices (the run ended): advance() throws an AbortError. */
  signal?: AbortSignal | undefined;
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

  /** One racer's loss for the current step; the last racer's closes the step. */
  const record = (i: number, loss: number, last: boolean) => {
    const racer = racers[i]!;
    if (!racer.diverged) {
      racer.steps += 1;
      if (!Number.isFinite(loss) || loss > 1e3) {
        racer.diverged = true;
        racer.smoothed = Number.POSITIVE_INFINITY;
      } else {
        racer.losses.push(loss);
        racer.smoothed = Number.isNaN(racer.smoothed) ? loss : 0.95 * racer.smoothed + 0.05 * loss;
        if (racer.reachedAt === undefined && racer.steps >= 20 && racer.smoothed < target) racer.reachedAt = racer.steps;
      }
    }
    if (last) step += 1;
  };

  return {
    racers,
    target,
    get step() {
      return step;
    },
    async advance(steps) {
      const active = syncActiveRacers(racers, options.settings());
      if (active.length === 0) return;
      // Step s of the race is steps s * A .. s * A + A - 1 here (A active racers): the first one
      // draws the minibatch that all of them see, the last one frees it.
      let batch: { indices: Tensor; xb: Tensor; yb: Tensor } | undefined;
      const disposeBatch = () => {
        if (batch) tf.dispose([batch.indices, batch.xb, batch.yb]);
        batch = undefined;
      };
      try {
        await runSliced(tf, steps * active.length, (index) => {
          const k = index % active.length;
          if (k === 0) {
            const indices = tf.tensor1d(nextBatch(), 'int32');
            batch = { indices, xb: tf.gather(trainX, indices), yb: tf.tidy(() => tf.oneHot(tf.gather(trainY, indices), 10)) };
          }
          const { xb, yb } = batch!;
          const i = active[k]!;
          const { value, grads } = tf.variableGrads(() => softmaxCrossEntropy(tf, mlpLogits(tf, params[i]!, xb), yb) as Scalar, params[i]);
          optimizers[i]!.step(params[i]!, params[i]!.map((p) => grads[p.name]!));
          tf.dispose(grads);
          if (k === active.length - 1) disposeBatch();
          return value;
        }, { signal: options.signal, onValues: (values, index) => record(active[index % active.length]!, values[0]!, index % active.length === active.length - 1) });
      } finally {
        disposeBatch();
      }
    },
    dispose() {
      for (const optimizer of optimizers) optimizer.dispose();
      for (const list of params) tf.dispose(list);
      tf.dispose([trainX, trainY]);
    },
  };
}
