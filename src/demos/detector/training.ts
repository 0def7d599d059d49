/**
 * The detector demo's training: the engine in a Web Worker where the backend runs there (else on
 * the page's thread, in slices), and what the page keeps of it: the losses, the last raw outputs
 * of the scene shown, the last evaluation and the training time.
 */
import { createDetectorEngine, type DetectorInit, type DetectorReply, type DetectorRound } from '../../engines/detection/detector-engine.ts';
import { startEngine } from '../../tf/engine-thread.ts';
import type { DemoContext } from '../types.ts';
import type { DETECTOR_SPEC } from './spec.ts';

/** Held-out evaluation every this many steps (and at the last). */
export const EVALUATE_EVERY = 50;

export async function startDetectorTraining(context: DemoContext<typeof DETECTOR_SPEC>, init: DetectorInit) {
  const engine = await startEngine<DetectorInit, DetectorRound, DetectorReply>({
    tf: context.tf, backend: context.backend, signal: context.signal, init,
    worker: () => new Worker(new URL('./detector.worker.ts', import.meta.url), { type: 'module', name: 'Detector training' }),
    local: async () => createDetectorEngine,
  });
  context.root.dataset['trainsIn'] = engine.where;
  const losses: number[] = [];
  const state = { step: 0, trainMs: 0, raw: undefined as Float32Array | undefined, evaluation: undefined as (DetectorReply['evaluation'] & { step: number }) | undefined };
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
      state.raw = reply.raw;
      if (reply.evaluation) state.evaluation = { ...reply.evaluation, step: reply.step };
    },
    offThreadTensors: () => engine.offThreadTensors(),
    dispose() {
      engine.dispose();
      delete context.root.dataset['trainsIn'];
    },
  };
}

export type DetectorTraining = Awaited<ReturnType<typeof startDetectorTraining>>;
