/**
 * One run of the loss-landscape demo: load digits, train the chosen model (first advance),
 * compute the slices (second advance), draw them; then the run is done until a setting changes.
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { createLinearLandscape, type LandscapeGrid } from '../../engines/loss-landscape/linear-landscape.ts';
import { createMlpLandscape } from '../../engines/loss-landscape/mlp-landscape.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createHeatmap } from '../../views/heatmap.ts';
import { createLineChart } from '../../views/line-chart.ts';
import { toCsv } from '../export.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import type { LOSS_LANDSCAPE_SPEC } from './spec.ts';
import { describeLandscape } from './summary.ts';

type Spec = typeof LOSS_LANDSCAPE_SPEC;

export async function createLossLandscapeRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  const { settings, signal } = context;
  const { model, resolution, range, steps, digits } = settings;
  const figure = context.part('[data-figure]');
  const side = context.part('[data-chart]');
  figure.replaceChildren();
  side.replaceChildren();

  context.say('Loading MNIST digits…');
  const data = await loadMnist(context.base, (loaded) => context.say(`Loading MNIST digits… ${(loaded / 1e6).toFixed(1)} MB`));
  const common = { tf: context.tf, images: data.images, labels: data.labels, start: 0, count: digits, lambda: settings.lambda, seed: settings.seed, signal };
  const linear = model === 'mlp' ? undefined : createLinearLandscape({ ...common, kind: model === 'linear-softmax' ? 'softmax' : 'svm', trainSteps: steps });
  const mlp = model === 'mlp' ? createMlpLandscape({ ...common, hidden: settings.width, trainSteps: steps, batchSize: 64, snapshotEvery: Math.max(1, Math.round(steps / 20)) }) : undefined;
  const engine = (linear ?? mlp)!;

  const width = fitWidth(figure, 300, 620);
  const heatmap = createHeatmap(figure, { width, height: Math.round(width * 0.78), label: 'Heatmap of the loss over two directions in weight space' });
  const lineChart = linear ? createLineChart(side, { width, height: 170, xLabel: 'a (W + a·D₁)', yLabel: 'loss', label: 'Loss along one random direction', xExtent: [-range, range] }) : undefined;

  let trained: { loss: number; accuracy: number } | undefined;
  let grid: LandscapeGrid | undefined;
  let path: [number, number][] = [];
  let line: { alphas: number[]; values: Float32Array } | undefined;
  context.say('');

  const slice = async () => {
    context.say(`Computing the ${resolution}×${resolution} grid…`);
    let extent = range;
    if (mlp) {
      const plane = await mlp.setPlane(settings.plane);
      path = plane.path;
      extent = plane.extent * range;
    }
    grid = await engine.grid(resolution, extent);
    if (linear) line = await linear.line(101, extent);
    heatmap.update({ alphas: grid.alphas, betas: grid.betas, values: grid.values, path, xLabel: 'direction 1', yLabel: 'direction 2' });
    if (line && lineChart) lineChart.update([{ label: 'loss', color: 'var(--sl-color-accent)', values: Array.from(line.values) }]);
    context.say('');
  };

  return {
    // First advance trains, the second computes and draws the slices; then the run is done.
    async advance() {
      if (!trained) {
        trained = await engine.train((step) => context.say(`Training on ${digits} digits: step ${step} of ${steps}…`));
        return true;
      }
      if (!grid) await slice();
      return false;
    },
    summary: () => describeLandscape({ model, width: settings.width, digits, resolution, backend: context.backend, trained, grid }),
    exportData() {
      const rows: (string | number)[][] = [];
      if (grid) grid.betas.forEach((b, j) => grid!.alphas.forEach((a, i) => rows.push([a, b, grid!.values[j * grid!.alphas.length + i]!])));
      return {
        csv: toCsv(['alpha', 'beta', 'loss'], rows),
        json: { model, trained, grid: grid && { alphas: grid.alphas, betas: grid.betas, values: Array.from(grid.values), milliseconds: grid.milliseconds }, line: line && { alphas: line.alphas, values: Array.from(line.values) }, path },
      };
    },
    figure: () => heatmap.svg,
    dispose: () => engine.dispose(),
  };
}
