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
