/** The linear-classifier demo's readouts, as pure functions of what the run knows (unit-tested). */
import type { LossKind } from '../../engines/loss-landscape/losses.ts';

export interface TrainingState {
  kind: LossKind;
  step: number;
  steps: number;
  learningRate: number;
  lambda: number;
  loss?: number | undefined;
  train?: number | undefined;
  validation?: number | undefined;
  test?: number | undefined;
  testDigits: number;
}

export interface SweepState {
  done: number;
  total: number;
  best?: { learningRate: number; lambda: number; validation: number } | undefined;
}

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
const NAMES: Record<LossKind, string> = { softmax: 'Softmax classifier', svm: 'Multiclass SVM' };

export function describeTraining(state: TrainingState): string {
  const head = `${NAMES[state.kind]}, step ${state.step} of ${state.steps} (learning rate ${state.learningRate}, λ ${state.lambda})`;
  if (state.loss === undefined || state.train === undefined || state.validation === undefined) return `${head}.`;
  const body = `${head}: loss ${state.loss.toFixed(3)}, training accuracy ${percent(state.train)}, validation accuracy ${percent(state.validation)}.`;
  return state.test === undefined ? body : `${body} Held-out test accuracy ${percent(state.test)} on ${state.testDigits.toLocaleString('en')} digits never used before.`;
}

export function describeSweep(state: SweepState): string {
  const best = state.best ? ` Best: learning rate ${state.best.learningRate}, λ ${state.best.lambda}, validation accuracy ${percent(state.best.validation)}.` : '';
  if (state.done < state.total) return `Sweep: ${state.done} of ${state.total} cells trained.${best}`;
  return state.best ? `Sweep done (${state.total} cells).${best} Retrained with it:` : `Sweep done (${state.total} cells): every cell diverged, no best cell. Lower the learning rates.`;
}

export function describeDivergence(step: number, learningRate: number): string {
  return `The loss became infinite or NaN at step ${step}: learning rate ${learningRate} is too large for these weights. Lower it and press Reset.`;
}
