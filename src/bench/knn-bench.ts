/**
 * The kNN demo's experiment as a benchmark: the full 5-fold cross-validation of
 * k ∈ {1, 3, 5, 8, 10, 12, 15, 20, 50, 100} on 5,000 training digits (L2, the no-loop form), then
 * the held-out accuracy at the chosen k on all 2,000 held-out digits, and the three distance
 * implementations timed as the demo times them. Goal (issue 13, wasm): the sweep ≤ 15 s; the
 * held-out accuracy is reported (about 0.93 expected).
 */
import type { MnistData } from '../data/mnist-format.ts';
import { createKnnEngine, type KnnReply, type KnnRequest } from '../engines/knn/knn-engine.ts';
import { foldStatistics, knnSession, type SessionState } from '../engines/knn/session.ts';
import type { Tf } from '../tf/types.ts';

export async function knnBenchmark(tf: Tf, data: MnistData) {
  const n = 5000;
  const { trainCount } = data.manifest;
  const engine = createKnnEngine(tf, { train: data.images.slice(0, n * 784), test: data.images.slice(trainCount * 784) }, new AbortController().signal);
  const request = async (r: KnnRequest): Promise<KnnReply> => (await engine.handle(r)).reply;
  try {
    const session = knnSession({ request, trainLabels: data.labels.subarray(0, n), testLabels: data.labels.subarray(trainCount), folds: 5, metric: 'l2', heldOut: 2000, timing: { queries: 10, train: 250 } });
    let state: SessionState | undefined;
    let heldOutStarted = 0;
    for (;;) {
      const next = await session.next();
      state = next.value;
      if (state.phase === 'held-out' && heldOutStarted === 0) heldOutStarted = performance.now();
      if (next.done) break;
    }
    const heldOutMs = performance.now() - heldOutStarted;
    const best = foldStatistics(state.accuracy, state.ks).find((s) => s.k === state.chosenK)!;
    return {
      goal: '5-fold sweep over 10 values of k on 5,000 training digits <= 15000 ms on wasm; held-out accuracy at the chosen k about 0.93',
      sweepMs: Math.round(state.crossValidationMs),
      chosenK: state.chosenK,
      validationAccuracy: { mean: best.mean, std: best.std },
      meanValidationAccuracyByK: Object.fromEntries(foldStatistics(state.accuracy, state.ks).map((s) => [s.k, Math.round(s.mean * 1e4) / 1e4])),
      heldOutAccuracy: state.heldOutCorrect / state.heldOutTotal,
      heldOutDigits: state.heldOutTotal,
      heldOutMs: Math.round(heldOutMs),
      distances10x250Ms: Object.fromEntries(state.timings.map((t) => [t.method, Math.round(t.ms * 10) / 10])),
    };
  } finally {
    engine.dispose();
  }
}
