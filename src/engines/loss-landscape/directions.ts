/**
 * Directions for loss-landscape slices, on flat Float32Arrays of parameters.
 * - Filter normalization (Li et al. 2018): a random Gaussian direction is rescaled so that each
 *   filter (the incoming weights of one unit) has the norm of the same filter of the trained
 *   weights; scale-invariant comparisons between networks become possible.
 * - Projection of a point onto the plane spanned by two directions (least squares).
 * - The two principal directions of a training path (where the path actually moves).
 */
import type { Random } from '../random.ts';

/** A weight matrix stored row-major as [rows x cols] where each column is one unit's filter. */
export interface FilterLayout {
  offset: number;
  rows: number;
  cols: number;
}

export function gaussianDirection(size: number, random: Random): Float32Array {
  return Float32Array.from({ length: size }, () => random.normal());
}

/** Rescales each column-filter of `d` to the norm of the same filter of `theta`; zeroes other entries. */
export function filterNormalize(d: Float32Array, theta: Float32Array, layouts: readonly FilterLayout[]): Float32Array {
  const out = new Float32Array(d.length);
  for (const { offset, rows, cols } of layouts) {
    for (let c = 0; c < cols; c++) {
      let dn = 0;
      let tn = 0;
      for (let r = 0; r < rows; r++) {
        const i = offset + r * cols + c;
        dn += d[i]! * d[i]!;
        tn += theta[i]! * theta[i]!;
      }
      const scale = dn > 0 ? Math.sqrt(tn / dn) : 0;
      for (let r = 0; r < rows; r++) {
        const i = offset + r * cols + c;
        out[i] = d[i]! * scale;
      }
    }
  }
  return out;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Coordinates (alpha, beta) of the point of the plane theta0 + alpha d1 + beta d2 closest to p. */
export function projectOntoPlane(p: Float32Array, theta0: Float32Array, d1: Float32Array, d2: Float32Array): [number, number] {
  let a11 = 0;
  let a12 = 0;
  let a22 = 0;
  let b1 = 0;
  let b2 = 0;
  for (let i = 0; i < p.length; i++) {
    const r = p[i]! - theta0[i]!;
    a11 += d1[i]! * d1[i]!;
    a12 += d1[i]! * d2[i]!;
    a22 += d2[i]! * d2[i]!;
    b1 += d1[i]! * r;
    b2 += d2[i]! * r;
  }
  const det = a11 * a22 - a12 * a12;
  if (Math.abs(det) < 1e-20) return [0, 0];
  return [(b1 * a22 - b2 * a12) / det, (a11 * b2 - a12 * b1) / det];
}

/**
 * The two leading principal directions of the points `path` relative to `center` (power
 * iteration on the small T x T Gram matrix), each scaled to unit norm.
 */
export function principalDirections(path: readonly Float32Array[], center: Float32Array): [Float32Array, Float32Array] {
  const T = path.length;
  const deltas = path.map((p) => Float32Array.from(p, (v, i) => v - center[i]!));
  const gram = deltas.map((a) => deltas.map((b) => dot(a, b)));
  const found: number[][] = [];
  for (let k = 0; k < 2; k++) {
    let u = Array.from({ length: T }, (_, i) => 1 + ((i * 7919 + k * 104729) % 13) / 13);
    for (let iteration = 0; iteration < 200; iteration++) {
      let next = gram.map((row) => row.reduce((s, g, j) => s + g * u[j]!, 0));
      for (const v of found) {
        const overlap = next.reduce((s, x, i) => s + x * v[i]!, 0);
        next = next.map((x, i) => x - overlap * v[i]!);
      }
      const norm = Math.hypot(...next) || 1;
      u = next.map((x) => x / norm);
    }
    found.push(u);
  }
  const toDirection = (u: number[]) => {
    const d = new Float32Array(center.length);
    deltas.forEach((delta, t) => {
      for (let i = 0; i < d.length; i++) d[i] = d[i]! + u[t]! * delta[i]!;
    });
    const norm = Math.sqrt(dot(d, d)) || 1;
    return d.map((v) => v / norm);
  };
  return [toDirection(found[0]!), toDirection(found[1]!)];
}
