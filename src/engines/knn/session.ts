/**
 * The kNN experiment of Assignment 1 as a sequence of rounds (an async generator: the demo takes
 * one round per step, the benchmark all of them): the three distance implementations timed, then
 * cross-validation of k over the folds, then the held-out accuracy at the chosen k, once.
 * Each round is one request to the engine (knn-engine.ts), a fraction of a second of work.
 */
import type { Metric } from './distances.ts';
import { foldRanges, type Range } from './folds.ts';
import { D, type KnnReply, type KnnRequest, type LoopMethod, type NeighboursReply, type TimingReply } from './knn-engine.ts';
import { correctByK } from './vote.ts';

export const K_CHOICES = [1, 3, 5, 8, 10, 12, 15, 20, 50, 100] as const;
/** Multiply-adds one L2 round may hand the engine (about 0.1 s on wasm). */
const L2_WORK_PER_ROUND = 3e8;
const L1_WORK_PER_ROUND = 3e7;

export interface SessionOptions {
  request: (request: KnnRequest) => Promise<KnnReply>;
  /** Labels of the training digits (the first trainCount) and of the held-out digits. */
  trainLabels: Uint8Array;
  testLabels: Uint8Array;
  folds: number;
  metric: Metric;
  /** Held-out digits scored at the chosen k (the first ones). */
  heldOut: number;
  /** Timings: held-out queries × training digits for the loop versions. */
  timing?: { queries: number; train: number } | undefined;
}

export interface SessionState {
  phase: 'timing' | 'cross-validation' | 'held-out' | 'done';
  timings: TimingReply[];
  folds: Range[];
  /** The k that every fold's training part can supply, and those it cannot. */
  ks: number[];
  skipped: number[];
  /** accuracy[fold][i] for ks[i]; a fold appears once it is complete. */
  accuracy: number[][];
  /** Validation digits done so far, of trainCount. */
  validated: number;
  chosenK: number | undefined;
  heldOutCorrect: number;
  heldOutDone: number;
  heldOutTotal: number;
  /** Milliseconds spent in cross-validation rounds (the engine's work plus messages). */
  crossValidationMs: number;
}

/** Mean and standard deviation over folds, per k. */
export function foldStatistics(accuracy: readonly number[][], ks: readonly number[]): { k: number; mean: number; std: number }[] {
  return ks.map((k, i) => {
    const values = accuracy.map((row) => row[i]!);
    const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
    const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length));
    return { k, mean, std };
  });
}

/** The k with the best mean accuracy; the smallest such k on a tie. */
export function chooseK(accuracy: readonly number[][], ks: readonly number[]): number {
  const stats = foldStatistics(accuracy, ks);
  return stats.reduce((best, s) => (s.mean > best.mean ? s : best), stats[0]!).k;
}

/** The k of K_CHOICES that every fold's training part (n minus the largest fold) can supply, and the rest. */
export function splitKs(n: number, folds: number): { ks: number[]; skipped: number[]; smallestTraining: number } {
  const ranges = foldRanges(n, folds);
  const smallestTraining = n - Math.max(...ranges.map((f) => f.end - f.start));
  return { ks: K_CHOICES.filter((k) => k <= smallestTraining), skipped: K_CHOICES.filter((k) => k > smallestTraining), smallestTraining };
}

export async function* knnSession(options: SessionOptions): AsyncGenerator<SessionState, SessionState> {
  const n = options.trainLabels.length;
  const folds = foldRanges(n, options.folds);
  const { ks, skipped, smallestTraining } = splitKs(n, options.folds);
  const state: SessionState = {
    phase: 'timing', timings: [], folds, ks, skipped, accuracy: [], validated: 0,
    chosenK: undefined, heldOutCorrect: 0, heldOutDone: 0, heldOutTotal: Math.min(options.heldOut, options.testLabels.length), crossValidationMs: 0,
  };
  if (ks.length === 0) throw new RangeError(`each fold leaves only ${smallestTraining} training digits, fewer than the smallest k (1)`);
  const { metric } = options;
  if (options.timing) {
    for (const method of ['two', 'one', 'none'] as LoopMethod[]) {
      state.timings.push((await options.request({ kind: 'timing', method, metric, ...options.timing })) as TimingReply);
      yield state;
    }
  }
  state.phase = 'cross-validation';
  const width = Math.max(...ks);
  const rowsPerRound = (trainRows: number) => Math.max(1, Math.floor((metric === 'l2' ? L2_WORK_PER_ROUND : L1_WORK_PER_ROUND) / (trainRows * D)));
  for (const fold of folds) {
    const correct = ks.map(() => 0);
    const rows = rowsPerRound(n - (fold.end - fold.start));
    for (let start = fold.start; start < fold.end; start += rows) {
      const end = Math.min(fold.end, start + rows);
      const began = performance.now();
      const reply = (await options.request({ kind: 'neighbours', set: 'train', start, end, exclude: fold, count: width, metric })) as NeighboursReply;
      state.crossValidationMs += performance.now() - began;
      const labels = Uint8Array.from(reply.indices, (i) => options.trainLabels[i]!);
      correctByK(labels, width, options.trainLabels.subarray(start, end), ks).forEach((c, i) => (correct[i]! += c));
      state.validated += end - start;
      if (end === fold.end) state.accuracy.push(correct.map((c) => c / (fold.end - fold.start)));
      yield state;
    }
  }
  state.chosenK = chooseK(state.accuracy, ks);
  state.phase = 'held-out';
  const rows = rowsPerRound(n);
  for (let start = 0; start < state.heldOutTotal; start += rows) {
    const end = Math.min(state.heldOutTotal, start + rows);
    const reply = (await options.request({ kind: 'neighbours', set: 'test', start, end, count: state.chosenK, metric })) as NeighboursReply;
    const labels = Uint8Array.from(reply.indices, (i) => options.trainLabels[i]!);
    state.heldOutCorrect += correctByK(labels, state.chosenK, options.testLabels.subarray(start, end), [state.chosenK])[0]!;
    state.heldOutDone = end;
    if (end < state.heldOutTotal) yield state;
  }
  state.phase = 'done';
  return state;
}
