/** The optimizer race's readouts: leaderboard rows, summaries, start point, exports (pure, unit-tested). */
import { OPTIMIZERS, OPTIMIZER_LABELS, type Hyperparameters, type OptimizerName } from '../../engines/optimizers/update-rules.ts';
import { seriesColor } from '../../views/colors.ts';
import type { LeaderboardRow } from '../../views/optimizer-race/leaderboard.ts';
import { toCsv } from '../export.ts';

interface Racer {
  name: OptimizerName;
  enabled: boolean;
  diverged: boolean;
  steps: number;
  reachedAt: number | undefined;
}

export const racerColor = (name: OptimizerName): string => seriesColor(OPTIMIZERS.indexOf(name));

/** The leaderboard's rows; `loss` is what the board ranks by (f − f* on a surface, smoothed loss on the MLP). */
export function leaderboardRows<R extends Racer>(racers: readonly R[], loss: (racer: R) => number): LeaderboardRow[] {
  return racers.map((r) => ({
    name: r.name,
    label: OPTIMIZER_LABELS[r.name],
    color: racerColor(r.name),
    loss: loss(r),
    steps: r.steps,
    reachedAt: r.reachedAt,
    diverged: r.diverged,
    enabled: r.enabled,
  }));
}

export function describeSurfaceRace(surface: { label: string; minimum: number }, step: number, racers: readonly (Racer & { loss: number })[]): string {
  const leader = racers.filter((r) => r.enabled && !r.diverged).sort((a, b) => a.loss - b.loss)[0];
  const diverged = racers.filter((r) => r.diverged).map((r) => OPTIMIZER_LABELS[r.name]);
  return `${surface.label}, step ${step}. ${leader ? `Lowest: ${OPTIMIZER_LABELS[leader.name]} at f = ${leader.loss.toPrecision(4)} (minimum ${surface.minimum.toPrecision(4)}).` : 'No optimizer is running.'}${diverged.length ? ` Diverged: ${diverged.join(', ')}.` : ''}`;
}

export function describeMlpRace(step: number, racers: readonly (Racer & { smoothed: number })[]): string {
  const leader = racers.filter((r) => r.enabled && !r.diverged && Number.isFinite(r.smoothed)).sort((a, b) => a.smoothed - b.smoothed)[0];
  return `MLP on MNIST, step ${step}. ${leader ? `Lowest smoothed loss: ${OPTIMIZER_LABELS[leader.name]} at ${leader.smoothed.toFixed(3)}.` : ''}`;
}

/** The start point inside the surface's drawn range. */
export function startPoint(x: number, y: number, surface: { x: [number, number]; y: [number, number] }): [number, number] {
  const clamp = (value: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, value));
  return [clamp(x, surface.x), clamp(y, surface.y)];
}

type Hypers = readonly { name: OptimizerName; hyper: Hyperparameters }[];

export function surfaceExport(problem: string, start: [number, number], racers: readonly (Racer & { trail: [number, number][] })[], hypers: Hypers, value: (x: number, y: number) => number): { csv: string; json: unknown } {
  const rows: (string | number)[][] = [];
  for (const r of racers) r.trail.forEach(([x, y], step) => rows.push([r.name, step, x, y, value(x, y)]));
  return {
    csv: toCsv(['optimizer', 'step', 'x', 'y', 'f'], rows),
    json: { problem, start, racers: racers.map((r) => ({ name: r.name, hyper: hypers.find((s) => s.name === r.name)?.hyper, steps: r.steps, diverged: r.diverged, reachedAt: r.reachedAt ?? null, trail: r.trail })) },
  };
}

export function mlpExport(problem: string, seed: number, racers: readonly (Racer & { losses: number[] })[], hypers: Hypers): { csv: string; json: unknown } {
  const rows: (string | number)[][] = [];
  for (const r of racers) r.losses.forEach((loss, step) => rows.push([r.name, step + 1, loss]));
  return {
    csv: toCsv(['optimizer', 'step', 'loss'], rows),
    json: { problem, seed, racers: racers.map((r) => ({ name: r.name, hyper: hypers.find((s) => s.name === r.name)?.hyper, diverged: r.diverged, reachedAt: r.reachedAt ?? null, losses: r.losses })) },
  };
}
