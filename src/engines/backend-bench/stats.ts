/** Timing statistics: the median of the timed runs (warm-up runs never reach these functions). */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('the median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Floating-point operations per millisecond, as GFLOP/s. */
export function gflopsPerSecond(flops: number, milliseconds: number): number {
  return flops / (milliseconds * 1e6);
}

/**
 * How many operations one timed sample repeats so that it lasts about `targetMs` (a single small
 * op is shorter than the browser's timer resolution), from the time one took during warm-up.
 */
export function repeatsPerSample(runMs: number, targetMs: number, most = 32): number {
  if (!(runMs > 0)) return most;
  return Math.max(1, Math.min(most, Math.floor(targetMs / runMs)));
}
