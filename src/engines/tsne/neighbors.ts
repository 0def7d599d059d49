/**
 * Exact k nearest neighbours (squared Euclidean) of every row of a feature matrix, on the tfjs
 * backend: rows are processed in chunks, each chunk one matrix product and one top-k.
 *
 * With an augmented layout the product already ranks neighbours: for a = [x_i, 1] and
 * B = [2 X^T ; -|x_j|^2], (a B)_j = 2 x_i.x_j - |x_j|^2 = |x_i|^2 - d_ij, so the top k of the row are
 * the k nearest, and d_ij = |x_i|^2 - score. B is transposed once, up front: on the wasm backend
 * matMul(a, b, false, true) is about 10x slower than matMul(a, transpose(b)).
 *
 * Chunk sizes adapt so that each chunk takes about `sliceMs`: the page stays responsive on the
 * main-thread backends, and the GPU backends get large chunks.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import { yieldToEventLoop } from '../yield.ts';

export interface NeighborTable {
  k: number;
  /** Row-major [n x k], nearest first, the point itself excluded. */
  indices: Int32Array;
  /** Squared distances, same layout. */
  distances: Float32Array;
}

export interface NeighborOptions {
  sliceMs?: number | undefined;
  /** Yield to the event loop between chunks. */
  yieldOften?: boolean | undefined;
  onProgress?: ((rowsDone: number) => void) | undefined;
  /** Stops early (the run was disposed). */
  cancelled?: (() => boolean) | undefined;
}

export async function nearestNeighbors(tf: Tf, features: Float32Array, n: number, dim: number, k: number, options: NeighborOptions = {}): Promise<NeighborTable> {
  if (k >= n) throw new Error(`${k} neighbours need more than ${n} points`);
  const { columns, packed } = dropConstantColumns(features, n, dim);
  const width = columns + 1;
  const augmented = new Float32Array(n * width);
  const squaredNorms = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let c = 0; c < columns; c++) {
      const value = packed[i * columns + c]!;
      augmented[i * width + c] = value;
      norm += value * value;
    }
    augmented[i * width + columns] = 1;
    squaredNorms[i] = norm;
  }
  const rows: Tensor = tf.tensor2d(augmented, [n, width]);
  const ranking: Tensor = tf.tidy(() => {
    const twiceTransposed = tf.mul(tf.transpose(tf.slice(rows, [0, 0], [n, columns])), 2);
    return tf.concat([twiceTransposed, tf.neg(tf.tensor2d(squaredNorms, [1, n]))], 0);
  });

  const indices = new Int32Array(n * k);
  const distances = new Float32Array(n * k);
  const sliceMs = options.sliceMs ?? 30;
  // About 1e8 multiply-adds per chunk to start with; then sized from the measured time.
  let chunk = clampRows(Math.floor(1e8 / (n * width)), n);
  try {
    for (let start = 0; start < n; ) {
      if (options.cancelled?.()) throw new Error('cancelled');
      const count = Math.min(chunk, n - start);
      const began = performance.now();
      const top = tf.tidy(() => tf.topk(tf.matMul(tf.slice(rows, [start, 0], [count, width]), ranking), k + 1));
      const [values, ids] = await Promise.all([top.values.data(), top.indices.data()]);
      tf.dispose([top.values, top.indices]);
      for (let r = 0; r < count; r++) copyRow(start + r, r, k, values, ids, squaredNorms, indices, distances);
      start += count;
      options.onProgress?.(start);
      const elapsed = performance.now() - began;
      chunk = clampRows(Math.round(chunk * Math.min(2, Math.max(0.5, sliceMs / Math.max(elapsed, 1)))), n);
      if (options.yieldOften) await yieldToEventLoop();
    }
  } finally {
    tf.dispose([rows, ranking]);
  }
  return { k, indices, distances };
}

/** Copies one chunk row into the table, leaving out the point itself. */
function copyRow(i: number, r: number, k: number, values: ArrayLike<number>, ids: ArrayLike<number>, norms: Float32Array, indices: Int32Array, distances: Float32Array): void {
  let out = 0;
  for (let m = 0; m <= k && out < k; m++) {
    const j = ids[r * (k + 1) + m]!;
    // The point itself is normally first; with duplicates it may rank later, or drop off the end.
    if (j === i) continue;
    indices[i * k + out] = j;
    distances[i * k + out] = Math.max(0, norms[i]! - values[r * (k + 1) + m]!);
    out++;
  }
}

function clampRows(rows: number, n: number): number {
  // At most ~16M scores per chunk (64 MB of float32) on any backend.
  return Math.max(1, Math.min(rows, 1024, Math.floor(16e6 / n), n));
}

/** Columns that are the same in every row do not change any distance: leave them out. */
export function dropConstantColumns(features: Float32Array, n: number, dim: number): { columns: number; packed: Float32Array } {
  const keep: number[] = [];
  for (let c = 0; c < dim; c++) {
    const first = features[c]!;
    for (let i = 1; i < n; i++) {
      if (features[i * dim + c] !== first) {
        keep.push(c);
        break;
      }
    }
  }
  if (keep.length === dim) return { columns: dim, packed: features };
  if (keep.length === 0) keep.push(0);
  const packed = new Float32Array(n * keep.length);
  for (let i = 0; i < n; i++) keep.forEach((c, m) => (packed[i * keep.length + m] = features[i * dim + c]!));
  return { columns: keep.length, packed };
}
