/**
 * Training for the demos on scenes of digits (detector, segmentation): the engine in a Web Worker
 * where the backend runs there (else on the page's thread, in slices), and what the page keeps of
 * it: the losses, the last reply (the outputs for the scene shown), the last evaluation with its
 * step, and the training time.
 */
import { startEngine, type StartEngineOptions } from '../tf/engine-thread.ts';
import type { DemoContext } from './types.ts';

/** Held-out evaluation every this many steps (and at the last). */
export const EVALUATE_EVERY = 50;

export interface SceneRound {
  steps: number;
  learningRate: number;
  /** The held-out scene whose outputs come back. */
  scene: number;
  evaluate: boolean;
}

export interface SceneReply {
  step: number;
  losses: number[];
  /** Wall time of this round's training steps. */
  trainMs: number;
  evaluation?: object | undefined;
}

type Engine<I, R> = Pick<StartEngineOptions<I, SceneRound, R>, 'init' | 'engine' | 'worker' | 'local'>;

export async function startSceneTraining<I, R extends SceneReply>(context: Pick<DemoContext, 'tf' | 'backend' | 'signal' | 'root'>, options: Engine<I, R>) {
  const engine = await startEngine<I, SceneRound, R>({ tf: context.tf, backend: context.backend, signal: context.signal, ...options });
  context.root.dataset['trainsIn'] = engine.where;
  const losses: number[] = [];
  const state = { step: 0, trainMs: 0, last: undefined as R | undefined, evaluation: undefined as (NonNullable<R['evaluation']> & { step: number }) | undefined };
  return {
    state,
    losses,
    /** `steps` steps (0: just the scene's outputs), evaluating when a multiple of EVALUATE_EVERY or `last` is reached. */
    async round(steps: number, scene: number, learningRate: number, last: number): Promise<void> {
      const target = Math.min(last, state.step + steps);
      const evaluate = steps > 0 && (target === last || Math.floor(target / EVALUATE_EVERY) > Math.floor(state.step / EVALUATE_EVERY));
      const reply = await engine.request({ steps: target - state.step, learningRate, scene, evaluate });
      losses.push(...reply.losses);
      state.step = reply.step;
      state.trainMs += reply.trainMs;
      state.last = reply;
      if (reply.evaluation) state.evaluation = { ...(reply.evaluation as NonNullable<R['evaluation']>), step: reply.step };
    },
    offThreadTensors: () => engine.offThreadTensors(),
    dispose() {
      engine.dispose();
      delete context.root.dataset['trainsIn'];
    },
  };
}
