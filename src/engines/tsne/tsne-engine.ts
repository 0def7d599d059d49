/**
 * A t-SNE optimization over given affinities P: two interchangeable engines behind one interface.
 * - exact: every pair, as dense tensor ops on the tfjs backend (fast on a GPU, O(n^2) memory).
 * - barnes-hut: sparse attraction plus quadtree repulsion in plain TypeScript, O(n log n), in
 *   the calling thread or in Web Workers (the page stays responsive; several cores share it).
 *
 * Lifecycle: create (the embedding starts at seeded random points), run(count, schedule) as
 * often as wanted (the schedule may change between calls), read embedding() to draw,
 * dispose() when done (the exact engine holds tensors).
 */
import type { Tf } from '../../tf/types.ts';
import { createRandom } from '../random.ts';
import { createBarnesHutTsne } from './barnes-hut-tsne.ts';
import { createWorkerBarnesHutTsne } from './barnes-hut-workers.ts';
import { createExactTsne } from './exact-tsne.ts';
import type { Schedule } from './gradient-descent.ts';
import type { SparseAffinities } from './joint-affinities.ts';

export type GradientMethod = 'exact' | 'barnes-hut';

export interface RunOptions {
  /** Record KL(P || Q) at every iteration t with t % klEvery === 0 (0: never). */
  klEvery?: number | undefined;
  /**
   * Stops between iterations (the run ended): run() throws an AbortError. Iterations on the page's
   * thread go in short tasks (tensor work in awaited slices, plain TypeScript with pauses).
   */
  signal?: AbortSignal | undefined;
}

export interface KlRecord {
  /** Iterations done when the embedding had this divergence. */
  iteration: number;
  kl: number;
}

export interface TsneEngine {
  readonly n: number;
  readonly method: GradientMethod;
  readonly iteration: number;
  /** Compute time per iteration of the last run() (waits and yields excluded); NaN before. */
  readonly msPerIteration: number;
  /** True when the iterations run off the page's main thread (Web Workers). */
  readonly background: boolean;
  /** Runs `count` iterations; resolves with the KL divergences recorded on the way. */
  run(count: number, schedule: Schedule, options?: RunOptions): Promise<KlRecord[]>;
  /** The current embedding, x and y interleaved (a copy). */
  embedding(): Promise<Float64Array>;
  /** KL(P || Q) of the current embedding. */
  klDivergence(): Promise<number>;
  /** The gradient of KL at the current embedding with P multiplied by `exaggeration` (tests). */
  gradient(exaggeration: number): Promise<Float64Array>;
  dispose(): void;
}

export interface TsneOptions {
  tf: Tf;
  p: SparseAffinities;
  method: GradientMethod;
  seed: number;
  /** Barnes-Hut opening angle (0: exact; 0.5 by default). */
  theta?: number | undefined;
  /** Starting embedding (x, y interleaved); default: seeded Gaussian with standard deviation 1e-4. */
  initial?: Float64Array | undefined;
  /** Barnes-Hut in this many Web Workers (0 or none: in the calling thread). Same results. */
  workers?: number | undefined;
}

export function createTsne(options: TsneOptions): TsneEngine {
  const initial = options.initial ?? initialEmbedding(options.p.n, options.seed);
  if (options.method === 'exact') return createExactTsne(options.tf, options.p, initial);
  const theta = options.theta ?? 0.5;
  const workers = options.workers ?? 0;
  return workers > 0 && typeof Worker !== 'undefined'
    ? createWorkerBarnesHutTsne(options.p, initial, theta, workers)
    : createBarnesHutTsne(options.p, initial, theta);
}

/** Small random starting points, as in van der Maaten & Hinton (2008). */
export function initialEmbedding(n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: 2 * n }, () => 1e-4 * random.normal());
}
