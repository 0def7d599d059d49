/**
 * The t-SNE optimizer of van der Maaten & Hinton (2008): gradient descent with momentum and
 * per-coordinate gains ("delta-bar-delta", Jacobs 1988): a gain grows by 0.2 while the gradient
 * keeps pushing against the last step and shrinks by a factor 0.8 when it agrees. Plus the
 * schedule: early exaggeration of P and a lower momentum while it lasts.
 */

export interface Schedule {
  learningRate: number;
  /** P is multiplied by this factor during the first `exaggerationIterations` iterations. */
  exaggeration: number;
  exaggerationIterations: number;
  /** Momentum during exaggeration, then after it. */
  momentumEarly: number;
  momentumLate: number;
}

export const DEFAULT_SCHEDULE: Schedule = {
  learningRate: 200,
  exaggeration: 12,
  exaggerationIterations: 250,
  momentumEarly: 0.5,
  momentumLate: 0.8,
};

export const MIN_GAIN = 0.01;

/** Exaggeration and momentum at (0-based) iteration t. */
export function scheduleAt(schedule: Schedule, t: number): { exaggeration: number; momentum: number } {
  const early = t < schedule.exaggerationIterations;
  return { exaggeration: early ? schedule.exaggeration : 1, momentum: early ? schedule.momentumEarly : schedule.momentumLate };
}

/** One update of y in place from `gradient`, with `update` and `gains` carried between iterations. */
export function gainsStep(y: Float64Array, gradient: Float64Array, update: Float64Array, gains: Float64Array, learningRate: number, momentum: number): void {
  const length = y.length;
  for (let c = 0; c < length; c++) {
    const g = gradient[c]!;
    const u = update[c]!;
    let gain = Math.sign(g) !== Math.sign(u) ? gains[c]! + 0.2 : gains[c]! * 0.8;
    if (gain < MIN_GAIN) gain = MIN_GAIN;
    gains[c] = gain;
    const next = momentum * u - learningRate * gain * g;
    update[c] = next;
    y[c] = y[c]! + next;
  }
}

/** Moves the embedding's mean to the origin (the objective does not change; the view stays put). */
export function center(y: Float64Array, n: number): void {
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) {
    mx += y[2 * i]!;
    my += y[2 * i + 1]!;
  }
  mx /= n;
  my /= n;
  for (let i = 0; i < n; i++) {
    y[2 * i] = y[2 * i]! - mx;
    y[2 * i + 1] = y[2 * i + 1]! - my;
  }
}
