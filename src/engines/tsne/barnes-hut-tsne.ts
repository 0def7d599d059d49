/**
 * t-SNE with Barnes-Hut repulsion, in plain TypeScript on the main thread: the gradient is
 * 4 (alpha * attraction - repulsion / Z), with attraction over the sparse P and repulsion and Z
 * from the quadtree. No tensors: nothing to dispose.
 */
import { attraction, klDivergence } from './attraction.ts';
import { createQuadTreeBuilder, repulsion } from './barnes-hut.ts';
import { center, gainsStep, scheduleAt, type Schedule } from './gradient-descent.ts';
import { negativeEntropy, type SparseAffinities } from './joint-affinities.ts';
import type { KlRecord, RunOptions, TsneEngine } from './tsne-engine.ts';
import { learningRateProblem } from './validation.ts';
import { yieldToEventLoop } from '../yield.ts';

export function createBarnesHutTsne(p: SparseAffinities, initial: Float64Array, theta: number): TsneEngine {
  const n = p.n;
  const y = Float64Array.from(initial);
  const update = new Float64Array(2 * n);
  const gains = new Float64Array(2 * n).fill(1);
  const attractive = new Float64Array(2 * n);
  const repulsive = new Float64Array(2 * n);
  const gradient = new Float64Array(2 * n);
  const builder = createQuadTreeBuilder();
  const constant = negativeEntropy(p);
  let iteration = 0;

  /** Fills `gradient` at the current y; returns Z. */
  const computeGradient = (exaggeration: number): number => {
    const z = repulsion(builder.build(y, n), y, n, theta, repulsive);
    attraction(p, y, attractive);
    const scale = 4 / z;
    for (let c = 0; c < 2 * n; c++) gradient[c] = 4 * exaggeration * attractive[c]! - scale * repulsive[c]!;
    return z;
  };

  return {
    n,
    method: 'barnes-hut',
    get iteration() {
      return iteration;
    },
    async run(count: number, schedule: Schedule, options: RunOptions = {}) {
      const records: KlRecord[] = [];
      const problem = learningRateProblem(schedule.learningRate);
      if (problem) throw new RangeError(problem);
      const klEvery = options.klEvery ?? 0;
      for (let step = 0; step < count; step++) {
        const { exaggeration, momentum } = scheduleAt(schedule, iteration);
        const z = computeGradient(exaggeration);
        // The divergence of the embedding before this update: Z is already known.
        if (klEvery > 0 && iteration % klEvery === 0) records.push({ iteration, kl: klDivergence(p, y, z, constant) });
        gainsStep(y, gradient, update, gains, schedule.learningRate, momentum);
        center(y, n);
        iteration++;
        if (options.yieldOften && step < count - 1) await yieldToEventLoop();
      }
      return records;
    },
    async embedding() {
      return Float64Array.from(y);
    },
    async klDivergence() {
      const z = repulsion(builder.build(y, n), y, n, theta, repulsive);
      return klDivergence(p, y, z, constant);
    },
    async gradient(exaggeration: number) {
      computeGradient(exaggeration);
      return Float64Array.from(gradient);
    },
    dispose() {
      // Plain arrays only: the garbage collector takes them.
    },
  };
}
