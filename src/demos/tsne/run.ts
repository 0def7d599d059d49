/**
 * One run of the t-SNE demo: load the digits, prepare the affinities P (prepare.ts; the element
 * keeps the last P), then optimize the map a few iterations per animation frame (optimization.ts),
 * drawing it and the readouts (view.ts) as it goes. context.signal stops the preparation and the
 * iterations when the run ends; dispose() frees the engine (tensors or workers).
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { DEFAULT_SCHEDULE } from '../../engines/tsne/gradient-descent.ts';
import { createTsne } from '../../engines/tsne/tsne-engine.ts';
import type { OneSlotCache } from '../one-slot-cache.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { tsneExport, tsneFigureTitle } from './export-data.ts';
import { resolveGradient, resolvePerplexity } from './method.ts';
import { createOptimization } from './optimization.ts';
import { prepareAffinities, type Prepared } from './prepare.ts';
import type { TSNE_SPEC } from './spec.ts';
import { affinitiesText, describeTsne, methodText, type TsneProgress } from './summary.ts';
import { clearReadouts, createTsneView } from './view.ts';

type Spec = typeof TSNE_SPEC;

export async function createTsneRun(context: DemoContext<Spec>, cache: OneSlotCache<Prepared>): Promise<DemoRun<Spec>> {
  const { backend, signal } = context;
  let settings = context.settings;
  // Settings that restart the run are fixed for its lifetime; the others are read when used.
  const { features: space, seed } = settings;
  const n = Number(settings.n);
  const { perplexity, note: perplexityNote } = resolvePerplexity(n, settings.perplexity);
  const { method, note: methodNote } = resolveGradient(settings.gradient, backend, n);
  const notes = [perplexityNote, methodNote].filter((note) => note !== undefined);
  clearReadouts(context);

  context.say('Loading MNIST digits…');
  const data = await loadMnist(context.base, (loaded) => context.say(`Loading MNIST digits… ${(loaded / 1e6).toFixed(1)} MB`));
  signal.throwIfAborted();
  const labels = data.labels.subarray(0, n);
  const prepared = await prepareAffinities(context, { n, space, perplexity, seed }, data, cache);
  const { affinities, inputAccuracy } = prepared;

  // Barnes-Hut runs in Web Workers, as many as there are cores (up to 4): the page stays free to draw.
  const workers = Math.min(4, Math.max(1, navigator.hardwareConcurrency || 2));
  // KL costs a pass over P (and Z): every 10 iterations, every 25 for large N.
  const klEvery = n >= 5000 ? 25 : 10;
  const engine = createTsne({ tf: context.tf, p: affinities.p, method, seed, workers });
  const gradientText = methodText(method, backend, engine.background ? workers : 0);
  const total = () => settings.iterations;
  const optimization = await createOptimization({
    engine, labels, klEvery, signal, total,
    schedule: () => ({ ...DEFAULT_SCHEDULE, learningRate: settings.learningRate, exaggeration: settings.exaggeration, exaggerationIterations: settings.exaggerationIterations }),
  });
  const view = createTsneView(context, {
    n, labels, images: data.images, klEvery,
    affinities: affinitiesText(affinities.neighbors.k, affinities.p.cols.length, affinities.milliseconds.total),
    notes: [`Distances between ${prepared.features}.`, ...notes].join(' '),
  });
  const progress = (): TsneProgress => ({
    n, iteration: engine.iteration, total: total(), kls: optimization.kls, accuracies: optimization.accuracies,
    inputAccuracy, msPerIteration: engine.msPerIteration, method: gradientText, features: prepared.features,
  });
  const draw = () => view.draw(progress(), optimization.y);
  draw();
  context.say('');
  let said = false;

  return {
    async advance(steps) {
      if (!said && notes.length > 0) context.say(notes.join(' '));
      said = true;
      const more = await optimization.advance(steps);
      draw();
      return more;
    },
    stepsPerFrame: () => optimization.stepsPerFrame(),
    applySettings(next) {
      settings = next;
      draw();
    },
    summary: () => describeTsne(progress()),
    exportData: () => tsneExport({
      n, features: space, perplexity, method, iteration: engine.iteration, labels, y: optimization.y, affinities,
      msPerIteration: engine.msPerIteration, kls: optimization.kls, accuracies: optimization.accuracies, inputAccuracy,
    }),
    figure: () => view.exportSvg(tsneFigureTitle(n, space, perplexity, engine.iteration, optimization.kls)),
    dispose() {
      engine.dispose();
      view.dispose();
    },
  };
}
