/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations: simple, accurate,
 * and fast enough for the 60 x 60 problems of the PCA's Rayleigh-Ritz step.
 */

export interface Eigen {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** Eigenvectors as columns of a row-major r x r matrix, in the same order. */
  vectors: Float64Array;
}

export function symmetricEigen(matrix: ArrayLike<number>, r: number, sweeps = 60): Eigen {
  const run = jacobi(matrix, r, sweeps);
  let step = run.next();
  while (!step.done) step = run.next();
  return step.value;
}

/** The same decomposition, with `pause` awaited between sweeps (a main-thread task per sweep or so). */
export async function symmetricEigenSliced(matrix: ArrayLike<number>, r: number, pause: () => Promise<void>, sweeps = 60): Promise<Eigen> {
  const run = jacobi(matrix, r, sweeps);
  let step = run.next();
  while (!step.done) {
    await pause();
    step = run.next();
  }
  return step.value;
}

/** Cyclic Jacobi, one sweep per step of the generator. */
function* jacobi(matrix: ArrayLike<number>, r: number, sweeps: number): Generator<void, Eigen> {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(r * r);
  for (let i = 0; i < r; i++) v[i * r + i] = 1;
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < r; p++) for (let q = p + 1; q < r; q++) off += a[p * r + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < r; p++) {
      for (let q = p + 1; q < r; q++) {
        const apq = a[p * r + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        // The rotation that zeroes a[p][q] (Golub & Van Loan, algorithm 8.4.1).
        const tau = (a[q * r + q]! - a[p * r + p]!) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < r; k++) {
          const akp = a[k * r + p]!, akq = a[k * r + q]!;
          a[k * r + p] = c * akp - s * akq;
          a[k * r + q] = s * akp + c * akq;
        }
        for (let k = 0; k < r; k++) {
          const apk = a[p * r + k]!, aqk = a[q * r + k]!;
          a[p * r + k] = c * apk - s * aqk;
          a[q * r + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < r; k++) {
          const vkp = v[k * r + p]!, vkq = v[k * r + q]!;
          v[k * r + p] = c * vkp - s * vkq;
          v[k * r + q] = s * vkp + c * vkq;
        }
      }
    }
    yield;
  }
  const order = Array.from({ length: r }, (_, i) => i).sort((i, j) => a[j * r + j]! - a[i * r + i]!);
  const values = Float64Array.from(order, (i) => a[i * r + i]!);
  const vectors = new Float64Array(r * r);
  order.forEach((from, to) => {
    for (let k = 0; k < r; k++) vectors[k * r + to] = v[k * r + from]!;
  });
  return { values, vectors };
}
