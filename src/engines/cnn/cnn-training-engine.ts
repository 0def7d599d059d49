/**
 * "Train from scratch" as rounds of work, the form in which a Web Worker serves it
 * (src/tf/worker-serve.ts) and, where the backend cannot run in a worker, the page's own thread
 * (src/tf/engine-thread.ts): the same code on both, so the same seed gives the same losses.
 *
 * A round runs some steps with the schedule the reader has set now, then evaluates on the
 * held-out digits and reads the weights back if asked. Weights travel as Float32Arrays (their
 * buffers transferred), never as tensors: the page draws filters and runs its own forward passes.
 */
import type { Tf } from '../../tf/types.ts';
import type { ServedEngine } from '../../tf/worker-serve.ts';
import { PARAMETER_NAMES, type ParameterName } from './architecture.ts';
import { createCnnTrainer, type CnnTrainerOptions, type Evaluation, type TrainingSchedule } from './cnn-trainer.ts';

/** What the worker is started with: the trainer's options less what cannot cross a thread. */
export type CnnTrainingInit = Omit<CnnTrainerOptions, 'tf' | 'schedule' | 'signal'>;

export interface CnnTrainingRound {
  steps: number;
  schedule: TrainingSchedule;
  /** Classify the held-out digits after the steps. */
  evaluate: boolean;
  /** Send the weights back after the steps (for the page's filters and activations). */
  weights: boolean;
}

export interface CnnTrainingResult {
  /** Steps done so far, this round included. */
  step: number;
  /** The training loss of each step of this round. */
  losses: number[];
  evaluation?: Evaluation;
  weights?: Record<ParameterName, Float32Array>;
  /** Wall time of the round in the engine's thread. */
  milliseconds: number;
}

export function createCnnTrainingEngine(tf: Tf, init: CnnTrainingInit, signal: AbortSignal): ServedEngine<CnnTrainingRound, CnnTrainingResult> {
  let schedule: TrainingSchedule = { learningRate: 0, decay: 1, augment: false };
  const trainer = createCnnTrainer({ tf, ...init, schedule: () => schedule, signal });
  return {
    async handle(round) {
      const started = performance.now();
      schedule = round.schedule;
      const before = trainer.losses.length;
      await trainer.train(round.steps);
      const result: CnnTrainingResult = { step: trainer.step, losses: trainer.losses.slice(before), milliseconds: 0 };
      if (round.evaluate) result.evaluation = await trainer.evaluate();
      if (round.weights) result.weights = (await trainer.weights()).values;
      result.milliseconds = performance.now() - started;
      return { reply: result, transfer: result.weights ? PARAMETER_NAMES.map((name) => result.weights![name].buffer) : [] };
    },
    dispose: () => trainer.dispose(),
  };
}
