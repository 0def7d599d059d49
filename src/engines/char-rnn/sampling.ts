/**
 * Picking the next character from the model's logits: p ∝ exp(logit / T). T = 1 samples the
 * model's own distribution, T → 0 approaches the argmax (T = 0 is the argmax itself), T > 1
 * flattens it. Plain TypeScript on the values read back from the model.
 */
import type { Random } from '../random.ts';

/** Probabilities at temperature T (T = 0: all mass on the argmax). */
export function probabilitiesAt(logits: ArrayLike<number>, temperature: number): Float64Array {
  const n = logits.length;
  let best = 0;
  for (let k = 1; k < n; k++) if (logits[k]! > logits[best]!) best = k;
  const p = new Float64Array(n);
  if (temperature <= 0) {
    p[best] = 1;
    return p;
  }
  const top = logits[best]!;
  let total = 0;
  for (let k = 0; k < n; k++) total += p[k] = Math.exp((logits[k]! - top) / temperature);
  for (let k = 0; k < n; k++) p[k]! /= total;
  return p;
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k]! > values[best]!) best = k;
  return best;
}

/** Draws an index from p with a uniform number u in [0, 1). */
export function drawIndex(p: ArrayLike<number>, u: number): number {
  let cumulative = 0;
  for (let k = 0; k < p.length; k++) {
    cumulative += p[k]!;
    if (u < cumulative) return k;
  }
  // Rounding can leave the total a hair under 1: the last index with mass.
  for (let k = p.length - 1; k >= 0; k--) if (p[k]! > 0) return k;
  return p.length - 1;
}

export function sampleIndex(logits: ArrayLike<number>, temperature: number, random: Random): number {
  return temperature <= 0 ? argmax(logits) : drawIndex(probabilitiesAt(logits, temperature), random.next());
}

/** The k most probable indices with their probabilities, most probable first. */
export function topK(p: ArrayLike<number>, k: number): { index: number; p: number }[] {
  return Array.from(p, (value, index) => ({ index, p: value }))
    .sort((a, b) => b.p - a.p || a.index - b.index)
    .slice(0, k);
}

/** Mean cross-entropy in nats → bits per character (log base 2 instead of base e). */
export function bitsPerChar(nats: number): number {
  return nats / Math.LN2;
}
