/**
 * The race's training: the engine in a Web Worker where the backend runs there (else on the
 * page's thread, in slices), and what the page keeps of it: both nets' losses step by step, the
 * held-out accuracies, and the per-layer gradient norms at the steps they were read.
 */
import type { NetKind } from '../../engines/residual-race/race-net.ts';
import { type NormsAt, type RaceInit, type RaceReply, type RaceRound } from '../../engines/residual-race/race-engine.ts';
import { startEngine } from '../../tf/engine-thread.ts';
import { demoEngine } from '../demo-worker.ts';
import type { DemoContext } from '../types.ts';
import type { RESIDUAL_RACE_SPEC } from './spec.ts';

export const NORMS_EVERY = 50;
export const EVALUATE_EVERY = 100;

export interface RaceHistory {
  layers: string[];
  losses: Record<NetKind, number[]>;
  accuracies: { step: number; plain: number; residual: number }[];
  norms: NormsAt[];
}

export async function startRaceTraining(context: DemoContext<typeof RESIDUAL_RACE_SPEC>, init: RaceInit) {
  const engine = await startEngine<RaceInit, RaceRound, RaceReply>({
    tf: context.tf, backend: context.backend, signal: context.signal, init,
    ...demoEngine('residual-race', 'Residual race'),
  });
  context.root.dataset['trainsIn'] = engine.where;
  const history: RaceHistory = { layers: [], losses: { plain: [], residual: [] }, accuracies: [], norms: [] };
  let step = 0;
  return {
    history,
    get step() {
      return step;
    },
    /** `steps` steps (at most `left`), with an evaluation at every EVALUATE_EVERY-th step and at the end. */
    async round(steps: number, left: number) {
      const count = Math.min(steps, left);
      const end = step + count;
      const evaluate = count === left || Math.floor(end / EVALUATE_EVERY) > Math.floor(step / EVALUATE_EVERY);
      const reply = await engine.request({ steps: count, normsEvery: NORMS_EVERY, evaluate });
      history.layers = reply.layers;
      history.losses.plain.push(...reply.losses.plain);
      history.losses.residual.push(...reply.losses.residual);
      history.norms.push(...reply.norms);
      step = reply.step;
      if (reply.accuracy) history.accuracies.push({ step, ...reply.accuracy });
      return reply;
    },
    offThreadTensors: () => engine.offThreadTensors(),
    dispose() {
      engine.dispose();
      delete context.root.dataset['trainsIn'];
    },
  };
}

export type RaceTraining = Awaited<ReturnType<typeof startRaceTraining>>;
