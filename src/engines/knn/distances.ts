/**
 * Distances between query digits and training digits, the three ways Assignment 1 writes them,
 * on tfjs tensors (pixels in [0, 1]), and a plain-TypeScript reference:
 *
 * - two loops: one small computation per (query, training digit) pair;
 * - one loop: one computation per query, against every training digit at once (broadcasting);
 * - no loops: L2 as ‖a‖² + ‖b‖² − 2·a·b, the cross term one matrix product for all pairs.
 *
 * All three give the same matrix (up to float32 rounding): they differ only in how much work each
 * call hands the backend, which is what the timings show.
 */
import type { Tensor, Tf } from '../../tf/types.ts';

export type Metric = 'l1' | 'l2';

/** Plain-TS reference: dist[i·n + j] between rows i of `a` (m × d) and j of `b` (n × d). */
export function referenceDistances(a: ArrayLike<number>, b: ArrayLike<number>, d: number, metric: Metric): Float32Array {
  const m = a.length / d;
  const n = b.length / d;
  const out = new Float32Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < d; p++) {
        const diff = a[i * d + p]! - b[j * d + p]!;
        sum += metric === 'l1' ? Math.abs(diff) : diff * diff;
      }
      out[i * n + j] = metric === 'l1' ? sum : Math.sqrt(sum);
    }
  }
  return out;
}

/** One pair, the inner body of the two-loop version: a scalar tensor. */
export function pairDistance(tf: Tf, a: Tensor, b: Tensor, metric: Metric): Tensor {
  return tf.tidy(() => (metric === 'l1' ? tf.sum(tf.abs(tf.sub(a, b))) : tf.sqrt(tf.sum(tf.square(tf.sub(a, b))))));
}

/** One query row [d] against all training rows [n, d]: the body of the one-loop version, [n]. */
export function rowDistances(tf: Tf, query: Tensor, train: Tensor, metric: Metric): Tensor {
  return tf.tidy(() => (metric === 'l1' ? tf.sum(tf.abs(tf.sub(train, query)), 1) : tf.sqrt(tf.sum(tf.square(tf.sub(train, query)), 1))));
}

/**
 * Squared L2 distances with no loops, [m, n]: ‖a‖² + ‖b‖² − 2·a·b, clipped at 0 (float32
 * rounding can make a tiny distance negative). The training digits come as columns, `trainT`
 * [d, n]: on wasm a product with a transposed operand is several times slower, so callers that
 * reuse a training set transpose it once. `trainNorms` ([1, n], ‖b‖²) may be passed in too.
 */
export function squaredDistancesNoLoop(tf: Tf, queries: Tensor, trainT: Tensor, trainNorms?: Tensor): Tensor {
  return tf.tidy(() => {
    const a2 = tf.sum(tf.square(queries), 1, true);
    const b2 = trainNorms ?? tf.sum(tf.square(trainT), 0, true);
    const cross = tf.matMul(queries, trainT);
    return tf.relu(tf.sub(tf.add(a2, b2), tf.mul(cross, 2)));
  });
}

/** Rows of L1 at once need an [m, n, d] difference; these many rows fit in ~64 MB of floats. */
export function l1RowsPerBlock(n: number, d: number): number {
  return Math.max(1, Math.floor(16e6 / (n * d)));
}

/** L1 distances with no Python-style loop over rows inside a block: |a[:, None] − b[None]|.sum(−1). */
export function l1DistancesBlock(tf: Tf, queries: Tensor, train: Tensor): Tensor {
  return tf.tidy(() => tf.sum(tf.abs(tf.sub(tf.expandDims(queries, 1), tf.expandDims(train, 0))), 2));
}
