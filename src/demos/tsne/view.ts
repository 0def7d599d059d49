/**
 * The t-SNE demo's figure: the map, the readouts, and the KL and accuracy charts. The charts span
 * the whole run from the start (future values are gaps), so they are rebuilt when the reader
 * changes the number of iterations.
 */
import { seriesColor } from '../../views/colors.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createLineChart, type LineChart } from '../../views/line-chart.ts';
import { createTsneScatter } from '../../views/tsne/scatter.ts';
import type { DemoContext } from '../types.ts';
import type { TSNE_SPEC } from './spec.ts';
import { ACCURACY_EVERY, onGrid, tsneReadouts, type TsneProgress } from './summary.ts';

type Context = DemoContext<typeof TSNE_SPEC>;
const READOUTS = ['iteration', 'kl', 'accuracy', 'time', 'affinities'] as const;

export interface TsneView {
  draw(state: TsneProgress, y: Float64Array): void;
  /** The map as a self-contained SVG with a title line. */
  exportSvg(title: string): SVGSVGElement;
  dispose(): void;
}

/** Readouts back to "…" and notes cleared while a new run prepares. */
export function clearReadouts(context: Context): void {
  for (const name of READOUTS) context.part(`[data-readout="${name}"]`).textContent = '…';
  context.part('[data-notes]').textContent = '';
}

export function createTsneView(context: Context, options: { n: number; labels: Uint8Array; images: Uint8Array; klEvery: number; affinities: string; notes: string }): TsneView {
  const { n, klEvery } = options;
  const figure = context.part('[data-figure]');
  const klBox = context.part('[data-kl-chart]');
  const accuracyBox = context.part('[data-accuracy-chart]');
  const exportHost = context.part('[data-export]');
  figure.replaceChildren();
  klBox.replaceChildren();
  accuracyBox.replaceChildren();
  const width = fitWidth(figure, 280, 640);
  const scatter = createTsneScatter(figure, {
    width,
    height: Math.round(Math.min(width, 560) * 0.9),
    labels: options.labels,
    pixels: (i) => options.images.subarray(i * 784, (i + 1) * 784),
    label: `t-SNE map of ${n} MNIST digits, coloured by label`,
  });
  const sideWidth = fitWidth(klBox, 260, 420, 320);
  context.part('[data-readout="affinities"]').textContent = options.affinities;
  context.part('[data-notes]').textContent = options.notes;

  let chartsFor = 0;
  let charts: { kl: LineChart; accuracy: LineChart } | undefined;
  const chartsFit = (total: number) => {
    if (charts && chartsFor === total) return charts;
    chartsFor = total;
    klBox.replaceChildren();
    accuracyBox.replaceChildren();
    charts = {
      kl: createLineChart(klBox, { width: sideWidth, height: 150, xLabel: 'iteration', yLabel: 'KL(P ‖ Q)', label: 'KL divergence over the iterations', xExtent: [0, klEvery * Math.floor(total / klEvery)] }),
      accuracy: createLineChart(accuracyBox, { width: sideWidth, height: 150, xLabel: 'iteration (dashed: input space)', yLabel: '1-NN accuracy', label: 'Nearest-neighbour label accuracy in the map over the iterations, and in the input space (dashed)', xExtent: [0, ACCURACY_EVERY * Math.floor(total / ACCURACY_EVERY)] }),
    };
    return charts;
  };

  return {
    draw(state, y) {
      scatter.update(y);
      for (const [name, text] of Object.entries(tsneReadouts(state))) context.part(`[data-readout="${name}"]`).textContent = text;
      const { kl, accuracy } = chartsFit(state.total);
      kl.update([{ label: 'KL', color: seriesColor(5), values: onGrid(state.kls.map((r) => [r.iteration, r.kl]), klEvery, state.total) }]);
      const points = onGrid(state.accuracies.map((r) => [r.iteration, r.accuracy]), ACCURACY_EVERY, state.total);
      accuracy.update([
        { label: 'map', color: seriesColor(2), values: points },
        { label: 'input space', color: seriesColor(7), values: points.map(() => state.inputAccuracy), dashed: true },
      ]);
    },
    exportSvg: (title) => scatter.exportSvg(exportHost, title),
    dispose() {
      scatter.dispose();
      exportHost.replaceChildren();
    },
  };
}
