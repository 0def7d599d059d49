/**
 * From features to t-SNE's joint affinities P: the 3 * perplexity nearest neighbours of every
 * point (tfjs), a bandwidth per point (binary search on the entropy), then symmetrization.
 * Beyond about three bandwidths a Gaussian's weight is negligible, so the sparse P differs from
 * the dense one only in entries near zero (van der Maaten 2014).
 */
import type { Tf } from '../../tf/types.ts';
import { symmetrize, type SparseAffinities } from './joint-affinities.ts';
import { nearestNeighbors, type NeighborTable } from './neighbors.ts';
import { conditionalAffinities } from './perplexity.ts';
import { perplexityProblem } from './validation.ts';
import { createTimeSlicer } from './time-slice.ts';

export interface AffinityResult {
  p: SparseAffinities;
  neighbors: NeighborTable;
  /** Entropy reached for each point, in nats (target: log perplexity). */
  entropies: Float64Array;
  milliseconds: { neighbors: number; calibration: number; total: number };
}

export interface AffinityOptions {
  onProgress?: ((stage: 'neighbors' | 'calibration', done: number, total: number) => void) | undefined;
  /** Stops between slices (the run ended): throws an AbortError. */
  signal?: AbortSignal | undefined;
}

/** How many neighbours a perplexity asks for (at most n - 1). */
export function neighborCount(n: number, perplexity: number): number {
  return Math.min(n - 1, Math.floor(3 * perplexity));
}

export async function computeAffinities(tf: Tf, features: Float32Array, n: number, dim: number, perplexity: number, options: AffinityOptions = {}): Promise<AffinityResult> {
  const problem = perplexityProblem(n, perplexity);
  if (problem) throw new RangeError(problem);
  const began = performance.now();
  const k = neighborCount(n, perplexity);
  const neighbors = await nearestNeighbors(tf, features, n, dim, k, {
    signal: options.signal,
    onProgress: (done) => options.onProgress?.('neighbors', done, n),
  });
  const searched = performance.now();
  options.onProgress?.('calibration', 0, n);
  const { conditional, entropies } = await conditionalAffinities(neighbors.distances, n, k, perplexity, { signal: options.signal });
  // Plain TypeScript on the page's thread on every backend: always in short tasks.
  const slicer = createTimeSlicer();
  const p = await symmetrize(n, k, neighbors.indices, conditional, async () => {
    await slicer();
    options.signal?.throwIfAborted();
  });
  const done = performance.now();
  return { p, neighbors, entropies, milliseconds: { neighbors: searched - began, calibration: done - searched, total: done - began } };
}
