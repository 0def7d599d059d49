/**
 * One run of the VAE manifold demo: the shipped VAE (trained by `npm run train:vae`) decodes a
 * grid of codes and encodes the held-out test digits; the pointer or the arrow keys on the
 * latent plane decode any point. Nothing animates: a setting change recomputes, one computation
 * at a time with the latest request winning; cursor moves decode at most once per frame.
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { loadModel } from '../../data/model-loader.ts';
import { SHIPPED_VAE } from '../../data/shipped-models.ts';
import { gridAxis, manifoldCodes } from '../../engines/vae/manifold.ts';
import { createVaeModel } from '../../engines/vae/vae-model.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { renderModelNote } from '../../views/model-note.ts';
import { createVaeFigure, type VaeFigureData } from '../../views/vae-manifold/vae-figure.ts';
import { toCsv } from '../export.ts';
import { latestOnly } from '../latest-only.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import type { VAE_MANIFOLD_SPEC } from './spec.ts';
import { describeManifold, describeVaeModel } from './summary.ts';

type Spec = typeof VAE_MANIFOLD_SPEC;

export async function createVaeManifoldRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  const { tf, signal } = context;
  const figureBox = context.part('[data-figure]');
  const summaryBox = context.part('[data-summary]');
  context.say('Loading the trained VAE and the MNIST digits…');
  const [shipped, mnist] = await Promise.all([loadModel(context.base, SHIPPED_VAE), loadMnist(context.base)]);
  const { training, quality } = shipped.manifest;
  const { trainCount, testCount } = mnist.manifest;
  renderModelNote(context.part('[data-model-note]'), describeVaeModel(training, quality, testCount), shipped.logUrl);
  const vae = createVaeModel(tf, shipped.values);
  // The test digits are encoded once per run; the figure shows the first `points` of them.
  const { mu } = await vae.encode(Float32Array.from(mnist.images.subarray(trainCount * 784, (trainCount + testCount) * 784), (v) => v / 255));
  const testLabels = mnist.labels.subarray(trainCount, trainCount + testCount);

  let settings = context.settings;
  let data: VaeFigureData | undefined;
  let computeMs = 0;
  let cursor: [number, number] = [0, 0];
  let cursorFrame = 0;
  const couldNotDecode = (error: unknown) => {
    if (!signal.aborted) context.say(`Could not decode: ${(error as Error).message}`);
  };
  const decodeCursor = async () => {
    const z = cursor;
    const pixels = await vae.decode(Float32Array.from(z));
    if (!signal.aborted) figure.showCursor(z, pixels);
  };
  figureBox.replaceChildren(); // a reset or a backend change builds a new figure
  const figure = createVaeFigure(figureBox, { width: fitWidth(figureBox, 300, 760, 700), onCursor: (z) => {
    cursor = z;
    cursorFrame ||= requestAnimationFrame(() => {
      cursorFrame = 0;
      if (!signal.aborted) context.track(decodeCursor().catch(couldNotDecode));
    });
  } });
  const summary = () => describeManifold(data, settings.spacing, computeMs, context.backend, cursor);

  const compute = latestOnly(async () => {
    const started = performance.now();
    const { gridSize: n, spacing, extent } = settings;
    const grid = await vae.decode(manifoldCodes(n, spacing, extent));
    if (signal.aborted) return;
    const count = Math.min(testCount, settings.points);
    data = { grid, n, axis: gridAxis(n, spacing, extent), points: mu.subarray(0, 2 * count), labels: testLabels.subarray(0, count), extent };
    computeMs = performance.now() - started;
    figure.update(data);
    await decodeCursor();
    summaryBox.textContent = summary();
  }, { signal, track: context.track });

  await compute();
  context.say('');

  return {
    advance: async () => false,
    applySettings(next) {
      settings = next;
      void compute().catch(couldNotDecode);
    },
    summary,
    exportData() {
      const rows: (string | number)[][] = [];
      if (data) for (let i = 0; i < data.labels.length; i++) rows.push([trainCount + i, data.labels[i]!, data.points[2 * i]!, data.points[2 * i + 1]!]);
      return {
        csv: toCsv(['mnist_index', 'label', 'mu_z1', 'mu_z2'], rows),
        json: { gridSize: data?.n, spacing: settings.spacing, axis: data?.axis, grid: data ? Array.from(data.grid) : null, cursor, modelQuality: quality, training },
      };
    },
    figure: () => figure.svg,
    dispose() {
      cancelAnimationFrame(cursorFrame);
      vae.dispose();
    },
  };
}
