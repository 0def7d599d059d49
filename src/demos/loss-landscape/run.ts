/**
 * One run of the loss-landscape demo: load digits, train the chosen model (first advance),
 * compute the slices (second advance), draw them; then the run is done until a setting changes.
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { createLinearLandscape, type LandscapeGrid } from '../../engines/loss-landscape/linear-landscape.ts';
import { createMlpLandscape, type PlaneKind } from '../../engines/loss-landscape/mlp-landscape.ts';
import { BACKEND_LABELS } from '../../tf/types.ts';
import { createHeatmap } from '../../views/heatmap.ts';
import { createLineChart } from '../../views/line-chart.ts';
import { toCsv } from '../export.ts';
import type { DemoContext, DemoRun } from '../types.ts';

const DIGITS = 1000;

export async function createLossLandscapeRun(context: DemoContext): Promise<DemoRun> {
  const settings = context.settings;
  const model = String(settings['model']);
  const resolution = Number(settings['resolution']);
  const range = Number(settings['range']);
  const mainThread = context.backend === 'wasm' || context.backend === 'cpu';
  const figure = context.root.querySelector<HTMLElement>('[data-figure]');
  const side = context.root.querySelector<HTMLElement>('[data-chart]');
  if (!figure || !side) throw new Error('the loss-landscape shell is incomplete');
  figure.replaceChildren();
  side.replaceChildren();

  context.say('Loading MNIST digits…');
  const data = await loadMnist(context.base, (loaded) => context.say(`Loading MNIST digits… ${(loaded / 1e6).toFixed(1)} MB`));
  const common = { tf: context.tf, images: data.images, labels: data.labels, start: 0, count: DIGITS, lambda: Number(settings['lambda']), seed: Number(settings['seed']) || 0, yieldOften: mainThread };
  const steps = Number(settings['steps']);
  const linear = model === 'mlp' ? undefined : createLinearLandscape({ ...common, kind: model === 'linear-softmax' ? 'softmax' : 'svm', trainSteps: steps });
  const mlp = model === 'mlp' ? createMlpLandscape({ ...common, hidden: Number(settings['width']), trainSteps: steps, batchSize: 64, snapshotEvery: Math.max(1, Math.round(steps / 20)) }) : undefined;
  const engine = (linear ?? mlp)!;

  const width = Math.round(Math.min(620, Math.max(300, figure.clientWidth || 620)));
  const heatmap = createHeatmap(figure, { width, height: Math.round(width * 0.78), label: 'Heatmap of the loss over two directions in weight space' });
  const lineChart = linear ? createLineChart(side, { width, height: 170, xLabel: 'a (W + a·D₁)', yLabel: 'loss', label: 'Loss along one random direction', xExtent: [-range, range] }) : undefined;

  let phase: 'train' | 'slice' | 'done' = 'train';
  let trained: { loss: number; accuracy: number } | undefined;
  let grid: LandscapeGrid | undefined;
  let path: [number, number][] = [];
  let line: { alphas: number[]; values: Float32Array } | undefined;
  context.say('');

  return {
    async advance() {
      if (phase === 'train') {
        trained = await engine.train((step) => context.say(`Training on ${DIGITS} digits: step ${step} of ${steps}…`));
        phase = 'slice';
        return true;
      }
      if (phase === 'slice') {
        context.say(`Computing the ${resolution}×${resolution} grid…`);
        let extent = range;
        if (mlp) {
          const plane = await mlp.setPlane(String(settings['plane']) as PlaneKind);
          path = plane.path;
          extent = plane.extent * range;
        }
        grid = await engine.grid(resolution, extent);
        if (linear) line = await linear.line(101, extent);
        heatmap.update({ alphas: grid.alphas, betas: grid.betas, values: grid.values, path, xLabel: 'direction 1', yLabel: 'direction 2' });
        if (line && lineChart) lineChart.update([{ label: 'loss', color: 'var(--sl-color-accent)', values: Array.from(line.values) }]);
        context.say('');
        phase = 'done';
      }
      return false;
    },
    stepsPerFrame: () => 1,
    applySettings() {
      // Every setting of this demo defines a new run (restarts: true).
    },
    summary: () => describe(),
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

  function describe(): string {
    if (!trained) return 'Training…';
    const name = linear ? `Linear classifier (${model === 'linear-softmax' ? 'softmax' : 'SVM'})` : `MLP with ${settings['width']} hidden units`;
    const base = `${name} trained on ${DIGITS} digits: loss ${trained.loss.toFixed(3)}, training accuracy ${(100 * trained.accuracy).toFixed(1)}%.`;
    if (!grid) return base;
    const values = Array.from(grid.values);
    return `${base} ${resolution}×${resolution} grid computed in ${Math.round(grid.milliseconds)} ms on ${BACKEND_LABELS[context.backend]}; loss from ${Math.min(...values).toFixed(3)} to ${Math.max(...values).toFixed(3)} over the slice.`;
  }
}
