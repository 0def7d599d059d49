/** The kNN demo's readouts, as pure functions of the session (unit-tested with exact strings). */
import { foldStatistics, type SessionState } from '../../engines/knn/session.ts';
import type { LoopMethod, TimingReply } from '../../engines/knn/knn-engine.ts';

export const METHOD_NAMES: Record<LoopMethod, string> = { two: 'two loops', one: 'one loop', none: 'no loops' };

const count = (n: number) => n.toLocaleString('en-US');
const percent = (a: number) => `${(100 * a).toFixed(1)}%`;

export function describeSession(state: SessionState | undefined, trainCount: number, metric: 'l1' | 'l2'): string {
  if (!state) return 'Starting…';
  const name = metric.toUpperCase();
  if (state.phase === 'timing') return `Timing the distance computations: ${state.timings.map((t) => `${METHOD_NAMES[t.method]} ${formatMs(t.ms)}`).join(', ') || 'starting'}.`;
  const folds = state.folds.length;
  const cv = `${folds}-fold cross-validation of k on ${count(trainCount)} training digits (${name})`;
  if (state.phase === 'cross-validation') return `${cv}: ${count(state.validated)} of ${count(trainCount)} digits validated, ${state.accuracy.length} of ${folds} folds done.`;
  const best = foldStatistics(state.accuracy, state.ks).find((s) => s.k === state.chosenK)!;
  const chosen = `${cv} took ${formatMs(state.crossValidationMs)}; k = ${state.chosenK} is best, ${percent(best.mean)} ± ${percent(best.std)} over the folds`;
  if (state.phase === 'held-out') return `${chosen}. Scoring held-out digits: ${count(state.heldOutDone)} of ${count(state.heldOutTotal)}.`;
  return `${chosen}. On ${count(state.heldOutTotal)} held-out digits, k = ${state.chosenK} is right ${percent(state.heldOutCorrect / state.heldOutTotal)} of the time (${count(state.heldOutCorrect)} correct).`;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/** Rows of the timing table: method, size, time, per distance, × slower than no loops, largest difference. */
export function timingRows(timings: readonly TimingReply[], queries: number, train: number): string[][] {
  const none = timings.find((t) => t.method === 'none');
  return timings.map((t) => [
    METHOD_NAMES[t.method],
    `${queries} × ${train}`,
    formatMs(t.ms),
    perDistance((1000 * t.ms) / t.pairs),
    none && none.ms > 0 ? `${(t.ms / none.ms).toFixed(t.ms / none.ms >= 10 ? 0 : 1)}×` : '',
    t.maxDifference === 0 ? '0' : t.maxDifference.toExponential(1),
  ]);
}

/** The message for k values a fold's training part is too small for, or '' when there are none. */
export function describeSkipped({ skipped, smallestTraining }: { skipped: readonly number[]; smallestTraining: number }): string {
  if (skipped.length === 0) return '';
  const list = skipped.length === 1 ? `k = ${skipped[0]} is` : `k = ${skipped.slice(0, -1).join(', ')} and ${skipped.at(-1)} are`;
  return `${list} larger than the ${count(smallestTraining)} training digits each fold leaves, so cross-validation skips ${skipped.length === 1 ? 'it' : 'them'}.`;
}

/** Time per distance: µs, or ms from 1,000 µs. */
function perDistance(us: number): string {
  return us >= 1000 ? `${(us / 1000).toPrecision(3)} ms` : `${us.toPrecision(3)} µs`;
}
