/** Statistics of one layer's activations or gradients over a batch, in float64 (pure, no tfjs). */

export interface LayerStats {
  mean: number;
  std: number;
  /** Histogram counts over [low, high] in equal bins. */
  counts: number[];
  low: number;
  high: number;
  /** Fraction with |value| > 0.99 (tanh saturation). */
  saturated: number;
  /** Fraction of units that are exactly zero for every example of the batch (dead ReLUs). */
  dead: number;
}

export const HISTOGRAM_BINS = 30;

/** `values` is batch × units, row-major. `symmetric` centres the histogram's range on zero. */
export function layerStats(values: Float32Array, units: number, symmetric: boolean, bins = HISTOGRAM_BINS): LayerStats {
  const n = values.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let saturated = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (Math.abs(v) > 0.99) saturated++;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - mean) ** 2;
  const reach = Math.max(Math.abs(min), Math.abs(max)) || 1;
  const low = symmetric ? -reach : Math.min(0, min);
  const high = symmetric ? reach : max > low ? max : low + 1;
  const counts = new Array<number>(bins).fill(0);
  const scale = bins / (high - low);
  for (let i = 0; i < n; i++) counts[Math.min(bins - 1, Math.max(0, Math.floor((values[i]! - low) * scale)))]!++;
  const alive = new Uint8Array(units);
  for (let i = 0; i < n; i++) if (values[i] !== 0) alive[i % units] = 1;
  let deadUnits = 0;
  for (let u = 0; u < units; u++) if (!alive[u]) deadUnits++;
  return { mean, std: Math.sqrt(squares / n), counts, low, high, saturated: saturated / n, dead: deadUnits / units };
}
