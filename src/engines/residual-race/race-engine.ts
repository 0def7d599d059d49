/**
 * The residual race as rounds of work, the form a Web Worker serves (src/tf/worker-serve.ts) and
 * the page's thread runs where the backend cannot start in a worker (src/tf/engine-thread.ts). A
 * round trains both nets some steps, reading the per-layer gradient norms at the steps asked
 * for, and measures the held-out accuracy of both if asked. Plain arrays only cross.
 */
import type { Tf } from '../../tf/types.ts';
import type { ServedEngine } from '../../tf/worker-serve.ts';
import type { NetKind } from './race-net.ts';
import { createRaceTrainer, type RaceOptions } from './race-trainer.ts';

export type RaceInit = Omit<RaceOptions, 'tf' | 'signal'>;

export interface RaceRound {
  steps: number;
  /** Read the gradient norms at steps that are multiples of this (step 0 included). */
  normsEvery: number;
  evaluate: boolean;
}

export interface NormsAt {
  step: number;
  norms: Record<NetKind, number[]>;
}

export interface RaceReply {
  /** Steps done so far, this round included. */
  step: number;
  layers: string[];
  /** Each step's training loss of this round. */
  losses: Record<NetKind, number[]>;
  norms: NormsAt[];
  accuracy?: Record<NetKind, number>;
}

export function createRaceEngine(tf: Tf, init: RaceInit, signal: AbortSignal): ServedEngine<RaceRound, RaceReply> {
  const trainer = createRaceTrainer({ tf, ...init, signal });
  return {
    async handle(round) {
      const reply: RaceReply = { step: trainer.step, layers: trainer.layers, losses: { plain: [], residual: [] }, norms: [] };
      let at = trainer.step;
      await trainer.train(round.steps, (step) => step % round.normsEvery === 0, (record) => {
        reply.losses.plain.push(record.losses.plain);
        reply.losses.residual.push(record.losses.residual);
        if (record.norms) reply.norms.push({ step: at, norms: record.norms });
        at += 1;
      });
      reply.step = trainer.step;
      if (round.evaluate) reply.accuracy = await trainer.evaluate();
      return { reply };
    },
    dispose: () => trainer.dispose(),
  };
}
