/**
 * The optimization loop of a t-SNE run: batches of iterations that stop at each accuracy
 * measurement, the KL and accuracy records, and how many iterations a frame takes. In Web Workers
 * the next batch is computed while the page draws the last one (one batch of latency for new
 * settings); every batch is the same computation whatever its size, so frames change the pace,
 * never the numbers.
 */
import type { Schedule } from '../../engines/tsne/gradient-descent.ts';
import { nearestNeighborAccuracy } from '../../engines/tsne/quality.ts';
import type { KlRecord, TsneEngine } from '../../engines/tsne/tsne-engine.ts';
import { createFrameBudget } from '../frame-budget.ts';
import { ACCURACY_EVERY, type AccuracyRecord } from './summary.ts';

/** Work per frame on the page's thread; worker time per batch (batches overlap the frames). */
const MAIN_THREAD_BUDGET_MS = 30;
const WORKER_BATCH_MS = 25;
const MOST_PER_FRAME = 25;

export interface TsneOptimization {
  /** Runs one batch of at most `steps` iterations; resolves false once the run is complete. */
  advance(steps: number): Promise<boolean>;
  stepsPerFrame(): number;
  readonly kls: readonly KlRecord[];
  readonly accuracies: readonly AccuracyRecord[];
  /** The embedding after the last batch. */
  readonly y: Float64Array;
}

export async function createOptimization(options: { engine: TsneEngine; labels: Uint8Array; klEvery: number; signal: AbortSignal; total: () => number; schedule: () => Schedule }): Promise<TsneOptimization> {
  const { engine, labels, klEvery, signal, total } = options;
  // Every engine is timed, on any backend: a frame's iterations stay near the budget (in workers,
  // near the batch time that overlaps a frame). The first frame takes one iteration.
  const budgetMs = engine.background ? WORKER_BATCH_MS : MAIN_THREAD_BUDGET_MS;
  const budget = createFrameBudget({ mainThread: true, budgetMs, initialMsPerStep: budgetMs });
  const kls: KlRecord[] = [];
  const accuracies: AccuracyRecord[] = [];
  let y = await engine.embedding();
  const measureAccuracy = () => accuracies.push({ iteration: engine.iteration, accuracy: nearestNeighborAccuracy(y, labels, labels.length) });
  measureAccuracy();

  /** Starts the next batch: at most `steps` iterations, stopping at the next accuracy measurement. */
  const launch = (steps: number): Promise<KlRecord[]> => {
    const next = ACCURACY_EVERY * (Math.floor(engine.iteration / ACCURACY_EVERY) + 1);
    const count = Math.max(0, Math.min(steps, total() - engine.iteration, next - engine.iteration));
    if (count === 0) return Promise.resolve([]);
    return budget.measure(count, () => engine.run(count, options.schedule(), { klEvery, signal }));
  };
  let inFlight: Promise<KlRecord[]> | undefined;

  return {
    kls,
    accuracies,
    get y() {
      return y;
    },
    stepsPerFrame: () => budget.steps(MOST_PER_FRAME),
    async advance(steps) {
      const batch = inFlight ?? launch(steps);
      inFlight = undefined;
      kls.push(...(await batch));
      y = await engine.embedding();
      if (engine.background && engine.iteration < total()) {
        inFlight = launch(steps);
        // Rejected when the run ends (an AbortError): nobody will await it then.
        inFlight.catch(() => undefined);
      }
      if (engine.iteration % ACCURACY_EVERY === 0 && accuracies.at(-1)?.iteration !== engine.iteration) measureAccuracy();
      const more = engine.iteration < total();
      if (!more && kls.at(-1)?.iteration !== engine.iteration) {
        kls.push({ iteration: engine.iteration, kl: await engine.klDivergence() });
        if (accuracies.at(-1)?.iteration !== engine.iteration) measureAccuracy();
      }
      return more;
    },
  };
}
