/**
 * What the two landscape engines share: evaluating a grid over the plane theta + a d1 + b d2 one
 * batched row at a time, and the L2 term on that plane from six dot products:
 *   ||w + a d1 + b d2||^2 = w.w + a^2 d1.d1 + b^2 d2.d2 + 2a w.d1 + 2b w.d2 + 2ab d1.d2
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import { runSliced } from '../../tf/slices.ts';
import { dot } from './directions.ts';

export interface LandscapeGrid {
  /** Coordinates along direction 1 (columns) and 2 (rows). */
  alphas: number[];
  betas: number[];
  /** Loss at (alphas[i], betas[j]) is values[j * alphas.length + i]. */
  values: Float32Array;
  milliseconds: number;
}

export interface PlaneDots {
  ww: number;
  d1d1: number;
  d2d2: number;
  wd1: number;
  wd2: number;
  d1d2: number;
}

/** Dot products of the (regularized) weights w and the directions, all as flat arrays. */
export function planeDots(w: Float32Array, d1: Float32Array, d2: Float32Array): PlaneDots {
  return { ww: dot(w, w), d1d1: dot(d1, d1), d2d2: dot(d2, d2), wd1: dot(w, d1), wd2: dot(w, d2), d1d2: dot(d1, d2) };
}

export function squaredNormOnPlane(d: PlaneDots, a: number, b: number): number {
  return d.ww + a * a * d.d1d1 + b * b * d.d2d2 + 2 * a * d.wd1 + 2 * b * d.wd2 + 2 * a * b * d.d1d2;
}

export function linspace(from: number, to: number, count: number): number[] {
  if (count === 1) return [(from + to) / 2];
  return Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
}

/**
 * A resolution x resolution grid over [-extent, extent]^2: `dataRow(alphas, beta)` returns the
 * data losses of one row as a [resolution] tensor; rows go out in awaited slices (a 51x51 grid
 * queued at once kept a slow GPU busy for minutes), and the L2 term lambda * ||.||^2 is added
 * from the dot products.
 */
export async function evaluateGrid(
  tf: Tf,
  options: { resolution: number; extent: number; lambda: number; dots: PlaneDots; signal?: AbortSignal | undefined; onRow?: (row: number) => void },
  dataRow: (alphas: Tensor, beta: number) => Tensor,
): Promise<LandscapeGrid> {
  const started = performance.now();
  const { resolution, extent } = options;
  const alphas = linspace(-extent, extent, resolution);
  const betas = linspace(-extent, extent, resolution);
  const alphaTensor = tf.tensor1d(alphas);
  const values = new Float32Array(resolution * resolution);
  try {
    await runSliced(tf, resolution, (j) => dataRow(alphaTensor, betas[j]!), {
      signal: options.signal,
      onValues: (row, j) => {
        values.set(row, j * resolution);
        options.onRow?.(j);
      },
    });
  } finally {
    alphaTensor.dispose();
  }
  for (let j = 0; j < resolution; j++) {
    for (let i = 0; i < resolution; i++) {
      values[j * resolution + i] = values[j * resolution + i]! + options.lambda * squaredNormOnPlane(options.dots, alphas[i]!, betas[j]!);
    }
  }
  return { alphas, betas, values, milliseconds: performance.now() - started };
}
