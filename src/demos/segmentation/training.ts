/**
 * The segmentation demo's training: the engine in a Web Worker where the backend runs there (else
 * on the page's thread, in slices); the page keeps the losses, the last predicted map of the
 * scene shown, the last evaluation and the training time.
 */
import { createSegmenterEngine, type SegmenterInit, type SegmenterReply, type SegmenterRound } from '../../engines/segmentation/segmenter-engine.ts';
import { startEngine } from '../../tf/engine-thread.ts';
import type { DemoContext } from '../types.ts';
import type { SEGMENTATION_SPEC } from './spec.ts';

/** Held-out evaluation every this many steps (and at the last). */
export const EVALUATE_EVERY = 50;

export async function startSegmenterTraining(context: DemoContext<typeof SEGMENTATION_SPEC>, init: SegmenterInit) {
  const engine = await startEngine<SegmenterInit, SegmenterRound, SegmenterReply>({
    tf: context.tf, backend: context.backend, signal: context.signal, init,
    worker: () => new Worker(new URL('./segmentation.worker.ts', import.meta.url), { type: 'module', name: 'Segmenter training' }),
    local: async () => createSegmenterEngine,
  });
  context.root.dataset['trainsIn'] = engine.where;
  const losses: number[] = [];
  const state = { step: 0, trainMs: 0, predicted: undefined as Uint8Array | undefined, evaluation: undefined as (SegmenterReply['evaluation'] & { step: number }) | undefined };
  return {
    state,
    losses,
    async round(steps: number, scene: number, learningRate: number, last: number): Promise<void> {
      const target = Math.min(last, state.step + steps);
      const evaluate = steps > 0 && (target === last || Math.floor(target / EVALUATE_EVERY) > Math.floor(state.step / EVALUATE_EVERY));
      const reply = await engine.request({ steps: target - state.step, learningRate, scene, evaluate });
      losses.push(...reply.losses);
      state.step = reply.step;
      state.trainMs += reply.trainMs;
      state.predicted = reply.predicted;
      if (reply.evaluation) state.evaluation = { ...reply.evaluation, step: reply.step };
    },
    offThreadTensors: () => engine.offThreadTensors(),
    dispose() {
      engine.dispose();
      delete context.root.dataset['trainsIn'];
    },
  };
}

export type SegmenterTraining = Awaited<ReturnType<typeof startSegmenterTraining>>;
