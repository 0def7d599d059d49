/** The kNN export: validation accuracy per fold and k as CSV; timings, folds, the chosen k and the held-out score as JSON. */
import type { SessionState } from '../../engines/knn/session.ts';
import { toCsv } from '../export.ts';

export function exportKnn(settings: object, state: SessionState | undefined): { csv: string; json: unknown } {
  const rows = state?.accuracy.flatMap((row, fold) => row.map((a, i) => [fold + 1, state.ks[i]!, a])) ?? [];
  return {
    csv: toCsv(['fold', 'k', 'validation_accuracy'], rows),
    json: state && {
      settings,
      timings: state.timings,
      folds: state.folds,
      ks: state.ks,
      skippedKs: state.skipped,
      accuracy: state.accuracy,
      chosenK: state.chosenK,
      heldOut: { digits: state.heldOutTotal, scored: state.heldOutDone, correct: state.heldOutCorrect },
      crossValidationMs: state.crossValidationMs,
    },
  };
}
