/**
 * The attractive part of the t-SNE gradient over the sparse affinities:
 * sum_j p_ij w_ij (y_i - y_j) with w_ij = 1 / (1 + |y_i - y_j|^2), for every point.
 */
import type { SparseAffinities } from './joint-affinities.ts';

/** Writes the attractive forces of the points order[from, to) into `forces` (x, y interleaved, by point). */
export function attraction(p: SparseAffinities, y: Float64Array, forces: Float64Array, order: Int32Array, from: number, to: number): void {
  const { rowStart, cols, values } = p;
  for (let a = from; a < to; a++) {
    const i = order[a]!;
    const xi = y[2 * i]!, yi = y[2 * i + 1]!;
    let fx = 0, fy = 0;
    for (let at = rowStart[i]!; at < rowStart[i + 1]!; at++) {
      const j = cols[at]!;
      const dx = xi - y[2 * j]!;
      const dy = yi - y[2 * j + 1]!;
      const pw = values[at]! / (1 + dx * dx + dy * dy);
      fx += pw * dx;
      fy += pw * dy;
    }
    forces[2 * i] = fx;
    forces[2 * i + 1] = fy;
  }
}

/**
 * KL(P || Q) = sum p_ij log p_ij - sum p_ij log w_ij + log Z, given Z = sum_{i != j} w_ij and the
 * constant sum p log p (P sums to 1). Only P's nonzero entries are visited.
 */
export function klDivergence(p: SparseAffinities, y: Float64Array, z: number, negativeEntropy: number): number {
  const { n, rowStart, cols, values } = p;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const xi = y[2 * i]!, yi = y[2 * i + 1]!;
    for (let at = rowStart[i]!; at < rowStart[i + 1]!; at++) {
      const j = cols[at]!;
      const dx = xi - y[2 * j]!;
      const dy = yi - y[2 * j + 1]!;
      sum += values[at]! * Math.log1p(dx * dx + dy * dy);
    }
  }
  // -sum p log w = +sum p log(1 + d^2).
  return negativeEntropy + sum + Math.log(z);
}
