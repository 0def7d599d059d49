/**
 * How the viewer cuts training into rounds and keeps its books, as pure functions (unit-tested):
 * a round never crosses an evaluation (every EVAL_EVERY steps and at the last step), the loss
 * curve is an exponential moving average, and training time leaves out pauses.
 */
import { EVAL_EVERY } from './spec.ts';

/** The next round from `step`: at most `requested` steps, ending at the next evaluation or the end. */
export function planRound(step: number, total: number, requested: number, every = EVAL_EVERY): { steps: number; evaluate: boolean } {
  const steps = Math.max(1, Math.min(Math.floor(requested), total - step, every - (step % every)));
  const end = step + steps;
  return { steps, evaluate: end % every === 0 || end >= total };
}

/** Steps that take about `roundMs` at the measured speed (1 to `every`). */
export function stepsPerRound(msPerStep: number, roundMs: number, every = EVAL_EVERY): number {
  return Math.max(1, Math.min(every, Math.floor(roundMs / msPerStep)));
}

/** Appends the smoothed curve for new losses: s ← 0.95 s + 0.05 loss, starting at the first loss. */
export function appendSmoothed(smoothed: number[], losses: readonly number[]): void {
  for (const loss of losses) smoothed.push(smoothed.length === 0 ? loss : 0.95 * smoothed.at(-1)! + 0.05 * loss);
}

/** Time since the last round ended counts as training only when short (a frame), not a pause. */
export function gapBefore(lastEnd: number, started: number, limitMs = 250): number {
  return lastEnd > 0 && started - lastEnd < limitMs ? started - lastEnd : 0;
}
