/** The t-SNE run's data for export: the embedding as CSV rows, and everything as JSON (pure, unit-tested). */
import type { AffinityResult } from '../../engines/tsne/affinities.ts';
import type { KlRecord } from '../../engines/tsne/tsne-engine.ts';
import { toCsv } from '../export.ts';
import type { AccuracyRecord } from './summary.ts';

export interface TsneExportState {
  n: number;
  features: string;
  perplexity: number;
  method: string;
  iteration: number;
  labels: ArrayLike<number>;
  y: Float64Array;
  affinities: Pick<AffinityResult, 'milliseconds'> & { neighbors: { k: number }; p: { cols: { length: number } } };
  msPerIteration: number;
  kls: readonly KlRecord[];
  accuracies: readonly AccuracyRecord[];
  inputAccuracy: number;
}

export function tsneExport(state: TsneExportState): { csv: string; json: unknown } {
  const { n, y, labels, affinities } = state;
  const rows = Array.from({ length: n }, (_, i) => [i, labels[i]!, y[2 * i]!, y[2 * i + 1]!]);
  return {
    csv: toCsv(['digit', 'label', 'x', 'y'], rows),
    json: {
      n, features: state.features, perplexity: state.perplexity, method: state.method, iteration: state.iteration,
      affinities: { neighbors: affinities.neighbors.k, nonzero: affinities.p.cols.length, milliseconds: affinities.milliseconds },
      msPerIteration: state.msPerIteration, kl: state.kls, accuracy: state.accuracies, inputSpaceAccuracy: state.inputAccuracy,
      embedding: rows.map(([, label, x, v]) => ({ label, x, y: v })),
    },
  };
}

/** The exported map's title line. */
export function tsneFigureTitle(n: number, features: string, perplexity: number, iteration: number, kls: readonly KlRecord[]): string {
  const last = kls.at(-1);
  return `t-SNE of ${n} MNIST digits (${features}), perplexity ${perplexity}, iteration ${iteration}${last ? `, KL ${last.kl.toFixed(3)}` : ''}`;
}
