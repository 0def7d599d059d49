/**
 * The joint affinities p_ij = (p(j | i) + p(i | j)) / (2n) of t-SNE, stored sparse: each point's
 * row holds the union of its own neighbours and of the points that chose it as a neighbour.
 * Compressed sparse rows (CSR), symmetric, summing to 1.
 */

export interface SparseAffinities {
  n: number;
  /** Row i's entries are [rowStart[i], rowStart[i + 1]). */
  rowStart: Int32Array;
  cols: Int32Array;
  values: Float64Array;
}

/**
 * Symmetrizes a k-nearest-neighbour table of conditional probabilities (row-major [n x k]).
 * `pause`, if given, is awaited every 256 rows of each pass (to keep the page responsive).
 */
export async function symmetrize(n: number, k: number, neighbors: Int32Array, conditional: Float64Array, pause?: () => Promise<void>): Promise<SparseAffinities> {
  const every = async (i: number) => {
    if (pause && i % 256 === 255) await pause();
  };
  // Every (i -> j) lands in row i and row j; duplicates (mutual neighbours) are merged below.
  const counts = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    counts[i] = counts[i]! + k;
    for (let m = 0; m < k; m++) {
      const j = neighbors[i * k + m]!;
      counts[j] = counts[j]! + 1;
    }
    await every(i);
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + counts[i]!;
  const fill = start.slice(0, n);
  const rawCols = new Int32Array(start[n]!);
  const rawValues = new Float64Array(start[n]!);
  for (let i = 0; i < n; i++) {
    for (let m = 0; m < k; m++) {
      const j = neighbors[i * k + m]!;
      const p = conditional[i * k + m]!;
      let at = fill[i]!++;
      rawCols[at] = j;
      rawValues[at] = p;
      at = fill[j]!++;
      rawCols[at] = i;
      rawValues[at] = p;
    }
    await every(i);
  }

  // Merge duplicates within each row: slot[j] remembers where column j went in the current row.
  const slot = new Int32Array(n).fill(-1);
  const rowStart = new Int32Array(n + 1);
  const cols = new Int32Array(start[n]!);
  const values = new Float64Array(start[n]!);
  let size = 0;
  for (let i = 0; i < n; i++) {
    rowStart[i] = size;
    for (let at = start[i]!; at < start[i + 1]!; at++) {
      const j = rawCols[at]!;
      const seen = slot[j]!;
      if (seen >= rowStart[i]!) {
        values[seen] = values[seen]! + rawValues[at]!;
      } else {
        slot[j] = size;
        cols[size] = j;
        values[size] = rawValues[at]!;
        size++;
      }
    }
    await every(i);
  }
  rowStart[n] = size;
  const scale = 1 / (2 * n);
  for (let at = 0; at < size; at++) values[at] = values[at]! * scale;
  return { n, rowStart, cols: cols.slice(0, size), values: values.slice(0, size) };
}

/** sum p_ij log p_ij: the constant part of KL(P || Q). */
export function negativeEntropy(p: SparseAffinities): number {
  let sum = 0;
  for (const value of p.values) if (value > 0) sum += value * Math.log(value);
  return sum;
}

/** The affinities as a dense row-major n x n matrix (exact t-SNE on small N, tests). */
export function toDense(p: SparseAffinities): Float32Array {
  const dense = new Float32Array(p.n * p.n);
  for (let i = 0; i < p.n; i++) {
    for (let at = p.rowStart[i]!; at < p.rowStart[i + 1]!; at++) dense[i * p.n + p.cols[at]!] = p.values[at]!;
  }
  return dense;
}
