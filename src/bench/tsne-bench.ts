/**
 * t-SNE benchmarks, run in the browser by scripts/bench-tsne.mjs on a page that exists only in
 * benchmark builds (BENCH=1). Ours uses the demo's engines and backend loading; the anchor is
 * @keckelt/tsne (a TypeScript port of Karpathy's tsnejs) on the same digits.
 *
 * ?part=ours&backend=NAME&runs=2000:pixels:barnes-hut[:workers],...&exact=2000   or   ?part=anchor&n=2000&iterations=30
 */
import { TSNE } from '@keckelt/tsne';
import { loadMnist } from '../data/mnist-loader.ts';
import type { MnistData } from '../data/mnist-format.ts';
import { loadPretrainedCnn } from '../data/model-loader.ts';
import { computeAffinities } from '../engines/tsne/affinities.ts';
import { digitFeatures, pixelFeatures, type FeatureSpace } from '../engines/tsne/features.ts';
import { DEFAULT_SCHEDULE } from '../engines/tsne/gradient-descent.ts';
import { nearestNeighborAccuracy } from '../engines/tsne/quality.ts';
import { createTsne, type GradientMethod } from '../engines/tsne/tsne-engine.ts';
import { yieldToEventLoop } from '../engines/yield.ts';
import { loadTfOn } from '../tf/load-backend.ts';
import type { Tf } from '../tf/types.ts';

const PERPLEXITY = 30;
const ITERATIONS = 1000;

/**
 * The longest main-thread task (Long Tasks API: tasks over 50 ms) while `work` runs, 0 if none,
 * and every long task as [start, duration] in ms from the start of `work` (to place it among the
 * stages' times).
 */
async function withLongestTask<T>(label: string, work: () => Promise<T>): Promise<{ result: T; longestTaskMs: number; longTasks: [number, number][] }> {
  let longest = 0;
  const began = performance.now();
  const longTasks: [number, number][] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longest = Math.max(longest, entry.duration);
      longTasks.push([Math.round(entry.startTime - began), Math.round(entry.duration)]);
    }
  });
  try {
    observer.observe({ type: 'longtask', buffered: false });
  } catch {
    // No Long Tasks API: report 0.
  }
  // The work starts in a task of its own: the task that started observing is not reported.
  await new Promise((resolve) => setTimeout(resolve, 0));
  // Marks for a trace (TRACE=1 in scripts/bench-tsne.mjs): the tasks between them, in thread time.
  performance.mark(`${label}-start`);
  const result = await work();
  performance.mark(`${label}-end`);
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return { result, longestTaskMs: Math.round(longest), longTasks };
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const learningRate = (n: number) => Math.max(200, Math.round(n / 12));

/** Features, P and `iterations` iterations, as the demo does them; wall time of each stage. */
async function endToEnd(tf: Tf, data: MnistData, n: number, space: FeatureSpace, method: GradientMethod, iterations: number, workers: number, base: string) {
  const network = space === 'cnn' ? await loadPretrainedCnn(base) : undefined;
  const began = performance.now();
  let featured = began;
  const preparation = await withLongestTask(`preparation-${n}-${space}`, async () => {
    const features = await digitFeatures({ tf, images: data.images, n, space, seed: 1, network });
    featured = performance.now();
    return computeAffinities(tf, features.values, n, features.dim, PERPLEXITY);
  });
  const affinities = preparation.result;
  const prepared = performance.now();
  const engine = createTsne({ tf, p: affinities.p, method, seed: 1, workers });
  const schedule = { ...DEFAULT_SCHEDULE, learningRate: learningRate(n) };
  const kls: number[] = [];
  // As in the demo: KL every 10 iterations (25 for large N), batches of that many iterations.
  const klEvery = n >= 5000 ? 25 : 10;
  const optimization = await withLongestTask(`optimization-${n}-${space}`, async () => {
    while (engine.iteration < iterations) {
      const records = await engine.run(Math.min(klEvery, iterations - engine.iteration), schedule, { klEvery });
      kls.push(...records.map((r) => r.kl));
      await yieldToEventLoop();
    }
    return engine.embedding();
  });
  const y = optimization.result;
  const kl = await engine.klDivergence();
  const done = performance.now();
  const labels = data.labels.subarray(0, n);
  const k = affinities.neighbors.k;
  let inputCorrect = 0;
  for (let i = 0; i < n; i++) if (labels[affinities.neighbors.indices[i * k]!] === labels[i]) inputCorrect++;
  const background = engine.background;
  engine.dispose();
  return {
    n, features: space, method, iterations, workers: background ? workers : 0,
    featuresMs: Math.round(featured - began),
    affinityMs: { neighbors: Math.round(affinities.milliseconds.neighbors), calibration: Math.round(affinities.milliseconds.calibration), total: Math.round(affinities.milliseconds.total) },
    iterateMs: Math.round(done - prepared),
    msPerIteration: round((done - prepared) / iterations, 2),
    totalMs: Math.round(done - began),
    kl: round(kl, 4),
    klFirst: round(kls[0] ?? Number.NaN, 4),
    accuracy1nn2d: round(nearestNeighborAccuracy(y, labels, n), 4),
    accuracy1nnInput: round(inputCorrect / n, 4),
    longestTaskMs: { preparation: preparation.longestTaskMs, optimization: optimization.longestTaskMs },
    // Where the preparation's long tasks fall: featuresMs, then neighbours, then calibration.
    preparationLongTasks: preparation.longTasks,
  };
}

/** Time per iteration of the exact engine over a few iterations (it is O(n^2)). */
async function exactTiming(tf: Tf, data: MnistData, n: number, maxMs: number) {
  const affinities = await computeAffinities(tf, pixelFeatures(data.images, n), n, 784, PERPLEXITY);
  const engine = createTsne({ tf, p: affinities.p, method: 'exact', seed: 1 });
  const schedule = { ...DEFAULT_SCHEDULE, learningRate: learningRate(n) };
  await engine.run(2, schedule);
  await engine.embedding();
  const began = performance.now();
  let iterations = 0;
  while (iterations < 200 && performance.now() - began < maxMs) {
    await engine.run(5, schedule, { klEvery: 5 });
    iterations += 5;
  }
  await engine.embedding();
  const ms = performance.now() - began;
  engine.dispose();
  return { n, iterationsTimed: iterations, msPerIteration: round(ms / iterations, 2) };
}

export async function runTsneBenchmarks(base: string): Promise<Record<string, unknown>> {
  const params = new URLSearchParams(location.search);
  const data = await loadMnist(base);
  if (params.get('part') === 'anchor') return anchorBenchmark(data, Number(params.get('n') ?? 2000), Number(params.get('iterations') ?? 30));

  const backend = params.get('backend') ?? 'wasm';
  const tf = await loadTfOn(backend);
  const tensorsBefore = tf.memory().numTensors;
  const runs: Record<string, unknown>[] = [];
  // As many workers as the demo uses; ?workers=0 runs Barnes-Hut on the main thread.
  const workers = Number(params.get('workers') ?? Math.min(4, Math.max(1, navigator.hardwareConcurrency || 2)));
  for (const spec of (params.get('runs') ?? '2000:pixels:barnes-hut').split(',')) {
    // n:features:method[:workers]
    const [n, space, method, threads] = spec.split(':') as [string, FeatureSpace, GradientMethod, string | undefined];
    runs.push(await endToEnd(tf, data, Number(n), space, method, Number(params.get('iterations') ?? ITERATIONS), threads === undefined ? workers : Number(threads), base));
  }
  const exactN = Number(params.get('exact') ?? 0);
  const exact = exactN > 0 ? await exactTiming(tf, data, exactN, Number(params.get('exactMs') ?? 20000)) : undefined;
  return { backend, runs, exact, tensorsLeft: tf.memory().numTensors - tensorsBefore };
}

/** The anchor on the same digits: P (its initDataRaw), then `iterations` timed steps. */
async function anchorBenchmark(data: MnistData, n: number, iterations: number) {
  const pixels = pixelFeatures(data.images, n);
  const rows = Array.from({ length: n }, (_, i) => Array.from(pixels.subarray(i * 784, (i + 1) * 784)));
  const tsne = new TSNE({ perplexity: PERPLEXITY, dim: 2, epsilon: 10 });
  const began = performance.now();
  tsne.initDataRaw(rows);
  const prepared = performance.now();
  for (let i = 0; i < iterations; i++) {
    tsne.step();
    if (i % 5 === 4) await yieldToEventLoop();
  }
  const done = performance.now();
  const solution = tsne.getSolution() as number[][];
  const y = Float64Array.from(solution.flat());
  return {
    anchor: '@keckelt/tsne 1.0.2',
    n,
    pMs: Math.round(prepared - began),
    iterations,
    msPerIteration: round((done - prepared) / iterations, 1),
    accuracy1nn2d: round(nearestNeighborAccuracy(y, data.labels.subarray(0, n), n), 4),
  };
}
