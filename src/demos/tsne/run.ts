/**
 * One run of the t-SNE demo: load the digits, compute their features and the affinities P
 * (neighbour search and perplexity calibration, in short tasks), then optimize the map a few
 * iterations per animation frame, drawing it and the readouts (KL divergence, 1-NN accuracy,
 * time per iteration) as it goes.
 *
 * Lifecycle: created by <tsne-demo> near the viewport; a newer run, a disconnected element or a
 * backend change cancels the preparation of an older one; dispose() frees the engine's tensors.
 * P is cached for the last (N, features, perplexity): a new seed, gradient or Reset starts at once.
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { loadPretrainedCnn, type PretrainedCnn } from '../../data/model-loader.ts';
import { computeAffinities, type AffinityResult } from '../../engines/tsne/affinities.ts';
import { digitFeatures, isFeatureSpace, type FeatureSpace } from '../../engines/tsne/features.ts';
import { DEFAULT_SCHEDULE, type Schedule } from '../../engines/tsne/gradient-descent.ts';
import { nearestNeighborAccuracy } from '../../engines/tsne/quality.ts';
import { createTsne, type KlRecord } from '../../engines/tsne/tsne-engine.ts';
import { maxPerplexity, perplexityProblem } from '../../engines/tsne/validation.ts';
import { BACKEND_LABELS } from '../../tf/types.ts';
import { createLineChart, type LineChart } from '../../views/line-chart.ts';
import { seriesColor } from '../../views/colors.ts';
import { createTsneScatter } from '../../views/tsne/scatter.ts';
import { toCsv } from '../export.ts';
import type { Settings } from '../settings.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { resolveGradient } from './method.ts';
import { DEFAULT_N, GRADIENT_METHODS, type GradientChoice } from './spec.ts';

const ACCURACY_EVERY = 50;
/** Main-thread work per animation frame; worker time per batch (batches overlap the frames). */
const MAIN_THREAD_BUDGET_MS = 30;
const WORKER_BATCH_MS = 25;

interface Prepared {
  key: string;
  affinities: AffinityResult;
  featureText: string;
  inputAccuracy: number;
}
let lastPrepared: Prepared | undefined;
let runCounter = 0;

export async function createTsneRun(context: DemoContext): Promise<DemoRun> {
  const token = String(++runCounter);
  context.root.dataset['tsneRun'] = token;
  const cancelled = () => !context.root.isConnected || context.root.dataset['tsneRun'] !== token;
  let settings = context.settings;
  const n = Number(settings['n']) || DEFAULT_N;
  const space: FeatureSpace = isFeatureSpace(settings['features']) ? settings['features'] : 'pixels';
  const seed = Number(settings['seed']) || 0;
  const notes: string[] = [];
  let perplexity = Number(settings['perplexity']);
  const perplexityNote = perplexityProblem(n, perplexity);
  if (perplexityNote) {
    perplexity = Math.min(maxPerplexity(n), Math.max(2, Number.isFinite(perplexity) ? perplexity : 30));
    notes.push(`${perplexityNote} Using ${perplexity}.`);
  }
  const choice = (GRADIENT_METHODS as readonly string[]).includes(String(settings['gradient'])) ? (String(settings['gradient']) as GradientChoice) : 'auto';
  const { method, note: methodNote } = resolveGradient(choice, context.backend, n);
  if (methodNote) notes.push(methodNote);

  const figure = context.root.querySelector<HTMLElement>('[data-figure]');
  const klBox = context.root.querySelector<HTMLElement>('[data-kl-chart]');
  const accuracyBox = context.root.querySelector<HTMLElement>('[data-accuracy-chart]');
  const exportHost = context.root.querySelector<HTMLElement>('[data-export]');
  const notesBox = context.root.querySelector<HTMLElement>('[data-notes]');
  if (!figure || !klBox || !accuracyBox || !exportHost || !notesBox) throw new Error('the t-SNE shell is incomplete');
  const readout = (name: string, text: string) => {
    const target = context.root.querySelector(`[data-readout="${name}"]`);
    if (target) target.textContent = text;
  };
  for (const name of ['iteration', 'kl', 'accuracy', 'time', 'affinities']) readout(name, '…');
  notesBox.textContent = '';

  context.say('Loading MNIST digits…');
  const data = await loadMnist(context.base, (loaded) => context.say(`Loading MNIST digits… ${(loaded / 1e6).toFixed(1)} MB`));
  if (cancelled()) throw new Error('cancelled');
  const labels = data.labels.subarray(0, n);
  const key = [n, space, perplexity, context.backend].join('|');
  let prepared = lastPrepared?.key === key ? lastPrepared : undefined;
  if (!prepared) {
    lastPrepared = undefined;
    let network: PretrainedCnn | undefined;
    if (space === 'cnn') {
      context.say('Loading the trained ConvNet…');
      network = await loadPretrainedCnn(context.base);
      if (cancelled()) throw new Error('cancelled');
    }
    const features = await digitFeatures({
      tf: context.tf, images: data.images, n, space, seed, network, yieldOften: true, cancelled, onProgress: (message) => !cancelled() && context.say(message),
    });
    if (cancelled()) throw new Error('cancelled');
    // Plain-TypeScript stages run on the main thread on every backend: always in short tasks.
    const affinities = await computeAffinities(context.tf, features.values, n, features.dim, perplexity, {
      yieldOften: true,
      cancelled,
      onProgress: (stage, done, total) => context.say(stage === 'neighbors'
        ? `Finding the ${Math.floor(3 * perplexity)} nearest neighbours of each digit in ${features.description}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}…`
        : `Setting each digit's bandwidth σᵢ for perplexity ${perplexity}…`),
    });
    if (cancelled()) throw new Error('cancelled');
    prepared = { key, affinities, featureText: features.description, inputAccuracy: inputSpaceAccuracy(affinities, labels) };
    lastPrepared = prepared;
  }
  const { affinities, featureText, inputAccuracy } = prepared;

  // Barnes-Hut runs in Web Workers, as many as there are cores (up to 4): the page stays free to draw.
  const workers = Math.min(4, Math.max(1, navigator.hardwareConcurrency || 2));
  // KL costs a pass over P (and Z): every 10 iterations, every 25 for large N.
  const klEvery = n >= 5000 ? 25 : 10;
  const engine = createTsne({ tf: context.tf, p: affinities.p, method, seed, workers });
  figure.replaceChildren();
  klBox.replaceChildren();
  accuracyBox.replaceChildren();
  const width = Math.round(Math.min(640, Math.max(280, figure.clientWidth || 640)));
  const scatter = createTsneScatter(figure, {
    width,
    height: Math.round(Math.min(width, 560) * 0.9),
    labels,
    pixels: (i) => data.images.subarray(i * 784, (i + 1) * 784),
    label: `t-SNE map of ${n} MNIST digits, coloured by label`,
  });
  const sideWidth = Math.round(Math.min(420, Math.max(260, klBox.clientWidth || 320)));
  // Charts span the whole run from the start (future values are gaps), so they are rebuilt
  // when the reader changes the number of iterations.
  let chartsFor = 0;
  let klChart: LineChart | undefined;
  let accuracyChart: LineChart | undefined;
  const charts = () => {
    if (chartsFor !== total() || !klChart || !accuracyChart) {
      chartsFor = total();
      klBox.replaceChildren();
      accuracyBox.replaceChildren();
      klChart = createLineChart(klBox, { width: sideWidth, height: 150, xLabel: 'iteration', yLabel: 'KL(P ‖ Q)', label: 'KL divergence over the iterations', xExtent: [0, klEvery * Math.floor(chartsFor / klEvery)] });
      accuracyChart = createLineChart(accuracyBox, { width: sideWidth, height: 150, xLabel: 'iteration (dashed: input space)', yLabel: '1-NN accuracy', label: 'Nearest-neighbour label accuracy in the map over the iterations, and in the input space (dashed)', xExtent: [0, ACCURACY_EVERY * Math.floor(chartsFor / ACCURACY_EVERY)] });
    }
    return { klChart, accuracyChart };
  };

  let lastY: Float64Array = await engine.embedding();
  scatter.update(lastY);
  const kls: KlRecord[] = [];
  const accuracies: { iteration: number; accuracy: number }[] = [];
  let msPerIteration = Number.NaN;
  let said = false;
  const schedule = (): Schedule => ({
    ...DEFAULT_SCHEDULE,
    learningRate: Number(settings['learningRate']),
    exaggeration: Number(settings['exaggeration']),
    exaggerationIterations: Number(settings['exaggerationIterations']),
  });
  const total = () => Number(settings['iterations']) || 1000;
  const methodText = method === 'exact'
    ? `exact gradient on ${BACKEND_LABELS[context.backend]}`
    : `Barnes-Hut gradient (θ = 0.5)${engine.background ? ` in ${workers} Web Worker${workers > 1 ? 's' : ''}` : ''}`;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  readout('affinities', `${affinities.neighbors.k} neighbours per digit, ${affinities.p.cols.length.toLocaleString('en-US')} nonzero pᵢⱼ, in ${seconds(affinities.milliseconds.total)}`);
  notesBox.textContent = [`Distances between ${featureText}.`, ...notes].join(' ');

  const measureAccuracy = () => {
    accuracies.push({ iteration: engine.iteration, accuracy: nearestNeighborAccuracy(lastY, labels, n) });
  };
  measureAccuracy();
  const draw = () => {
    const last = kls.at(-1);
    readout('iteration', `${engine.iteration.toLocaleString('en-US')} of ${total().toLocaleString('en-US')}`);
    readout('kl', last ? last.kl.toFixed(3) : '…');
    const accuracy = accuracies.at(-1);
    readout('accuracy', accuracy ? `${(100 * accuracy.accuracy).toFixed(1)}% (input space ${(100 * inputAccuracy).toFixed(1)}%)` : '…');
    readout('time', Number.isFinite(msPerIteration) ? `${msPerIteration.toFixed(1)} ms (${methodText})` : '…');
    const { klChart, accuracyChart } = charts();
    klChart.update([{ label: 'KL', color: seriesColor(5), values: onGrid(kls.map((r) => [r.iteration, r.kl]), klEvery, chartsFor) }]);
    const accuracyPoints = onGrid(accuracies.map((r) => [r.iteration, r.accuracy]), ACCURACY_EVERY, chartsFor);
    accuracyChart.update([
      { label: 'map', color: seriesColor(2), values: accuracyPoints },
      { label: 'input space', color: seriesColor(7), values: accuracyPoints.map(() => inputAccuracy), dashed: true },
    ]);
  };
  draw();
  context.say('');

  /** Starts the next batch: at most `steps` iterations, stopping at the next accuracy measurement. */
  let inFlight: Promise<KlRecord[]> | undefined;
  const launch = (steps: number): Promise<KlRecord[]> => {
    const next = ACCURACY_EVERY * (Math.floor(engine.iteration / ACCURACY_EVERY) + 1);
    const count = Math.max(0, Math.min(steps, total() - engine.iteration, next - engine.iteration));
    if (count === 0) return Promise.resolve([]);
    return engine.run(count, schedule(), { klEvery, yieldOften: !engine.background });
  };

  return {
    async advance(steps) {
      if (!said && notes.length > 0) context.say(notes.join(' '));
      said = true;
      const batch = inFlight ?? launch(steps);
      inFlight = undefined;
      kls.push(...(await batch));
      msPerIteration = engine.msPerIteration;
      lastY = await engine.embedding();
      // Workers compute the next batch while this frame draws (one batch of latency for new settings).
      if (engine.background && engine.iteration < total()) inFlight = launch(steps);
      scatter.update(lastY);
      if (engine.iteration % ACCURACY_EVERY === 0 && accuracies.at(-1)?.iteration !== engine.iteration) measureAccuracy();
      const more = engine.iteration < total();
      if (!more && kls.at(-1)?.iteration !== engine.iteration) {
        kls.push({ iteration: engine.iteration, kl: await engine.klDivergence() });
        if (accuracies.at(-1)?.iteration !== engine.iteration) measureAccuracy();
      }
      draw();
      return more;
    },
    stepsPerFrame() {
      if (!Number.isFinite(msPerIteration)) return 1;
      // In workers a batch overlaps the frame; on the main thread it is the frame's work.
      const budget = engine.background ? WORKER_BATCH_MS : MAIN_THREAD_BUDGET_MS;
      return Math.max(1, Math.min(25, Math.floor(budget / Math.max(msPerIteration, 0.1))));
    },
    applySettings(next: Settings) {
      settings = next;
      draw();
    },
    summary() {
      const last = kls.at(-1);
      const accuracy = accuracies.at(-1);
      return `t-SNE of ${n.toLocaleString('en-US')} digits, distances between ${featureText}; iteration ${engine.iteration} of ${total()}.`
        + (last ? ` KL divergence ${last.kl.toFixed(3)}.` : '')
        + (accuracy ? ` Nearest-neighbour label accuracy in the map ${(100 * accuracy.accuracy).toFixed(1)}%, in the input space ${(100 * inputAccuracy).toFixed(1)}%.` : '')
        + (Number.isFinite(msPerIteration) ? ` ${msPerIteration.toFixed(1)} ms per iteration, ${methodText}.` : '');
    },
    exportData() {
      const y = lastY;
      const rows = Array.from({ length: n }, (_, i) => [i, labels[i]!, y[2 * i]!, y[2 * i + 1]!]);
      return {
        csv: toCsv(['digit', 'label', 'x', 'y'], rows),
        json: {
          n, features: space, perplexity, method, iteration: engine.iteration,
          affinities: { neighbors: affinities.neighbors.k, nonzero: affinities.p.cols.length, milliseconds: affinities.milliseconds },
          msPerIteration, kl: kls, accuracy: accuracies, inputSpaceAccuracy: inputAccuracy,
          embedding: rows.map(([, label, x, v]) => ({ label, x, y: v })),
        },
      };
    },
    figure() {
      const last = kls.at(-1);
      return scatter.exportSvg(exportHost, `t-SNE of ${n} MNIST digits (${space}), perplexity ${perplexity}, iteration ${engine.iteration}${last ? `, KL ${last.kl.toFixed(3)}` : ''}`);
    },
    dispose() {
      inFlight?.catch(() => undefined);
      engine.dispose();
      scatter.dispose();
      exportHost.replaceChildren();
    },
  };
}

/** Values at iterations 0, every, 2 every, ... up to `total`; NaN (a gap) where none was recorded. */
function onGrid(points: [number, number][], every: number, total: number): number[] {
  const values = new Array<number>(Math.floor(total / every) + 1).fill(Number.NaN);
  for (const [iteration, value] of points) if (iteration % every === 0 && iteration / every < values.length) values[iteration / every] = value;
  return values;
}

/** Leave-one-out 1-NN accuracy in the input space: each digit's nearest neighbour is in the table. */
function inputSpaceAccuracy(affinities: AffinityResult, labels: Uint8Array): number {
  const { k, indices } = affinities.neighbors;
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (labels[indices[i * k]!] === labels[i]) correct++;
  return correct / labels.length;
}
