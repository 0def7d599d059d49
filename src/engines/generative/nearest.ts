/**
 * Nearest training digit of each query image, by Euclidean distance between pixel vectors in
 * [0, 1] (the memorization check): ‖q − t‖² = ‖q‖² + ‖t‖² − 2 q·t, so all distances to the
 * bank are one matrix product. Plain TypeScript reference below for the tests.
 */
import { runSliced } from '../../tf/slices.ts';
import type { Tensor, Tf } from '../../tf/types.ts';

export interface DigitBank {
  /** [784, T]: pixels in [0, 1], one digit per column (a plain product q·B is wasm's fast path). */
  columns: Tensor;
  /** [T] squared norms. */
  squaredNorms: Tensor;
  count: number;
  dispose(): void;
}

/** The digits [start, start + count) of an MNIST image array (0-255) as a bank on the GPU/backend. */
export function createDigitBank(tf: Tf, images: Uint8Array, start: number, count: number): DigitBank {
  const [columns, squaredNorms] = tf.tidy(() => {
    const x = tf.div(tf.tensor2d(images.subarray(start * 784, (start + count) * 784), [count, 784], 'float32'), 255);
    return [tf.transpose(x), tf.sum(tf.square(x), 1)];
  });
  return { columns, squaredNorms, count, dispose: () => tf.dispose([columns, squaredNorms]) };
}

export interface Nearest {
  /** Index in the bank of each query's nearest digit. */
  index: Int32Array;
  distance: Float32Array;
}

/**
 * Nearest bank digit for each row of `queries` [M, 784] in [0, 1], in chunks of `chunk` rows,
 * sent to the backend in awaited slices (runSliced): at most one slice in flight, a yield
 * between slices on the main-thread backends, and a stop between slices once `signal` fires.
 */
export async function nearestDigits(tf: Tf, bank: DigitBank, queries: Tensor, options: { chunk?: number; signal?: AbortSignal | undefined } = {}): Promise<Nearest> {
  const m = queries.shape[0]!;
  const chunk = options.chunk ?? 64;
  const index = new Int32Array(m);
  const distance = new Float32Array(m);
  const rows = (c: number) => Math.min(chunk, m - c * chunk);
  // Each chunk's result is one [2, n] tensor: the index of the nearest digit (exact in float32
  // up to 2²⁴) and the squared distance.
  const nearestOfChunk = (c: number): Tensor =>
    tf.tidy(() => {
      const [start, n] = [c * chunk, rows(c)];
      const q = tf.slice(queries, [start, 0], [n, 784]);
      const d2 = tf.sub(tf.add(tf.reshape(tf.sum(tf.square(q), 1), [n, 1]), tf.reshape(bank.squaredNorms, [1, bank.count])), tf.mul(2, tf.matMul(q, bank.columns)));
      return tf.stack([tf.cast(tf.argMin(d2, 1), 'float32'), tf.min(d2, 1)]);
    });
  await runSliced(tf, Math.ceil(m / chunk), nearestOfChunk, {
    signal: options.signal,
    onValues: (values, c) => {
      const n = rows(c);
      for (let i = 0; i < n; i++) {
        index[c * chunk + i] = values[i]!;
        distance[c * chunk + i] = Math.sqrt(Math.max(0, values[n + i]!));
      }
    },
  });
  return { index, distance };
}

/** The definition, written out: for tests. */
export function nearestReference(bank: Float32Array, queries: Float32Array): Nearest {
  const t = bank.length / 784;
  const m = queries.length / 784;
  const index = new Int32Array(m);
  const distance = new Float32Array(m);
  for (let i = 0; i < m; i++) {
    let best = Infinity;
    for (let j = 0; j < t; j++) {
      let sum = 0;
      for (let k = 0; k < 784; k++) sum += (queries[i * 784 + k]! - bank[j * 784 + k]!) ** 2;
      if (sum < best) {
        best = sum;
        index[i] = j;
      }
    }
    distance[i] = Math.sqrt(best);
  }
  return { index, distance };
}
