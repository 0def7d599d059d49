/**
 * The pieces of a Barnes-Hut t-SNE iteration, shared by the in-thread engine and the workers:
 * - a force field: the quadtree of the current embedding, and the attractive and repulsive
 *   forces of any range of points (in tree order), so several threads can each take a range;
 * - the optimizer state: embedding, momentum, gains, and the step from the forces.
 * Every split of the points gives bit-identical results (Z is summed in fixed blocks).
 */
import { attraction, klDivergence } from './attraction.ts';
import { createQuadTreeBuilder, repulsion, sumBlocks, Z_BLOCK, type QuadTree } from './barnes-hut.ts';
import { center, gainsStep } from './gradient-descent.ts';
import { negativeEntropy, type SparseAffinities } from './joint-affinities.ts';

export interface ForceField {
  attractive: Float64Array;
  repulsive: Float64Array;
  blockZ: Float64Array;
  /** Builds the quadtree of y; returns the points in tree order. */
  build(y: Float64Array): Int32Array;
  /** Fills the forces of the points at tree positions [from, to) and their blocks of Z. */
  compute(y: Float64Array, from: number, to: number): void;
}

export function createForceField(p: SparseAffinities, theta: number): ForceField {
  const n = p.n;
  const builder = createQuadTreeBuilder();
  const attractive = new Float64Array(2 * n);
  const repulsive = new Float64Array(2 * n);
  const blockZ = new Float64Array(Math.ceil(n / Z_BLOCK));
  let tree: QuadTree | undefined;
  return {
    attractive,
    repulsive,
    blockZ,
    build(y) {
      tree = builder.build(y, n);
      return tree.order;
    },
    compute(y, from, to) {
      if (!tree) throw new Error('build the tree first');
      repulsion(tree, y, theta, repulsive, blockZ, from, to);
      attraction(p, y, attractive, tree.order, from, to);
    },
  };
}

/** Contiguous, block-aligned ranges of tree positions, one per thread. */
export function splitRanges(n: number, parts: number): [number, number][] {
  const blocks = Math.ceil(n / Z_BLOCK);
  const ranges: [number, number][] = [];
  for (let part = 0; part < parts; part++) {
    const from = Math.min(n, Math.round((blocks * part) / parts) * Z_BLOCK);
    const to = Math.min(n, Math.round((blocks * (part + 1)) / parts) * Z_BLOCK);
    ranges.push([from, to]);
  }
  return ranges;
}

export interface OptimizerState {
  y: Float64Array;
  iteration: number;
  /** Applies one update from the field's forces (all points filled); returns Z. */
  step(field: ForceField, exaggeration: number, momentum: number, learningRate: number): number;
  /** KL(P || Q) of the current y, given its Z. */
  kl(z: number): number;
  /** The gradient in the field's forces (tests). */
  gradient(field: ForceField, exaggeration: number): Float64Array;
}

export function createOptimizerState(p: SparseAffinities, initial: Float64Array): OptimizerState {
  const n = p.n;
  const y = Float64Array.from(initial);
  const update = new Float64Array(2 * n);
  const gains = new Float64Array(2 * n).fill(1);
  const gradient = new Float64Array(2 * n);
  const constant = negativeEntropy(p);
  const fillGradient = (field: ForceField, exaggeration: number): number => {
    const z = sumBlocks(field.blockZ);
    const scale = 4 / z;
    for (let c = 0; c < 2 * n; c++) gradient[c] = 4 * exaggeration * field.attractive[c]! - scale * field.repulsive[c]!;
    return z;
  };
  const state: OptimizerState = {
    y,
    iteration: 0,
    step(field, exaggeration, momentum, learningRate) {
      const z = fillGradient(field, exaggeration);
      gainsStep(y, gradient, update, gains, learningRate, momentum);
      center(y, n);
      state.iteration++;
      return z;
    },
    kl(z) {
      return klDivergence(p, y, z, constant);
    },
    gradient(field, exaggeration) {
      fillGradient(field, exaggeration);
      return Float64Array.from(gradient);
    },
  };
  return state;
}

/**
 * Splits the points between the threads in proportion to how fast each did its share last time
 * (dense regions cost more per point, and other programs share the cores). Any split gives the
 * same results, so the balance may follow the timings freely.
 */
export interface Balance {
  /** The current split: contiguous, block-aligned ranges of tree positions covering [0, n). */
  ranges(): [number, number][];
  /** Compute time of each thread's share in the last iteration. */
  measured(milliseconds: number[]): void;
}

export function createBalance(n: number, threads: number): Balance {
  const blocks = Math.ceil(n / Z_BLOCK);
  let counts = splitRanges(n, threads).map(([from, to]) => Math.ceil((to - from) / Z_BLOCK));
  return {
    ranges(): [number, number][] {
      let block = 0;
      return counts.map((count) => {
        const range: [number, number] = [Math.min(n, block * Z_BLOCK), Math.min(n, (block + count) * Z_BLOCK)];
        block += count;
        return range;
      });
    },
    measured(milliseconds: number[]): void {
      if (threads < 2 || blocks < threads || milliseconds.some((ms) => !(ms > 0))) return;
      const speeds = counts.map((count, t) => Math.max(count, 0.5) / milliseconds[t]!);
      const total = speeds.reduce((a, b) => a + b, 0);
      // Half-way towards the measured proportions, at least one block each.
      const target = speeds.map((speed, t) => 0.5 * counts[t]! + 0.5 * (blocks * speed) / total);
      const next = target.map((value) => Math.max(1, Math.round(value)));
      // Rounding may miss the total by a few blocks: take them from the largest share, give to the smallest.
      let excess = next.reduce((a, b) => a + b, 0) - blocks;
      while (excess !== 0) {
        const pick = excess > 0 ? next.indexOf(Math.max(...next)) : next.indexOf(Math.min(...next));
        next[pick] = next[pick]! - Math.sign(excess);
        excess -= Math.sign(excess);
      }
      counts = next;
    },
  };
}
