/**
 * Six optimizers racing on a 2-D surface. Each racer holds its position in a tf.Variable and its
 * own optimizer state; gradients come from tfjs autodiff of the surface. `advance(n)` runs n steps
 * in awaited slices (src/tf/slices.ts): each step's positions are read back with `await data()`
 * (never a sync read) before the next slice is queued, and a fired signal stops it.
 */
import type { Tensor, Tf, Variable } from '../../tf/types.ts';
import { runSliced } from '../../tf/slices.ts';
import { createTfOptimizer, type TfOptimizer } from '../optimizers/tf-optimizer.ts';
import type { Hyperparameters, OptimizerName } from '../optimizers/update-rules.ts';
import type { Surface } from '../optimizers/surfaces.ts';

export interface RacerSettings {
  name: OptimizerName;
  enabled: boolean;
  hyper: Hyperparameters;
}

export interface RacerState {
  name: OptimizerName;
  enabled: boolean;
  /** Every position so far, starting with the start point. */
  trail: [number, number][];
  loss: number;
  steps: number;
  diverged: boolean;
  /** Step at which f - minimum first fell below the surface's tolerance. */
  reachedAt: number | undefined;
}

export interface SurfaceRace {
  advance(steps: number): Promise<void>;
  readonly racers: readonly RacerState[];
  readonly step: number;
  dispose(): void;
}

export function createSurfaceRace(options: {
  tf: Tf;
  surface: Surface;
  start: [number, number];
  /** Read at every step, so the reader can retune a running race. */
  settings: () => readonly RacerSettings[];
  /** Stops between slices (the run ended): advance() throws an AbortError. */
  signal?: AbortSignal | undefined;
}): SurfaceRace {
  const { tf, surface, start } = options;
  const initial = options.settings();
  const gradient = tf.grad((p: Tensor) => surface.tfValue(tf, p));
  const limit = 1e3 * Math.max(surface.x[1] - surface.x[0], surface.y[1] - surface.y[0]);
  const racers: RacerState[] = initial.map((r) => ({
    name: r.name,
    enabled: r.enabled,
    trail: [[...start]],
    loss: surface.value(start[0], start[1]),
    steps: 0,
    diverged: false,
    reachedAt: undefined,
  }));
  const positions: Variable[] = initial.map(() => tf.tidy(() => tf.variable(tf.tensor1d(start), true)));
  const optimizers: TfOptimizer[] = initial.map((r, i) =>
    createTfOptimizer(tf, r.name, () => options.settings()[i]?.hyper ?? r.hyper),
  );
  let step = 0;

  return {
    racers,
    get step() {
      return step;
    },
    async advance(steps) {
      const active = syncActiveRacers(racers, options.settings());
      if (active.length === 0 || steps < 1) return;
      // One step: every active racer moves; its result is their positions, [active x 2].
      await runSliced(tf, steps, () => {
        for (const i of active) {
          const position = positions[i]!;
          const g = tf.tidy(() => gradient(position));
          optimizers[i]!.step([position], [g]);
          g.dispose();
        }
        return tf.tidy(() => tf.stack(active.map((i) => positions[i]!)));
      }, {
        signal: options.signal,
        onValues: (values) => {
          active.forEach((i, k) => {
            const racer = racers[i]!;
            if (racer.diverged) return;
            const x = values[k * 2]!;
            const y = values[k * 2 + 1]!;
            racer.steps += 1;
            if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > limit || Math.abs(y) > limit) {
              racer.diverged = true;
              racer.loss = Number.POSITIVE_INFINITY;
              return;
            }
            racer.trail.push([x, y]);
            racer.loss = surface.value(x, y);
            if (racer.reachedAt === undefined && racer.loss - surface.minimum < surface.tolerance) racer.reachedAt = racer.steps;
          });
          step += 1;
        },
      });
    },
    dispose() {
      for (const optimizer of optimizers) optimizer.dispose();
      for (const position of positions) position.dispose();
    },
  };
}

/** Applies the on/off settings to the racers; returns the indices of those that still race. */
export function syncActiveRacers(racers: { enabled: boolean; diverged: boolean }[], settings: readonly RacerSettings[]): number[] {
  racers.forEach((racer, i) => (racer.enabled = settings[i]?.enabled ?? racer.enabled));
  return racers.map((r, i) => (r.enabled && !r.diverged ? i : -1)).filter((i) => i >= 0);
}
