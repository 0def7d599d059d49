/**
 * Distances between images as vectors of pixels (Lecture 2): L1 = Σ|a − b|, L2 = √Σ(a − b)²,
 * on intensities in [0, 1]. And the nearest digit of a class, or of any other class, among the
 * training digits: the neighbours a nearest-neighbour classifier would consult.
 */
import { PIXELS } from './transforms.ts';

export function l1Distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum;
}

export function l2Distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
}

export interface Nearest {
  /** Index of the digit in `images`. */
  index: number;
  label: number;
  /** Its L2 distance to the query, pixels in [0, 1]. */
  distance: number;
}

/**
 * For each class 0-9, the digit of [start, end) of `images` (0-255, 784 each) nearest to `query`
 * in L2 (undefined for a class with no digit there). One pass; a digit stops being summed once it
 * is already farther than its class's best.
 */
export function nearestPerClass(query: ArrayLike<number>, images: Uint8Array, labels: Uint8Array, range: { start: number; end: number }): (Nearest | undefined)[] {
  const best: (Nearest | undefined)[] = Array.from({ length: 10 }, () => undefined);
  const bestSquared = new Float64Array(10).fill(Infinity);
  for (let n = range.start; n < range.end; n++) {
    const label = labels[n]!;
    const bound = bestSquared[label]!;
    let sum = 0;
    const offset = n * PIXELS;
    for (let i = 0; i < PIXELS && sum < bound; i++) sum += (query[i]! - images[offset + i]! / 255) ** 2;
    if (sum < bound) {
      bestSquared[label] = sum;
      best[label] = { index: n, label, distance: Math.sqrt(sum) };
    }
  }
  return best;
}

/** The nearest of `label`'s class and the nearest of any other class, from nearestPerClass. */
export function sameAndOther(perClass: readonly (Nearest | undefined)[], label: number): { same: Nearest | undefined; other: Nearest | undefined } {
  const others = perClass.filter((n, c): n is Nearest => c !== label && n !== undefined);
  const other = others.reduce<Nearest | undefined>((a, b) => (a && a.distance <= b.distance ? a : b), undefined);
  return { same: perClass[label], other };
}
