/**
 * Which cases of the suite fit this machine. Sizes grow within each op, so the throughput
 * measured at the last size predicts the next one's time; a case whose single run would
 * exceed the cap, or whose warm-up and samples would overrun the backend's time budget, is
 * skipped with the reason (a plain-JavaScript backend would otherwise take minutes on a 2048
 * product). With nothing measured yet on the backend, the case runs: the suite starts small.
 */
import { opFlops, type BenchCase } from './cases.ts';
import { WARM_UP_RUNS } from './measure.ts';
import type { OpResult } from './results.ts';

export interface PlanLimits {
  /** Longest single run allowed, ms. */
  runCapMs: number;
  /** Time the whole suite may take on one backend, ms. */
  budgetMs: number;
  repeats: number;
  targetSampleMs: number;
}

/** Rough time of one training-step case (alternating two ways, tiny layers), ms. */
const TRAIN_CASE_MS = 1500;

export type Plan = { run: true } | { run: false; reason: string };

/** One run's predicted time in ms from this backend's results so far (undefined: no idea yet). */
export function predictRunMs(c: BenchCase, measured: readonly OpResult[]): number | undefined {
  if (c.kind !== 'op') return undefined;
  const same = measured.filter((r) => r.op === c.op);
  const basis = same.length > 0 ? same.reduce((a, b) => (b.size > a.size ? b : a)) : measured.reduce<OpResult | undefined>((a, b) => (!a || b.gflops > a.gflops ? b : a), undefined);
  if (!basis) return undefined;
  return opFlops(c.op, c.size) / (basis.gflops * 1e6);
}

export function planCase(c: BenchCase, measured: readonly OpResult[], spentMs: number, limits: PlanLimits): Plan {
  const left = limits.budgetMs - spentMs;
  if (c.kind === 'train') return TRAIN_CASE_MS <= left ? { run: true } : { run: false, reason: budgetReason(limits) };
  const runMs = predictRunMs(c, measured);
  if (runMs === undefined) return left > 0 ? { run: true } : { run: false, reason: budgetReason(limits) };
  if (runMs > limits.runCapMs) {
    return { run: false, reason: `one run would take about ${formatMs(runMs)} here, over the ${formatMs(limits.runCapMs)} cap per run` };
  }
  const caseMs = (WARM_UP_RUNS + limits.repeats) * Math.max(runMs, limits.targetSampleMs);
  return caseMs <= left ? { run: true } : { run: false, reason: budgetReason(limits) };
}

function budgetReason(limits: PlanLimits): string {
  return `the ${formatMs(limits.budgetMs)} time budget for this backend would be spent`;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toPrecision(2))} s` : `${Number(ms.toPrecision(2))} ms`;
}
