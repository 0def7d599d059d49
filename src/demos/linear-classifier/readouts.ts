/** What the run tells the reader (summary) and exports (CSV and JSON), from its current state. */
import type { SweepGrid } from '../../engines/linear-classifier/sweep.ts';
import { toCsv } from '../export.ts';
import type { SettingsOf } from '../settings.ts';
import type { LINEAR_CLASSIFIER_SPEC } from './spec.ts';
import { describeSweep, describeTraining } from './summary.ts';
import type { LinearTraining } from './training.ts';

export interface LinearRunState {
  settings: SettingsOf<typeof LINEAR_CLASSIFIER_SPEC>;
  training: LinearTraining;
  sweep: { grid: SweepGrid; accuracies: number[]; cells: number };
  best: number;
  hyper: { learningRate: number; lambda: number } | undefined;
  testDigits: number;
}

export function summarizeLinear({ settings, training, sweep, best, hyper, testDigits }: LinearRunState): string {
  const last = training.evaluations.at(-1);
  const trainingText = hyper
    ? describeTraining({ kind: settings.loss, step: training.step, steps: settings.steps, ...hyper, loss: training.losses.at(-1), train: last?.train, validation: last?.validation, test: training.test, testDigits })
    : '';
  if (sweep.cells === 0) return trainingText;
  const bestText = best < 0 ? undefined : { ...hyper!, validation: sweep.accuracies[best]! };
  const sweepText = describeSweep({ done: sweep.accuracies.length, total: sweep.cells, best: bestText });
  return sweep.accuracies.length < sweep.cells || !hyper ? sweepText : `${sweepText} ${trainingText}`;
}

export function exportLinear({ settings, training, sweep, best, hyper }: LinearRunState): { csv: string; json: unknown } {
  const n = sweep.grid.learningRates.length;
  const csv = sweep.cells > 0
    ? toCsv(['learning_rate', 'lambda', 'validation_accuracy'], sweep.accuracies.map((a, k) => [sweep.grid.learningRates[k % n]!, sweep.grid.lambdas[Math.floor(k / n)]!, a]))
    : toCsv(['step', 'loss'], training.losses.map((loss, i) => [i + 1, loss]));
  return {
    csv,
    json: {
      loss: settings.loss,
      hyperparameters: hyper,
      losses: training.losses,
      evaluations: training.evaluations,
      testAccuracy: training.test,
      sweep: sweep.cells > 0 ? { ...sweep.grid, validationAccuracies: sweep.accuracies, best } : undefined,
      // W as [785 x 10], row-major: column c is class c's template, the last row the biases.
      weights: training.weights ? Array.from(training.weights) : undefined,
    },
  };
}
