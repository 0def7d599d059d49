/** What the gradient check found, in words and as export rows (pure, unit-tested). */
import { verdictOf } from '../../engines/backprop/gradient-check.ts';
import type { NetCheck } from '../../engines/gradient-check/check-net.ts';

export const READING: Record<ReturnType<typeof verdictOf>, string> = { happy: 'agrees', ok: 'fine', uncomfortable: 'suspicious', wrong: 'wrong' };

export function describeCheck(check: NetCheck | undefined, bugLabel: string): string {
  if (!check) return 'Checking…';
  const worst = (tensors: NetCheck['float64']) => Math.max(0, ...tensors.map((t) => t.maxRelativeError));
  const wrong = check.float64.filter((t) => verdictOf(t.maxRelativeError) === 'wrong').map((t) => t.name);
  const f64 = wrong.length > 0
    ? `In float64 the check flags ${wrong.join(', ')} (relative error up to ${worst(check.float64.filter((t) => wrong.includes(t.name))).toExponential(1)}).`
    : `In float64 every tensor agrees (largest relative error ${worst(check.float64).toExponential(1)}).`;
  const kinks = check.float64.reduce((n, t) => n + t.kinks, 0);
  const f32 = check.float32 ? ` With a float32 forward pass the largest error is ${worst(check.float32).toExponential(1)} (${READING[verdictOf(worst(check.float32))]}).` : '';
  return `${bugLabel}. Loss ${check.loss.toFixed(4)}. ${f64}${f32}${kinks > 0 ? ` ${kinks} sampled ${kinks === 1 ? 'entry crosses' : 'entries cross'} a ReLU kink and ${kinks === 1 ? 'is' : 'are'} not counted.` : ''}`;
}

export function checkRows(check: NetCheck): (string | number)[][] {
  return check.float64.flatMap((tensor, t) => tensor.entries.map((entry, e) => {
    const f32 = check.float32?.[t]?.entries[e];
    return [tensor.name, entry.index, entry.analytic, entry.numeric, entry.relativeError, f32?.numeric ?? '', f32?.relativeError ?? '', entry.kink ? 1 : 0];
  }));
}
