/**
 * The lab's training, as the page keeps it: the engine in a Web Worker where the backend runs
 * there (else on the page's thread, in slices; data-trains-in says which), and what the figure
 * shows: each configuration's losses, its evaluations, its last update/weight ratios.
 */
import type { TrainingInit, TrainingReply, TrainingRound } from '../../engines/activation-lab/training-engine.ts';
import type { Evaluation } from '../../engines/activation-lab/trainer.ts';
import { startEngine } from '../../tf/engine-thread.ts';
import { demoEngine } from '../demo-worker.ts';
import type { DemoContext } from '../types.ts';
import type { ACTIVATION_LAB_SPEC } from './spec.ts';

/** Wall time of one round: a worker can take longer ones (the page never waits on them). */
const ROUND_MS = { worker: 400, main: 100 };

export interface LabTraining {
  readonly where: 'worker' | 'main';
  readonly step: number;
  /** Per configuration, the loss at every step. */
  readonly losses: readonly number[][];
  readonly evaluations: readonly { step: number; results: Evaluation[] }[];
  readonly ratios: readonly number[][];
  /** At most `most` steps (one round of about ROUND_MS, or `steps` exactly), then an evaluation if asked. */
  round(steps: number | undefined, most: number, rate: Pick<TrainingRound, 'learningRate' | 'decay' | 'totalSteps'>, evaluate: (from: number, to: number) => boolean): Promise<TrainingReply>;
  offThreadTensors(): number;
  dispose(): void;
}

export async function startLabTraining(context: DemoContext<typeof ACTIVATION_LAB_SPEC>, init: TrainingInit): Promise<LabTraining> {
  const engine = await startEngine<TrainingInit, TrainingRound, TrainingReply>({
    tf: context.tf, backend: context.backend, signal: context.signal, init,
    ...demoEngine('activation-lab-training', 'Activation lab training'),
  });
  context.root.dataset['trainsIn'] = engine.where;
  const losses = init.configs.map(() => [] as number[]);
  const evaluations: { step: number; results: Evaluation[] }[] = [];
  let ratios: number[][] = [];
  let msPerStep: number | undefined;
  let step = 0;
  return {
    where: engine.where,
    get step() { return step; },
    losses,
    evaluations,
    get ratios() { return ratios; },
    async round(steps, most, rate, evaluate) {
      // The first round is one step: on a GPU it compiles the shaders (seconds); then rounds of about ROUND_MS.
      const count = Math.min(most, steps ?? (msPerStep === undefined ? 1 : Math.max(1, Math.round(ROUND_MS[engine.where] / msPerStep))));
      const started = performance.now();
      const reply = await engine.request({ steps: count, ...rate, evaluate: evaluate(step, step + count) });
      if (count > 0) {
        const measured = (performance.now() - started) / count;
        msPerStep = msPerStep === undefined ? measured : 0.7 * msPerStep + 0.3 * measured;
      }
      reply.losses.forEach((values, k) => losses[k]!.push(...values));
      if (reply.evaluation) evaluations.push({ step: reply.step, results: reply.evaluation });
      ratios = reply.ratios;
      step = reply.step;
      return reply;
    },
    offThreadTensors: () => engine.offThreadTensors(),
    dispose() {
      engine.dispose();
      delete context.root.dataset['trainsIn'];
    },
  };
}
