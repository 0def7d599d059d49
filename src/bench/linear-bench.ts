/**
 * The linear classifier as a benchmark (issue 13, goals on wasm): wall time until a softmax
 * classifier (the demo's defaults: lr 0.5, λ 5e-4, batch 200) reaches 90% on the 2,000 held-out
 * test digits (checked every 50 steps, at most 4,000 steps), and the time of the demo's default
 * 5 × 5 sweep (300 steps per cell). The engine is the demo's, on the page's thread.
 */
import type { MnistData } from '../data/mnist-format.ts';
import { linearSplits } from '../engines/linear-classifier/linear-data.ts';
import { createLinearEngine } from '../engines/linear-classifier/linear-engine.ts';
import { bestCell, cellAt, sweepGrid } from '../engines/linear-classifier/sweep.ts';
import type { Tf } from '../tf/types.ts';

const HYPER = { learningRate: 0.5, lambda: 5e-4 };

export async function linearClassifierBenchmark(tf: Tf, data: MnistData) {
  const init = { images: data.images, labels: data.labels, splits: linearSplits(data.manifest.trainCount, data.manifest.count), kind: 'softmax' as const, batchSize: 200, seed: 1 };
  const signal = new AbortController().signal;
  let started = performance.now();
  const engine = createLinearEngine(tf, init, signal);
  const prepareMs = performance.now() - started;
  started = performance.now();
  let test = 0;
  let step = 0;
  let trainingMs = 0;
  while (test < 0.9 && step < 4000) {
    const round = performance.now();
    const reply = (await engine.handle({ op: 'train', steps: 50, hyper: HYPER, evaluate: false, weights: false, test: false })).reply;
    trainingMs += performance.now() - round;
    step = reply.step;
    test = (await engine.handle({ op: 'train', steps: 0, hyper: HYPER, evaluate: false, weights: false, test: true })).reply.test!;
  }
  const msTo90 = test >= 0.9 ? performance.now() - started : null;

  const grid = sweepGrid(5);
  const accuracies: number[] = [];
  started = performance.now();
  for (let k = 0; k < 25; k++) accuracies.push((await engine.handle({ op: 'cell', steps: 300, hyper: cellAt(grid, k) })).reply.accuracy!.validation);
  const sweepMs = performance.now() - started;
  engine.dispose();
  const best = bestCell(accuracies);
  return {
    goal: 'softmax >= 90% held-out accuracy within 10000 ms; 5 x 5 sweep (300 steps per cell) within 60000 ms',
    softmax: { msTo90: msTo90 === null ? null : Math.round(msTo90), prepareMs: Math.round(prepareMs), steps: step, testAccuracy: test, msPerStep: trainingMs / Math.max(1, step) },
    sweep5x5: { ms: Math.round(sweepMs), best: { ...cellAt(grid, best), validation: accuracies[best] }, validationAccuracies: accuracies },
  };
}
