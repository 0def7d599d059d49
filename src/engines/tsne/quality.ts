/**
 * The map's quality readout: leave-one-out 1-nearest-neighbour label accuracy in 2-D, i.e. how
 * often a digit's nearest point in the map shows the same digit. Points are sorted by x and each
 * search widens left and right until the x gap alone exceeds the best distance so far: about
 * O(n sqrt(n)) on a map, instead of n^2 pairs.
 */

export function nearestNeighborAccuracy(y: ArrayLike<number>, labels: ArrayLike<number>, n: number): number {
  if (n < 2) return Number.NaN;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => y[2 * a]! - y[2 * b]!);
  const xs = Float64Array.from(order, (i) => y[2 * i]!);
  const ys = Float64Array.from(order, (i) => y[2 * i + 1]!);
  let correct = 0;
  for (let a = 0; a < n; a++) {
    const x = xs[a]!, v = ys[a]!;
    let best = Infinity;
    let bestIndex = -1;
    for (let b = a + 1; b < n; b++) {
      const dx = xs[b]! - x;
      if (dx * dx >= best) break;
      const dy = ys[b]! - v;
      const d = dx * dx + dy * dy;
      if (d < best) {
        best = d;
        bestIndex = b;
      }
    }
    for (let b = a - 1; b >= 0; b--) {
      const dx = x - xs[b]!;
      if (dx * dx >= best) break;
      const dy = ys[b]! - v;
      const d = dx * dx + dy * dy;
      if (d < best) {
        best = d;
        bestIndex = b;
      }
    }
    if (bestIndex >= 0 && labels[order[bestIndex]!] === labels[order[a]!]) correct++;
  }
  return correct / n;
}
