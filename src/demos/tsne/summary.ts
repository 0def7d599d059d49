/** The t-SNE demo's readouts, messages and summary, as pure functions of what the run knows (unit-tested). */
import type { KlRecord } from '../../engines/tsne/tsne-engine.ts';
import { BACKEND_LABELS, type BackendName } from '../../tf/types.ts';

/** The map's 1-NN accuracy is measured every this many iterations (batches stop there). */
export const ACCURACY_EVERY = 50;

export interface AccuracyRecord {
  iteration: number;
  accuracy: number;
}

export interface TsneProgress {
  n: number;
  iteration: number;
  total: number;
  kls: readonly KlRecord[];
  accuracies: readonly AccuracyRecord[];
  /** 1-NN accuracy in the input space (the dashed line). */
  inputAccuracy: number;
  /** Compute time per iteration of the last batch; NaN before the first. */
  msPerIteration: number;
  /** Which gradient, where (methodText). */
  method: string;
  /** The distance's space, as a phrase (features.ts). */
  features: string;
}

const count = (value: number) => value.toLocaleString('en-US');
const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

export function methodText(method: 'exact' | 'barnes-hut', backend: BackendName, workers: number): string {
  if (method === 'exact') return `exact gradient on ${BACKEND_LABELS[backend]}`;
  return `Barnes-Hut gradient (θ = 0.5)${workers > 0 ? ` in ${workers} Web Worker${workers > 1 ? 's' : ''}` : ''}`;
}

export function affinitiesText(neighbors: number, nonzero: number, milliseconds: number): string {
  return `${neighbors} neighbours per digit, ${count(nonzero)} nonzero pᵢⱼ, in ${seconds(milliseconds)}`;
}

export function neighborsMessage(perplexity: number, features: string, done: number, total: number): string {
  return `Finding the ${Math.floor(3 * perplexity)} nearest neighbours of each digit in ${features}: ${count(done)} of ${count(total)}…`;
}

export function calibrationMessage(perplexity: number): string {
  return `Setting each digit's bandwidth σᵢ for perplexity ${perplexity}…`;
}

/** The readouts beside the map, by their data-readout names. */
export function tsneReadouts(state: TsneProgress): { iteration: string; kl: string; accuracy: string; time: string } {
  const kl = state.kls.at(-1);
  const accuracy = state.accuracies.at(-1);
  return {
    iteration: `${count(state.iteration)} of ${count(state.total)}`,
    kl: kl ? kl.kl.toFixed(3) : '…',
    accuracy: accuracy ? `${percent(accuracy.accuracy)} (input space ${percent(state.inputAccuracy)})` : '…',
    time: Number.isFinite(state.msPerIteration) ? `${state.msPerIteration.toFixed(1)} ms (${state.method})` : '…',
  };
}

export function describeTsne(state: TsneProgress): string {
  const kl = state.kls.at(-1);
  const accuracy = state.accuracies.at(-1);
  return `t-SNE of ${count(state.n)} digits, distances between ${state.features}; iteration ${state.iteration} of ${state.total}.`
    + (kl ? ` KL divergence ${kl.kl.toFixed(3)}.` : '')
    + (accuracy ? ` Nearest-neighbour label accuracy in the map ${percent(accuracy.accuracy)}, in the input space ${percent(state.inputAccuracy)}.` : '')
    + (Number.isFinite(state.msPerIteration) ? ` ${state.msPerIteration.toFixed(1)} ms per iteration, ${state.method}.` : '');
}

/** Values at iterations 0, every, 2 every, ... up to `total`; NaN (a gap) where none was recorded. */
export function onGrid(points: readonly (readonly [number, number])[], every: number, total: number): number[] {
  const values = new Array<number>(Math.floor(total / every) + 1).fill(Number.NaN);
  for (const [iteration, value] of points) if (iteration % every === 0 && iteration / every < values.length) values[iteration / every] = value;
  return values;
}

/** Leave-one-out 1-NN accuracy in the input space: each digit's nearest neighbour is in the table. */
export function inputSpaceAccuracy(neighbors: { k: number; indices: Int32Array }, labels: ArrayLike<number>): number {
  const { k, indices } = neighbors;
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (labels[indices[i * k]!] === labels[i]) correct++;
  return correct / labels.length;
}
