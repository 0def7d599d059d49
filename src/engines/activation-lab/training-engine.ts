/**
 * The lab's training as rounds of work, the form a Web Worker serves (src/tf/worker-serve.ts) and
 * the page's thread runs where the backend cannot start in a worker (src/tf/engine-thread.ts).
 * init: the digits (raw bytes: the worker standardizes the minibatches it draws), the shape, the
 * configurations and which digits to train on and to evaluate; a round: some Adam steps at the
 * reader's current learning rate and its schedule, then, if asked, an evaluation. Plain numbers come back.
 */
import type { Tf } from '../../tf/types.ts';
import type { ServedEngine } from '../../tf/worker-serve.ts';
import type { LabConfig, LabShape } from './network.ts';
import { scheduledRate, type Decay } from '../optimizers/schedule.ts';
import { createLabTrainer, type Digits, type Evaluation } from './trainer.ts';

export interface TrainingInit {
  data: Digits;
  /** `batch` is the minibatch size. */
  shape: LabShape;
  configs: LabConfig[];
  trainCount: number;
  evaluation: { start: number; count: number };
}

export interface TrainingRound {
  steps: number;
  /** α of the schedule: each step's rate is scheduledRate(α, step, totalSteps, decay). */
  learningRate: number;
  decay: Decay;
  totalSteps: number;
  evaluate: boolean;
}

export interface TrainingReply {
  step: number;
  /** This round's loss of each configuration, step by step. */
  losses: number[][];
  /** ‖ΔW‖/‖W‖ of each configuration's weight matrices at the round's last step. */
  ratios: number[][];
  evaluation?: Evaluation[];
}

export function createTrainingEngine(tf: Tf, init: TrainingInit, signal: AbortSignal): ServedEngine<TrainingRound, TrainingReply> {
  const trainer = createLabTrainer({ tf, ...init, signal });
  return {
    async handle({ steps, learningRate, decay, totalSteps, evaluate }) {
      const before = trainer.step;
      if (steps > 0) await trainer.train(steps, (t) => scheduledRate(learningRate, t, totalSteps, decay));
      const done = trainer.step - before;
      const reply: TrainingReply = { step: trainer.step, losses: trainer.losses.map((l) => l.slice(l.length - done)), ratios: trainer.ratios.map((r) => [...r]) };
      if (evaluate) reply.evaluation = await trainer.evaluate();
      return { reply };
    },
    dispose: () => trainer.dispose(),
  };
}
