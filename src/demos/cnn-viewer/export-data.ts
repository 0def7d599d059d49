/** The viewer's data for export (CSV and JSON), as a pure function of what the run holds (unit-tested). */
import type { CnnArchitecture } from '../../engines/cnn/architecture.ts';
import type { Evaluation } from '../../engines/cnn/cnn-trainer.ts';
import { toCsv } from '../export.ts';

export interface ViewerExportState {
  architecture: CnnArchitecture;
  input: { description: string; label: number | undefined; pixels: Float32Array | undefined };
  prediction: { scores: Float32Array; probabilities: Float32Array; predicted: number } | undefined;
  /** While training from scratch: the run's log. */
  training: { step: number; losses: readonly number[]; evaluations: readonly Evaluation[]; reached: { step: number; ms: number } | undefined; trainingMs: number } | undefined;
  /** How the shipped weights were trained (exported when they are the ones shown). */
  shipped: unknown;
}

/** Training: one row per step (loss, and the held-out accuracy where it was measured). Else: the prediction's classes. */
export function viewerExport(state: ViewerExportState): { csv: string; json: unknown } {
  const { training, prediction: p, input } = state;
  const accuracyAt = new Map(training?.evaluations.map((e) => [e.step, e.accuracy]));
  const csv = training
    ? toCsv(['step', 'loss', 'held_out_accuracy'], training.losses.map((loss, i) => [i + 1, loss, accuracyAt.get(i + 1) ?? Number.NaN]))
    : toCsv(['class', 'score', 'probability'], p ? Array.from(p.scores, (s, c) => [c, s, p.probabilities[c]!]) : []);
  return {
    csv,
    json: {
      weights: training ? 'scratch' : 'pretrained',
      architecture: state.architecture,
      input: { description: input.description, label: input.label ?? null, pixels: input.pixels ? Array.from(input.pixels) : null },
      prediction: p ? { class: p.predicted, scores: Array.from(p.scores), probabilities: Array.from(p.probabilities) } : null,
      training: training ? { steps: training.step, losses: training.losses, evaluations: training.evaluations, reached97: training.reached ?? null, milliseconds: training.trainingMs } : state.shipped,
    },
  };
}
