/**
 * The spiral demo's training: the engine in a Web Worker where the backend runs there (else on
 * the page's thread, in slices), and what the page keeps of it: each model's losses and
 * accuracies, the last decision map and weights of the model shown.
 */
import type { SpiralInit, SpiralReply, SpiralRound } from '../../engines/spiral/spiral-engine.ts';
import type { SpiralModel } from '../../engines/spiral/spiral-trainer.ts';
import { startEngine } from '../../tf/engine-thread.ts';
import { demoEngine } from '../demo-worker.ts';
import type { DemoContext } from '../types.ts';
import type { SPIRAL_SPEC } from './spec.ts';

/** Wall time of one round: a worker can take longer ones (the page never waits on them). */
const ROUND_MS = { worker: 150, main: 40 };

export interface SpiralTraining {
  readonly where: 'worker' | 'main';
  readonly step: number;
  readonly history: Record<SpiralModel, { losses: number[]; accuracies: number[] }>;
  readonly last: SpiralReply | undefined;
  /** One round of about ROUND_MS (or exactly `steps` steps); refreshes the map of `show` (and the path of `inspect`). */
  round(steps: number | undefined, show: SpiralModel, hyper: SpiralRound['hyper'], most?: number, inspect?: SpiralRound['inspect']): Promise<SpiralReply>;
  /** A model's loss and accuracy at the last step, if it has taken one. */
  latest(model: SpiralModel): { loss: number; accuracy: number } | undefined;
  offThreadTensors(): number;
  dispose(): void;
}

export async function startSpiralTraining(context: DemoContext<typeof SPIRAL_SPEC>, init: SpiralInit): Promise<SpiralTraining> {
  const engine = await startEngine<SpiralInit, SpiralRound, SpiralReply>({
    tf: context.tf, backend: context.backend, signal: context.signal, init,
    ...demoEngine('spiral', 'Spiral training'),
  });
  context.root.dataset['trainsIn'] = engine.where;
  const history = { linear: { losses: [] as number[], accuracies: [] as number[] }, net: { losses: [] as number[], accuracies: [] as number[] } };
  let msPerStep: number | undefined;
  let step = 0;
  let last: SpiralReply | undefined;
  return {
    where: engine.where,
    get step() { return step; },
    history,
    get last() { return last; },
    async round(steps, show, hyper, most = Infinity, inspect) {
      const count = Math.min(most, steps ?? (msPerStep === undefined ? 5 : Math.max(1, Math.min(2000, Math.round(ROUND_MS[engine.where] / msPerStep)))));
      const started = performance.now();
      const reply = await engine.request({ steps: count, hyper, show, inspect });
      if (count > 0) {
        const measured = (performance.now() - started) / count;
        msPerStep = msPerStep === undefined ? measured : 0.7 * msPerStep + 0.3 * measured;
      }
      for (const model of ['linear', 'net'] as const) {
        history[model].losses.push(...(reply.losses[model] ?? []));
        history[model].accuracies.push(...(reply.accuracies[model] ?? []));
      }
      step = reply.step;
      last = reply;
      return reply;
    },
    latest(model) {
      const h = history[model];
      return h.losses.length > 0 ? { loss: h.losses.at(-1)!, accuracy: h.accuracies.at(-1)! } : undefined;
    },
    offThreadTensors: () => engine.offThreadTensors(),
    dispose() {
      engine.dispose();
      delete context.root.dataset['trainsIn'];
    },
  };
}
