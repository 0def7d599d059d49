/**
 * One run of the CNN viewer: the ConvNet with the shipped weights, or one trained here from
 * scratch (each frame a few training steps; the held-out accuracy every EVAL_EVERY steps). The
 * reader's input (a test digit or a drawing) goes through the network whenever it changes, and
 * during training about once a second, so the activations, the first-layer filters and the
 * prediction change as the reader draws and as the network learns.
 * Created by <cnn-viewer> when the demo nears the viewport; disposed on reset, backend change,
 * a change of weights or seed, or removal.
 */
import { initCnnWeights } from '../../engines/cnn/architecture.ts';
import { cnnForward, cnnVariables, type CnnParams } from '../../engines/cnn/cnn-model.ts';
import { createCnnTrainer, type CnnTrainer } from '../../engines/cnn/cnn-trainer.ts';
import { imageTensor } from '../../engines/cnn/saliency.ts';
import { createRandom } from '../../engines/random.ts';
import type { Tensor } from '../../tf/types.ts';
import { createFilterGrid } from '../../views/cnn/filter-grid.ts';
import { createNetworkView } from '../../views/cnn/network-view.ts';
import { seriesColor } from '../../views/colors.ts';
import { createLineChart, type LineChart } from '../../views/line-chart.ts';
import { argMax, heldOutDigit, loadCnnAssets } from '../cnn/assets.ts';
import { toCsv } from '../export.ts';
import { latestOnly } from '../latest-only.ts';
import type { Settings } from '../settings.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { createViewerInput } from './input.ts';
import { EVAL_DIGITS, EVAL_EVERY, HELD_OUT_DIGITS } from './spec.ts';

const GOAL = 0.97;

export async function createCnnViewerRun(context: DemoContext): Promise<DemoRun> {
  const { tf, root } = context;
  let settings = context.settings;
  const find = <T extends Element>(selector: string) => {
    const element = root.querySelector<T>(selector);
    if (!element) throw new Error(`the CNN viewer shell has no ${selector}`);
    return element;
  };
  const networkBox = find<HTMLElement>('[data-cnn-network]');
  const filtersBox = find<HTMLElement>('[data-cnn-filters]');
  const curvesBox = find<HTMLElement>('[data-cnn-curves]');
  const trainingNote = find<HTMLElement>('[data-cnn-training]');
  const predictionText = find<HTMLElement>('[data-cnn-prediction]');
  const trainButton = find<HTMLButtonElement>('button[data-cnn-train]');
  for (const box of [networkBox, filtersBox, curvesBox]) box.replaceChildren();

  const { data, pretrained } = await loadCnnAssets(context);
  const { trainCount } = data.manifest;
  const architecture = pretrained.manifest.architecture;
  const scratch = settings['weights'] === 'scratch';
  const seed = Number(settings['seed']) || 0;
  const number = (key: string) => Number(settings[key]);
  const trainer: CnnTrainer | undefined = scratch
    ? createCnnTrainer({
        tf,
        images: data.images,
        labels: data.labels,
        trainCount,
        heldOut: { start: trainCount, count: EVAL_DIGITS },
        initial: initCnnWeights(architecture, createRandom(seed)),
        seed,
        batchSize: number('batch'),
        schedule: () => ({ learningRate: number('lr'), decay: number('decay'), augment: settings['augment'] !== false }),
        yieldOften: context.backend === 'wasm' || context.backend === 'cpu',
      })
    : undefined;
  const params: CnnParams = trainer ? trainer.params : cnnVariables(tf, pretrained.weights);

  const network = createNetworkView(networkBox, {
    width: fitWidth(networkBox, 280, 640),
    layers: [
      { size: 28, channels: architecture.conv1Filters },
      { size: 14, channels: architecture.conv1Filters },
      { size: 14, channels: architecture.conv2Filters },
      { size: 7, channels: architecture.conv2Filters },
    ],
    hidden: architecture.hidden,
  });
  const filters = createFilterGrid(filtersBox, { width: fitWidth(filtersBox, 260, 400), count: architecture.conv1Filters, filterSize: architecture.filterSize });
  let lossChart: LineChart | undefined;
  let errorChart: LineChart | undefined;
  if (trainer) {
    const width = fitWidth(curvesBox, 260, 400);
    lossChart = createLineChart(curvesBox, { width, height: 150, xLabel: 'step', yLabel: 'loss', log: true, label: 'Training loss, smoothed, log scale' });
    errorChart = createLineChart(curvesBox, { width, height: 150, xLabel: 'step', yLabel: 'held-out error %', log: true, label: `Error on ${EVAL_DIGITS} held-out digits, log scale, with the 3% goal dashed` });
  }
  trainButton.textContent = scratch ? 'Back to the pretrained weights' : 'Train from scratch';
  trainButton.disabled = false;
  const signal = new AbortController();
  trainButton.addEventListener('click', () => context.setSettings({ weights: scratch ? 'pretrained' : 'scratch' }), { signal: signal.signal });
  if (!trainer) {
    const t = pretrained.manifest.training;
    const link = document.createElement('a');
    link.href = pretrained.logUrl;
    link.textContent = 'training log';
    trainingNote.replaceChildren(
      `These weights were trained by the site’s training script (${t.steps.toLocaleString('en')} steps of Adam on ${t.trainDigits.toLocaleString('en')} digits, batches of ${t.batchSize}, ${t.augment ? 'with augmentation, ' : ''}seed ${t.seed}): ${(100 * pretrained.manifest.test.accuracy).toFixed(2)}% correct on the ${pretrained.manifest.test.count.toLocaleString('en')} held-out digits (`,
      link,
      '). Press “Train from scratch” to train a new network here.',
    );
  } else {
    trainingNote.textContent = `Adam on ${trainCount.toLocaleString('en')} training digits; every ${EVAL_EVERY} steps the network classifies ${EVAL_DIGITS.toLocaleString('en')} held-out digits it never trains on.`;
  }

  let disposed = false;
  let last: { scores: Float32Array; probabilities: Float32Array; predicted: number } | undefined;
  const infer = latestOnly(async () => {
    const pixels = input.pixels;
    if (!pixels) {
      last = undefined;
      predictionText.textContent = 'The pad is empty: draw a digit, or pick a test digit.';
      delete root.dataset['prediction'];
      return;
    }
    const tensors: Tensor[] = tf.tidy(() => {
      const a = cnnForward(tf, params, imageTensor(tf, pixels));
      return [a.conv1, a.pool1, a.conv2, a.pool2, a.hidden, a.scores, tf.softmax(a.scores)];
    });
    const values = (await Promise.all(tensors.map((t) => t.data()))) as Float32Array[];
    tf.dispose(tensors);
    if (disposed) return;
    const [conv1, pool1, conv2, pool2, hidden, scores, probabilities] = values as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
    const predicted = argMax(probabilities);
    last = { scores, probabilities, predicted };
    network.update({
      input: pixels,
      layers: [
        { label: `conv1 + ReLU: ${architecture.conv1Filters} maps, 28×28`, size: 28, channels: architecture.conv1Filters, values: conv1 },
        { label: `pool1 (2×2 max): ${architecture.conv1Filters} maps, 14×14`, size: 14, channels: architecture.conv1Filters, values: pool1 },
        { label: `conv2 + ReLU: ${architecture.conv2Filters} maps, 14×14`, size: 14, channels: architecture.conv2Filters, values: conv2 },
        { label: `pool2 (2×2 max): ${architecture.conv2Filters} maps, 7×7`, size: 7, channels: architecture.conv2Filters, values: pool2 },
      ],
      hidden,
      scores,
      probabilities,
      ...(input.label === undefined ? {} : { marked: input.label, markName: 'label' }),
    });
    predictionText.textContent = `Prediction: ${predicted} (${(100 * probabilities[predicted]!).toFixed(1)}%)${input.label === undefined ? '' : input.label === predicted ? ', correct' : `, but the label is ${input.label}`}.`;
    root.dataset['prediction'] = String(predicted);
  }, { cancelled: () => disposed, track: context.track });
  const input = createViewerInput(root, {
    onChange: () => void infer().catch((error: unknown) => context.say(`Could not classify: ${(error as Error).message}`)),
    onPick: (delta) => context.setSettings({ digit: wrapDigit(number('digit') + delta) }),
  });
  const showDigit = (n: number) => {
    const digit = heldOutDigit(data, n);
    input.showTestDigit(wrapDigit(n), digit.pixels, digit.label);
  };
  const drawFilters = async () => {
    const w = (await params['conv1.w'].data()) as Float32Array;
    if (disposed) return;
    const caption = trainer ? `First-layer filters (5×5) at step ${trainer.step}` : 'First-layer filters (5×5), pretrained';
    filters.update(w, architecture.filterSize, architecture.conv1Filters, caption);
  };

  // Training bookkeeping: time while running (pauses excluded), when the goal was first reached.
  const smoothed: number[] = [];
  let trainingMs = 0;
  let lastAdvanceEnd = 0;
  let lastRefresh = 0;
  let msPerStep = 30;
  let reached: { step: number; ms: number } | undefined;
  const drawCurves = () => {
    if (!trainer || !lossChart || !errorChart) return;
    lossChart.update([{ label: 'training loss', color: seriesColor(5), values: smoothed }]);
    const evaluations = trainer.evaluations;
    const xs = evaluations.map((e) => e.step);
    const ends = xs.length > 0 ? [xs[0]!, xs.at(-1)!] : [];
    errorChart.update([
      { label: 'held-out error', color: seriesColor(4), values: evaluations.map((e) => 100 * (1 - e.accuracy)), xs },
      { label: 'goal', color: 'currentColor', values: ends.map(() => 100 * (1 - GOAL)), xs: ends, dashed: true },
    ]);
  };

  showDigit(number('digit'));
  await drawFilters();
  drawCurves();
  context.say('');

  return {
    async advance(steps) {
      if (!trainer) return false;
      const total = number('steps');
      if (trainer.step >= total) return false;
      const started = performance.now();
      const count = Math.max(1, Math.min(steps, total - trainer.step, EVAL_EVERY - (trainer.step % EVAL_EVERY)));
      const before = trainer.losses.length;
      await trainer.train(count);
      if (disposed) return false;
      msPerStep = 0.7 * msPerStep + 0.3 * ((performance.now() - started) / count);
      for (const loss of trainer.losses.slice(before)) smoothed.push(smoothed.length === 0 ? loss : 0.95 * smoothed.at(-1)! + 0.05 * loss);
      const evaluate = trainer.step % EVAL_EVERY === 0 || trainer.step >= total;
      if (evaluate) {
        const { accuracy } = await trainer.evaluate();
        if (disposed) return false;
        root.dataset['heldOutAccuracy'] = String(accuracy);
        const ms = trainingMs + (lastAdvanceEnd > 0 && started - lastAdvanceEnd < 250 ? started - lastAdvanceEnd : 0) + performance.now() - started;
        if (!reached && accuracy >= GOAL) {
          reached = { step: trainer.step, ms };
          root.dataset['reached97Ms'] = String(Math.round(ms));
        }
      }
      if (evaluate || performance.now() - lastRefresh > 1000) {
        lastRefresh = performance.now();
        drawCurves();
        await drawFilters();
        await infer();
      }
      trainingMs += (lastAdvanceEnd > 0 && started - lastAdvanceEnd < 250 ? started - lastAdvanceEnd : 0) + performance.now() - started;
      lastAdvanceEnd = performance.now();
      return trainer.step < total;
    },
    // About 100 ms of training per frame; on wasm and cpu every step is its own task (yields).
    stepsPerFrame: () => Math.max(1, Math.min(EVAL_EVERY, Math.floor(100 / msPerStep))),
    applySettings(next: Settings) {
      const digitChanged = next['digit'] !== settings['digit'];
      settings = next;
      if (digitChanged) showDigit(number('digit'));
    },
    summary() {
      // The prediction for the current input has its own live line next to the pad.
      if (!trainer) return `Pretrained network: ${(100 * pretrained.manifest.test.accuracy).toFixed(2)}% correct on ${pretrained.manifest.test.count.toLocaleString('en')} held-out digits.`;
      const evaluation = trainer.evaluations.at(-1);
      const epochs = (trainer.step * number('batch')) / trainCount;
      const accuracy = evaluation ? ` Held-out accuracy ${(100 * evaluation.accuracy).toFixed(1)}% on ${EVAL_DIGITS.toLocaleString('en')} digits at step ${evaluation.step}.` : '';
      const goal = reached ? ` Reached 97% at step ${reached.step}, after ${(reached.ms / 1000).toFixed(1)} s of training.` : '';
      return `Training from scratch: step ${trainer.step} of ${number('steps')} (${epochs.toFixed(1)} epochs), ${(trainingMs / 1000).toFixed(1)} s.${accuracy}${goal}`;
    },
    exportData() {
      const rows: (string | number)[][] = trainer
        ? trainer.losses.map((loss, i) => [i + 1, loss, trainer.evaluations.find((e) => e.step === i + 1)?.accuracy ?? Number.NaN])
        : [];
      return {
        csv: trainer ? toCsv(['step', 'loss', 'held_out_accuracy'], rows) : toCsv(['class', 'score', 'probability'], last ? Array.from(last.scores, (s, c) => [c, s, last!.probabilities[c]!]) : []),
        json: {
          weights: scratch ? 'scratch' : 'pretrained',
          architecture,
          input: { description: input.description, label: input.label ?? null, pixels: input.pixels ? Array.from(input.pixels) : null },
          prediction: last ? { class: last.predicted, scores: Array.from(last.scores), probabilities: Array.from(last.probabilities) } : null,
          training: trainer ? { steps: trainer.step, losses: trainer.losses, evaluations: trainer.evaluations, reached97: reached ?? null, milliseconds: trainingMs } : pretrained.manifest.training,
        },
      };
    },
    figure: () => network.svg,
    dispose() {
      disposed = true;
      signal.abort();
      input.dispose();
      trainButton.disabled = true;
      if (trainer) trainer.dispose();
      else tf.dispose(Object.values(params));
    },
  };
}

function wrapDigit(n: number): number {
  return ((((Math.round(n) - 1) % HELD_OUT_DIGITS) + HELD_OUT_DIGITS) % HELD_OUT_DIGITS) + 1;
}

/** Draw at the container's real width, so text in the SVG keeps its size. */
function fitWidth(container: HTMLElement, min: number, max: number): number {
  return Math.round(Math.min(max, Math.max(min, container.clientWidth || max)));
}
