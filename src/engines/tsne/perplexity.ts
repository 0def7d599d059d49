/**
 * The bandwidth of each point's Gaussian (van der Maaten & Hinton 2008, section 2): a binary
 * search on the precision beta = 1 / (2 sigma^2) until the conditional distribution
 * p(j | i) = exp(-beta d_ij) / sum_k exp(-beta d_ik) over the point's neighbours has entropy
 * log(perplexity) (in nats, so that perplexity = e^H = 2^(H in bits)).
 */
import { createTimeSlicer } from './time-slice.ts';

/** Entropy tolerance of the search, in nats (the tests ask for 1e-3 on every point). */
export const ENTROPY_TOLERANCE = 1e-5;
const MAX_STEPS = 200;

export interface RowCalibration {
  beta: number;
  /** Entropy reached, in nats. */
  entropy: number;
}

/**
 * Fills `out` with p(j | i) for one point, given its squared distances to its neighbours.
 * Distances are shifted by their minimum before exp (the shift cancels in the normalization and
 * keeps exp from underflowing for far-apart points).
 */
export function calibrateRow(distances: ArrayLike<number>, perplexity: number, out: Float64Array | Float32Array): RowCalibration {
  const k = distances.length;
  const target = Math.log(perplexity);
  let minimum = Infinity;
  for (let j = 0; j < k; j++) minimum = Math.min(minimum, distances[j]!);
  let beta = 1;
  let lo = 0;
  let hi = Infinity;
  let entropy = 0;
  for (let step = 0; step < MAX_STEPS; step++) {
    let sum = 0;
    let weighted = 0;
    for (let j = 0; j < k; j++) {
      const shifted = distances[j]! - minimum;
      const p = Math.exp(-beta * shifted);
      out[j] = p;
      sum += p;
      weighted += p * shifted;
    }
    // H = -sum p log p with p = e^(-beta d) / S gives H = log S + beta sum(p d) / S.
    entropy = Math.log(sum) + (beta * weighted) / sum;
    const error = entropy - target;
    if (Math.abs(error) < ENTROPY_TOLERANCE) break;
    if (error > 0) {
      // Too flat: a narrower Gaussian (larger beta).
      lo = beta;
      beta = hi === Infinity ? beta * 2 : (beta + hi) / 2;
    } else {
      hi = beta;
      beta = (beta + lo) / 2;
    }
  }
  let sum = 0;
  for (let j = 0; j < k; j++) sum += out[j]!;
  for (let j = 0; j < k; j++) out[j] = out[j]! / sum;
  return { beta, entropy };
}

export interface ConditionalAffinities {
  /** p(j | i) for the k neighbours of each point, row-major [n x k]. */
  conditional: Float64Array;
  /** Entropy reached for each point, in nats. */
  entropies: Float64Array;
}

/**
 * Calibrates every row of a k-nearest-neighbour distance table, yielding about every 25 ms (the
 * page stays responsive on large N) and stopping there if `signal` has fired.
 */
export async function conditionalAffinities(
  distances: Float32Array,
  n: number,
  k: number,
  perplexity: number,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<ConditionalAffinities> {
  const conditional = new Float64Array(n * k);
  const entropies = new Float64Array(n);
  const pause = createTimeSlicer();
  for (let i = 0; i < n; i++) {
    const row = conditional.subarray(i * k, (i + 1) * k);
    entropies[i] = calibrateRow(distances.subarray(i * k, (i + 1) * k), perplexity, row).entropy;
    if (i % 64 === 63) {
      await pause();
      options.signal?.throwIfAborted();
    }
  }
  return { conditional, entropies };
}
