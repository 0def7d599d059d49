/**
 * The learning rate × regularization grid of Assignment 1's hyperparameter search, on log scales
 * (both act multiplicatively), and the choice of the best cell by validation accuracy.
 */

/** Decades the grid spans: learning rate 10^−2.5 to 10^0.5 (0.00316 to 3.16), λ 10⁻⁵ to 10⁻¹. */
export const LEARNING_RATE_DECADES: [number, number] = [-2.5, 0.5];
export const LAMBDA_DECADES: [number, number] = [-5, -1];

/** `count` values from 10^from to 10^to, evenly spaced in the exponent, to 3 significant digits. */
export function logSpace([from, to]: [number, number], count: number): number[] {
  if (count === 1) return [Number((10 ** ((from + to) / 2)).toPrecision(3))];
  return Array.from({ length: count }, (_, k) => Number((10 ** (from + ((to - from) * k) / (count - 1))).toPrecision(3)));
}

export interface SweepGrid {
  learningRates: number[];
  lambdas: number[];
}

export function sweepGrid(size: number): SweepGrid {
  return { learningRates: logSpace(LEARNING_RATE_DECADES, size), lambdas: logSpace(LAMBDA_DECADES, size) };
}

/** Cell k of the grid, row by row: row = λ index, column = learning rate index. */
export function cellAt(grid: SweepGrid, k: number): { learningRate: number; lambda: number } {
  const n = grid.learningRates.length;
  return { learningRate: grid.learningRates[k % n]!, lambda: grid.lambdas[Math.floor(k / n)]! };
}

/** Index of the highest validation accuracy (the first of ties; NaN never wins); -1 if none. */
export function bestCell(accuracies: readonly number[]): number {
  let best = -1;
  accuracies.forEach((a, k) => {
    if (Number.isFinite(a) && (best < 0 || a > accuracies[best]!)) best = k;
  });
  return best;
}
