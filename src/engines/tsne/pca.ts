/**
 * PCA of a feature matrix on the tfjs backend, as t-SNE's usual preprocessing (project on the
 * top 50 principal components; van der Maaten & Hinton 2008 used 30).
 *
 * The covariance C = Xc^T Xc / (n - 1) is accumulated over row chunks (each one short task), its
 * top eigenvectors found by subspace iteration (V <- orth(C V), with a few extra columns so the
 * 50th converges too), then a Rayleigh-Ritz step: the eigen-decomposition of V^T C V rotates V
 * onto the eigenvectors. Seeded, so the projection is reproducible.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import { runSliced } from '../../tf/slices.ts';
import { createRandom } from '../random.ts';
import { createTimeSlicer } from './time-slice.ts';
import { symmetricEigenSliced } from './eigen.ts';

export interface PcaResult {
  /** Row-major [n x components]. */
  projected: Float32Array;
  components: number;
  /** Variance along each component, largest first. */
  variances: Float64Array;
  /** Fraction of the total variance the components keep. */
  explained: number;
}

export interface PcaOptions {
  seed?: number | undefined;
  /** Subspace iterations (default 20). */
  iterations?: number | undefined;
  /** Stops between slices (the run ended): throws an AbortError. */
  signal?: AbortSignal | undefined;
}

/** Tensor work goes in awaited slices (src/tf/slices.ts); plain-TypeScript loops pause every 25 ms. */
export async function pca(tf: Tf, x: Float32Array, n: number, dim: number, components: number, options: PcaOptions = {}): Promise<PcaResult> {
  const { signal } = options;
  const r = Math.min(dim, components + 10);
  const slicer = createTimeSlicer();
  const pause = async () => {
    await slicer();
    signal?.throwIfAborted();
  };
  // The mean and the centring in plain TypeScript, row by row: on wasm a reduction over rows is
  // one long op, and a broadcast subtraction of 162 rows took 10-20 ms. Float32 arithmetic as the
  // backend's (each difference rounded once to float32), so the values are the same.
  const sums = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < dim; c++) sums[c] = sums[c]! + x[i * dim + c]!;
    if (i % 500 === 499) await pause();
  }
  const mean = Float32Array.from(sums, (sum) => sum / n);
  const centred = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < dim; c++) centred[i * dim + c] = x[i * dim + c]! - mean[c]!;
    if (i % 500 === 499) await pause();
  }
  // Rows go to the backend chunk by chunk, as they are used: no full-size op in one task.
  const centredRows = (start: number, count: number) => tf.tensor2d(centred.subarray(start * dim, (start + count) * dim), [count, dim]);
  let covariance: Tensor = tf.zeros([dim, dim]);
  const rows = Math.max(1, Math.floor(2e8 / (dim * dim * 2)));
  const chunks = Math.ceil(n / rows);
  try {
    // Each step adds one chunk's X^T X; its result (one entry) tells when the chunk is done.
    await runSliced(tf, chunks, (index) => {
      const start = index * rows;
      const count = Math.min(rows, n - start);
      const next = tf.tidy(() => {
        const chunk = centredRows(start, count);
        return tf.add(covariance, tf.matMul(tf.transpose(chunk), chunk));
      });
      covariance.dispose();
      covariance = next;
      return tf.slice(covariance, [0, 0], [1, 1]);
    }, { signal });
    const scaled = tf.div(covariance, Math.max(1, n - 1));
    covariance.dispose();
    covariance = scaled;
    const trace = tf.tidy(() => tf.sum(tf.mul(covariance, tf.eye(dim))));
    const total = (await trace.data())[0]!;
    trace.dispose();

    const random = createRandom(options.seed ?? 1);
    let basis = orthonormalize(Float64Array.from({ length: dim * r }, () => random.normal()), dim, r);
    await pause();
    // Each iteration needs the last one's basis on this side: one product per slice.
    await runSliced(tf, options.iterations ?? 20, () => product(tf, covariance, basis, dim, r), {
      signal,
      maxPerSlice: 1,
      onValues: (values) => {
        basis = orthonormalize(Float64Array.from(values), dim, r);
      },
    });
    // Rayleigh-Ritz: T = V^T C V, T = E diag(values) E^T, components = V E.
    const cv = await multiply(tf, covariance, basis, dim, r);
    const t = new Float64Array(r * r);
    for (let a = 0; a < r; a++) {
      for (let b = 0; b < r; b++) {
        let sum = 0;
        for (let k = 0; k < dim; k++) sum += basis[k * r + a]! * cv[k * r + b]!;
        t[a * r + b] = sum;
      }
      await pause();
    }
    const { values, vectors } = await symmetricEigenSliced(t, r, pause);
    const directions = new Float32Array(dim * components);
    for (let k = 0; k < dim; k++) {
      for (let c = 0; c < components; c++) {
        let sum = 0;
        for (let m = 0; m < r; m++) sum += basis[k * r + m]! * vectors[m * r + c]!;
        directions[k * components + c] = sum;
      }
      if (k % 64 === 63) await pause();
    }
    const projection = tf.tensor2d(directions, [dim, components]);
    const projected = new Float32Array(n * components);
    try {
      await runSliced(tf, chunks, (index) => tf.tidy(() => tf.matMul(centredRows(index * rows, Math.min(rows, n - index * rows)), projection)), {
        signal,
        onValues: (part, index) => projected.set(part, index * rows * components),
      });
    } finally {
      projection.dispose();
    }
    const variances = values.slice(0, components);
    return { projected, components, variances, explained: variances.reduce((s, v) => s + v, 0) / total };
  } finally {
    covariance.dispose();
  }
}

/** C V as a tensor, for a basis V held as a row-major dim x r array. */
function product(tf: Tf, matrix: Tensor, basis: Float64Array, dim: number, r: number): Tensor {
  return tf.tidy(() => tf.matMul(matrix, tf.tensor2d(Float32Array.from(basis), [dim, r])));
}

async function multiply(tf: Tf, matrix: Tensor, basis: Float64Array, dim: number, r: number): Promise<Float64Array> {
  const result = product(tf, matrix, basis, dim, r);
  const values = await result.data();
  result.dispose();
  return Float64Array.from(values);
}

/** Modified Gram-Schmidt on the columns of a row-major dim x r matrix (twice, for float32 input). */
export function orthonormalize(m: Float64Array, dim: number, r: number): Float64Array {
  const q = Float64Array.from(m);
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 0; c < r; c++) {
      for (let prev = 0; prev < c; prev++) {
        let dot = 0;
        for (let k = 0; k < dim; k++) dot += q[k * r + c]! * q[k * r + prev]!;
        for (let k = 0; k < dim; k++) q[k * r + c] = q[k * r + c]! - dot * q[k * r + prev]!;
      }
      let norm = 0;
      for (let k = 0; k < dim; k++) norm += q[k * r + c]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let k = 0; k < dim; k++) q[k * r + c] = q[k * r + c]! / norm;
    }
  }
  return q;
}
