/** The residual race's readouts, as pure functions of what the run knows (unit-tested). */
import type { NetKind } from '../../engines/residual-race/race-net.ts';
import type { NormsAt } from '../../engines/residual-race/race-engine.ts';

export interface RaceState {
  step: number;
  steps: number;
  depth: number;
  batchNorm: boolean;
  losses: Record<NetKind, number[]>;
  accuracy?: { step: number; plain: number; residual: number } | undefined;
  firstNorms?: NormsAt | undefined;
}

/** Mean of the last (up to) 20 losses: one minibatch's loss is noisy. */
export function recentLoss(losses: readonly number[]): number | undefined {
  const tail = losses.slice(-20);
  return tail.length === 0 ? undefined : tail.reduce((a, b) => a + b, 0) / tail.length;
}

const exp = (v: number) => v.toExponential(1);

export function describeRace(state: RaceState): string {
  const head = `Step ${state.step} of ${state.steps}, depth ${state.depth}, ${state.batchNorm ? 'with' : 'no'} batch norm.`;
  const plain = recentLoss(state.losses.plain);
  const residual = recentLoss(state.losses.residual);
  const parts = [head];
  if (plain !== undefined && residual !== undefined) parts.push(`Training loss (last ${Math.min(20, state.losses.plain.length)} steps): plain ${plain.toFixed(3)}, residual ${residual.toFixed(3)}.`);
  if (state.accuracy) parts.push(`Held-out accuracy at step ${state.accuracy.step}: plain ${(100 * state.accuracy.plain).toFixed(1)}%, residual ${(100 * state.accuracy.residual).toFixed(1)}%.`);
  if (state.firstNorms) {
    const { plain: p, residual: r } = state.firstNorms.norms;
    parts.push(`Gradient norm of the first layer at step 0: plain ${exp(p[0]!)}, residual ${exp(r[0]!)} (last layer: ${exp(p.at(-1)!)} and ${exp(r.at(-1)!)}).`);
  }
  return parts.join(' ');
}
