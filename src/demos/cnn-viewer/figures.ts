/**
 * The viewer's figures in its shell: the network view, the first-layer filters, and while
 * training from scratch the loss and held-out error curves; plus the training panel (its note
 * and the button that switches between pretrained and scratch).
 * Lifecycle: created by a run (replacing the previous run's drawings); dispose() unwires the button.
 */
import type { CnnArchitecture } from '../../engines/cnn/architecture.ts';
import type { Evaluation } from '../../engines/cnn/cnn-trainer.ts';
import { createFilterGrid } from '../../views/cnn/filter-grid.ts';
import { createNetworkView, type NetworkView } from '../../views/cnn/network-view.ts';
import { seriesColor } from '../../views/colors.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createLineChart } from '../../views/line-chart.ts';
import type { DemoContext } from '../types.ts';
import { EVAL_DIGITS, GOAL, type CNN_VIEWER_SPEC } from './spec.ts';

export interface ViewerFigures {
  network: NetworkView;
  drawFilters(conv1: Float32Array, caption: string): void;
  drawCurves(smoothed: readonly number[], evaluations: readonly Evaluation[]): void;
  dispose(): void;
}

/** `note`: what the panel says, as text and links (the pretrained weights link their training log). */
export function createViewerFigures(context: DemoContext<typeof CNN_VIEWER_SPEC>, architecture: CnnArchitecture, note: (string | Node)[]): ViewerFigures {
  const scratch = context.settings.weights === 'scratch';
  const [networkBox, filtersBox, curvesBox] = ['[data-cnn-network]', '[data-cnn-filters]', '[data-cnn-curves]'].map((selector) => context.part(selector)) as [HTMLElement, HTMLElement, HTMLElement];
  for (const box of [networkBox, filtersBox, curvesBox]) box.replaceChildren();
  const { conv1Filters: k1, conv2Filters: k2 } = architecture;
  const network = createNetworkView(networkBox, {
    width: fitWidth(networkBox, 280, 640),
    layers: [{ size: 28, channels: k1 }, { size: 14, channels: k1 }, { size: 14, channels: k2 }, { size: 7, channels: k2 }],
    hidden: architecture.hidden,
  });
  const filters = createFilterGrid(filtersBox, { width: fitWidth(filtersBox, 260, 400), count: k1, filterSize: architecture.filterSize });
  const width = fitWidth(curvesBox, 260, 400);
  const lossChart = scratch ? createLineChart(curvesBox, { width, height: 150, xLabel: 'step', yLabel: 'loss', log: true, label: 'Training loss, smoothed, log scale' }) : undefined;
  const errorChart = scratch ? createLineChart(curvesBox, { width, height: 150, xLabel: 'step', yLabel: 'held-out error %', log: true, label: `Error on ${EVAL_DIGITS} held-out digits, log scale, with the 3% goal dashed` }) : undefined;

  context.part('[data-cnn-training]').replaceChildren(...note);
  const button = context.part<HTMLButtonElement>('button[data-cnn-train]');
  button.textContent = scratch ? 'Back to the pretrained weights' : 'Train from scratch';
  button.disabled = false;
  const wiring = new AbortController();
  button.addEventListener('click', () => context.setSettings({ weights: scratch ? 'pretrained' : 'scratch' }), { signal: wiring.signal });

  return {
    network,
    drawFilters: (conv1, caption) => filters.update(conv1, architecture.filterSize, k1, caption),
    drawCurves(smoothed, evaluations) {
      lossChart?.update([{ label: 'training loss', color: seriesColor(5), values: smoothed }]);
      const xs = evaluations.map((e) => e.step);
      const ends = xs.length > 0 ? [xs[0]!, xs.at(-1)!] : [];
      errorChart?.update([
        { label: 'held-out error', color: seriesColor(4), values: evaluations.map((e) => 100 * (1 - e.accuracy)), xs },
        { label: 'goal', color: 'currentColor', values: ends.map(() => 100 * (1 - GOAL)), xs: ends, dashed: true },
      ]);
    },
    dispose() {
      wiring.abort();
      button.disabled = true;
    },
  };
}
