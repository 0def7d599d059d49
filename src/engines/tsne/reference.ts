/**
 * Exact t-SNE written directly from the formulas of van der Maaten & Hinton (2008), in float64
 * and O(n^2): the oracle the fast engines are tested against, and the formulas the notes show.
 *
 *   q_ij = w_ij / Z,  w_ij = (1 + |y_i - y_j|^2)^-1,  Z = sum_{k != l} w_kl
 *   KL(P || Q) = sum_{i != j} p_ij log(p_ij / q_ij)
 *   dKL/dy_i = 4 sum_j (p_ij - q_ij) w_ij (y_i - y_j)
 */

/** KL(P || Q) for a dense joint P (row-major n x n) and an embedding y (x, y interleaved). */
export function referenceKl(p: ArrayLike<number>, y: ArrayLike<number>, n: number): number {
  const z = normalization(y, n);
  let kl = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const pij = p[i * n + j]!;
      if (i === j || pij <= 0) continue;
      kl += pij * Math.log(pij / (kernel(y, i, j) / z));
    }
  }
  return kl;
}

/** The exact gradient, with P multiplied by `exaggeration` (1 for the true gradient of KL). */
export function referenceGradient(p: ArrayLike<number>, y: ArrayLike<number>, n: number, exaggeration = 1): Float64Array {
  const z = normalization(y, n);
  const gradient = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const w = kernel(y, i, j);
      const scale = 4 * (exaggeration * p[i * n + j]! - w / z) * w;
      gradient[2 * i] = gradient[2 * i]! + scale * (y[2 * i]! - y[2 * j]!);
      gradient[2 * i + 1] = gradient[2 * i + 1]! + scale * (y[2 * i + 1]! - y[2 * j + 1]!);
    }
  }
  return gradient;
}

/** Finite-difference gradient of KL by central differences. */
export function finiteDifferenceGradient(p: ArrayLike<number>, y: Float64Array, n: number, h = 1e-6): Float64Array {
  const gradient = new Float64Array(2 * n);
  const probe = Float64Array.from(y);
  for (let c = 0; c < 2 * n; c++) {
    probe[c] = y[c]! + h;
    const plus = referenceKl(p, probe, n);
    probe[c] = y[c]! - h;
    const minus = referenceKl(p, probe, n);
    probe[c] = y[c]!;
    gradient[c] = (plus - minus) / (2 * h);
  }
  return gradient;
}

/** All squared Euclidean distances between the rows of x (row-major n x dim), by brute force. */
export function referenceDistances(x: ArrayLike<number>, n: number, dim: number): Float64Array {
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let c = 0; c < dim; c++) {
        const diff = x[i * dim + c]! - x[j * dim + c]!;
        sum += diff * diff;
      }
      d[i * n + j] = sum;
    }
  }
  return d;
}

function kernel(y: ArrayLike<number>, i: number, j: number): number {
  const dx = y[2 * i]! - y[2 * j]!;
  const dy = y[2 * i + 1]! - y[2 * j + 1]!;
  return 1 / (1 + dx * dx + dy * dy);
}

function normalization(y: ArrayLike<number>, n: number): number {
  let z = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) z += kernel(y, i, j);
  return z;
}
