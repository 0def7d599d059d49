/**
 * The k-nearest-neighbour vote, as Assignment 1 breaks ties: the most common label among the k
 * nearest, the smallest label among equally common ones.
 */

/** Votes per class 0-9 among the first `k` of `labels` (nearest first). */
export function voteCounts(labels: ArrayLike<number>, k: number): number[] {
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < Math.min(k, labels.length); i++) counts[labels[i]!]! += 1;
  return counts;
}

export function predictLabel(labels: ArrayLike<number>, k: number): number {
  const counts = voteCounts(labels, k);
  return counts.indexOf(Math.max(...counts));
}

/**
 * Correct predictions for each k of `ks`: `neighbourLabels` holds `width` labels per query,
 * nearest first (width ≥ every k), `truth` each query's label.
 */
export function correctByK(neighbourLabels: ArrayLike<number>, width: number, truth: ArrayLike<number>, ks: readonly number[]): number[] {
  const correct = ks.map(() => 0);
  for (let q = 0; q < truth.length; q++) {
    const row = Array.prototype.slice.call(neighbourLabels, q * width, (q + 1) * width) as number[];
    ks.forEach((k, i) => {
      if (predictLabel(row, k) === truth[q]) correct[i]! += 1;
    });
  }
  return correct;
}
