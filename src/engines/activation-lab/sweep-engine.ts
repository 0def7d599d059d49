/**
 * The activation lab's sweep as rounds of work, the form in which a Web Worker serves it
 * (src/tf/worker-serve.ts) and, where the backend cannot run in a worker, the page's own thread
 * (src/tf/engine-thread.ts). On wasm one sweep of the default 10 × 500 net is seconds of
 * synchronous work: in a worker the page never feels it.
 *
 * init: the batch (standardized pixels and labels) once per run; request: one configuration;
 * reply: its per-layer statistics as plain numbers (structured-cloned, no tensors).
 */
import type { Tf } from '../../tf/types.ts';
import type { ServedEngine } from '../../tf/worker-serve.ts';
import type { LabConfig, LabShape } from './network.ts';
import { statisticsSweep, type SweepInput, type SweepResult } from './sweep.ts';

export type SweepInit = SweepInput;

export interface SweepRequest {
  shape: LabShape;
  config: LabConfig;
}

export function createSweepEngine(tf: Tf, init: SweepInit, signal: AbortSignal): ServedEngine<SweepRequest, SweepResult> {
  return {
    async handle({ shape, config }) {
      if (shape.batch * shape.inputs !== init.x.length || shape.batch !== init.labels.length) {
        throw new Error(`the sweep was asked for a batch of ${shape.batch} but holds ${init.labels.length} digits`);
      }
      return { reply: await statisticsSweep(tf, shape, config, init, signal) };
    },
    dispose: () => undefined, // each sweep disposes its tensors before it resolves
  };
}
