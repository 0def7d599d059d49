/**
 * t-SNE with Barnes-Hut repulsion, in plain TypeScript in the calling thread: the gradient is
 * 4 (alpha * attraction - repulsion / Z), with attraction over the sparse P and repulsion and Z
 * from the quadtree. No tensors: nothing to dispose. The same iteration runs in Web Workers in
 * barnes-hut-workers.ts, with identical results.
 */
import { createForceField, createOptimizerState } from './barnes-hut-core.ts';
import { sumBlocks } from './barnes-hut.ts';
import { scheduleAt, type Schedule } from './gradient-descent.ts';
import type { SparseAffinities } from './joint-affinities.ts';
import type { KlRecord, RunOptions, TsneEngine } from './tsne-engine.ts';
import { learningRateProblem } from './validation.ts';
import { createTimeSlicer } from './time-slice.ts';

export function createBarnesHutTsne(p: SparseAffinities, initial: Float64Array, theta: number): TsneEngine {
  const n = p.n;
  const field = createForceField(p, theta);
  const state = createOptimizerState(p, initial);
  let msPerIteration = Number.NaN;
  const forces = () => {
    field.build(state.y);
    field.compute(state.y, 0, n);
  };

  return {
    n,
    method: 'barnes-hut',
    background: false,
    get iteration() {
      return state.iteration;
    },
    get msPerIteration() {
      return msPerIteration;
    },
    async run(count: number, schedule: Schedule, options: RunOptions = {}) {
      const problem = learningRateProblem(schedule.learningRate);
      if (problem) throw new RangeError(problem);
      const records: KlRecord[] = [];
      const klEvery = options.klEvery ?? 0;
      let busy = 0;
      // Iterations in the page's thread: a pause every 25 ms keeps the page responsive.
      const pause = createTimeSlicer();
      for (let step = 0; step < count; step++) {
        options.signal?.throwIfAborted();
        const began = performance.now();
        const { exaggeration, momentum } = scheduleAt(schedule, state.iteration);
        forces();
        // The divergence of the embedding before this update: its Z is already known.
        if (klEvery > 0 && state.iteration % klEvery === 0) records.push({ iteration: state.iteration, kl: state.kl(sumBlocks(field.blockZ)) });
        state.step(field, exaggeration, momentum, schedule.learningRate);
        busy += performance.now() - began;
        if (step < count - 1) await pause();
      }
      if (count > 0) msPerIteration = busy / count;
      return records;
    },
    async embedding() {
      return Float64Array.from(state.y);
    },
    async klDivergence() {
      forces();
      return state.kl(sumBlocks(field.blockZ));
    },
    async gradient(exaggeration: number) {
      forces();
      return state.gradient(field, exaggeration);
    },
    dispose() {
      // Plain arrays only: the garbage collector takes them.
    },
  };
}
