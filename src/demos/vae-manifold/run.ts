/**
 * One run of the VAE manifold demo: the shipped VAE (trained by `npm run train:vae`) decodes a
 * grid of codes and encodes the held-out test digits; the pointer or the arrow keys on the
 * latent plane decode any point. Nothing animates: a setting change recomputes, one computation
 * at a time with the latest request winning; cursor moves decode at most once per frame.
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { loadModel } from '../../data/model-loader.ts';
import { SHIPPED_VAE } from '../../data/shipped-models.ts';
import { describeQuality } from '../../engines/generative/quality.ts';
import { gridAxis, manifoldCodes, type GridSpacing } from '../../engines/vae/manifold.ts';
import { createVaeModel } from '../../engines/vae/vae-model.ts';
import { BACKEND_LABELS } from '../../tf/types.ts';
import { createVaeFigure, type VaeFigureData } from '../../views/vae-manifold/vae-figure.ts';
import { toCsv } from '../export.ts';
import { latestOnly } from '../latest-only.ts';
import type { Settings } from '../settings.ts';
import type { DemoContext, DemoRun } from '../types.ts';

export async function createVaeManifoldRun(context: DemoContext): Promise<DemoRun> {
  const { tf } = context;
  const figureBox = context.root.querySelector<HTMLElement>('[data-figure]');
  const modelNote = context.root.querySelector<HTMLElement>('[data-model-note]');
  const summaryBox = context.root.querySelector<HTMLElement>('[data-summary]');
  if (!figureBox || !modelNote) throw new Error('the VAE shell is incomplete');

  context.say('Loading the trained VAE and the MNIST digits…');
  const [shipped, mnist] = await Promise.all([loadModel(context.base, SHIPPED_VAE), loadMnist(context.base)]);
  const vae = createVaeModel(tf, shipped.values);
  const { trainCount, testCount } = mnist.manifest;
  const t = shipped.manifest.training;
  const logLink = document.createElement('a');
  logLink.href = shipped.logUrl;
  logLink.textContent = 'Training log';
  modelNote.replaceChildren(
    `VAE trained by npm run train:vae: ${String(t['steps'])} steps of minibatches of ${String(t['batchSize'])} on the ${String(t['trainDigits'])} training digits (seed ${String(t['seed'])}); negative ELBO on the ${testCount} test digits ${String(t['testNegativeElbo'])} nats per digit (reconstruction ${String(t['testReconstruction'])}, KL ${String(t['testKl'])}). Quality of ${shipped.manifest.quality.samples} decoded samples z ~ N(0, I): ${describeQuality(shipped.manifest.quality)}. `,
    logLink,
    '.',
  );

  // The test digits are encoded once per run; the figure shows the first `points` of them.
  const testPixels = Float32Array.from(mnist.images.subarray(trainCount * 784, (trainCount + testCount) * 784), (v) => v / 255);
  const { mu } = await vae.encode(testPixels);
  const testLabels = mnist.labels.subarray(trainCount, trainCount + testCount);

  let settings = context.settings;
  let data: VaeFigureData | undefined;
  let computeMs = 0;
  let disposed = false;
  let cursor: [number, number] = [0, 0];
  let cursorFrame = 0;

  const figure = createVaeFigure(figureBox, {
    width: Math.round(Math.min(760, Math.max(300, figureBox.clientWidth || 700))),
    onCursor: (z) => {
      cursor = z;
      if (cursorFrame) return;
      cursorFrame = requestAnimationFrame(() => {
        cursorFrame = 0;
        context.track(decodeCursor().catch(couldNotDecode));
      });
    },
  });

  function couldNotDecode(error: unknown): void {
    context.say(`Could not decode: ${(error as Error).message}`);
  }

  async function decodeCursor(): Promise<void> {
    const z = cursor;
    const pixels = await vae.decode(Float32Array.from(z));
    if (!disposed) figure.showCursor(z, pixels);
  }

  const compute = latestOnly(async () => {
    const started = performance.now();
    const n = Number(settings['gridSize']);
    const spacing = String(settings['spacing']) as GridSpacing;
    const extent = Number(settings['extent']);
    const grid = await vae.decode(manifoldCodes(n, spacing, extent));
    if (disposed) return;
    const count = Math.min(testCount, Number(settings['points']));
    data = { grid, n, axis: gridAxis(n, spacing, extent), points: mu.subarray(0, 2 * count), labels: testLabels.subarray(0, count), extent };
    computeMs = performance.now() - started;
    figure.update(data);
    await decodeCursor();
    if (summaryBox) summaryBox.textContent = summary();
  }, { cancelled: () => disposed, track: context.track });

  await compute();
  context.say('');

  function summary(): string {
    if (!data) return 'Decoding…';
    const inside = countInside(data.points, data.extent);
    const spacing = settings['spacing'] === 'quantiles' ? `codes Φ⁻¹((k + ½)/${data.n}) from ${data.axis[0]!.toFixed(2)} to ${data.axis.at(-1)!.toFixed(2)}` : `codes evenly from ${-data.extent} to ${data.extent}`;
    return `${data.n} × ${data.n} digits decoded at ${spacing}, in ${Math.round(computeMs)} ms on ${BACKEND_LABELS[context.backend]}. ${inside} of ${data.labels.length} test digits have codes inside the plane shown. The cursor at z = (${cursor[0].toFixed(2)}, ${cursor[1].toFixed(2)}) is decoded under the plane.`;
  }

  return {
    advance: async () => false,
    stepsPerFrame: () => 1,
    applySettings(next: Settings) {
      settings = next;
      void compute().catch(couldNotDecode);
    },
    summary,
    exportData() {
      const rows: (string | number)[][] = [];
      if (data) for (let i = 0; i < data.labels.length; i++) rows.push([trainCount + i, data.labels[i]!, data.points[2 * i]!, data.points[2 * i + 1]!]);
      return {
        csv: toCsv(['mnist_index', 'label', 'mu_z1', 'mu_z2'], rows),
        json: { gridSize: data?.n, spacing: settings['spacing'], axis: data?.axis, grid: data ? Array.from(data.grid) : null, cursor, modelQuality: shipped.manifest.quality, training: t },
      };
    },
    figure: () => figure.svg,
    dispose() {
      disposed = true;
      cancelAnimationFrame(cursorFrame);
      vae.dispose();
    },
  };
}

function countInside(points: Float32Array, extent: number): number {
  let inside = 0;
  for (let i = 0; i < points.length; i += 2) if (Math.abs(points[i]!) <= extent && Math.abs(points[i + 1]!) <= extent) inside++;
  return inside;
}
