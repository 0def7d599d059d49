/**
 * The explorer's views: the totals of one or two networks side by side, the per-layer bars, the
 * cumulative share of the chosen quantity against depth (where in the network it sits), and the
 * sortable layer table of the first network.
 */
import type { ArchitectureReport } from '../../engines/architectures/analyze.ts';
import { drawLayerBars, type LayerMetric } from '../../views/architecture-explorer/layer-bars.ts';
import { drawLayerTable, type LayerSort } from '../../views/architecture-explorer/layer-table.ts';
import { seriesColor } from '../../views/colors.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createLineChart } from '../../views/line-chart.ts';
import type { DemoContext } from '../types.ts';
import type { ARCHITECTURE_EXPLORER_SPEC } from './spec.ts';
import { formatAmount, formatMegabytes } from './summary.ts';

const METRIC_NAMES: Record<LayerMetric, string> = { macs: 'multiply-adds', params: 'parameters', activations: 'activations' };

/** Running share of `metric` (in %) after each layer: the curve the chart draws. */
export function cumulativeShare(report: ArchitectureReport, metric: LayerMetric): number[] {
  const total = Math.max(1, report.totals[metric]);
  let sum = 0;
  return report.rows.map((row) => (100 * (sum += row[metric])) / total);
}

function totalsTable(reports: readonly ArchitectureReport[]): HTMLTableElement {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const text of ['', ...reports.map((r) => r.architecture.name)]) head.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: text }));
  const lines: [string, (r: ArchitectureReport) => string][] = [
    ['Layers with weights (depth)', (r) => String(r.totals.depth)],
    ['Parameters', (r) => `${r.totals.params.toLocaleString('en-US')} (${formatAmount(r.totals.params)})`],
    ['Multiply-adds per image', (r) => `${r.totals.macs.toLocaleString('en-US')} (${formatAmount(r.totals.macs)})`],
    ['Activations per image', (r) => `${r.totals.activations.toLocaleString('en-US')} (${formatAmount(r.totals.activations)})`],
    ['Memory, forward pass', (r) => formatMegabytes(r.totals.forwardBytes)],
    ['Memory, training step', (r) => formatMegabytes(r.totals.trainingBytes)],
  ];
  const body = table.createTBody();
  for (const [label, value] of lines) {
    const tr = body.insertRow();
    tr.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: label }));
    for (const report of reports) tr.insertCell().textContent = value(report);
  }
  return table;
}

export function createExplorerViews(context: DemoContext<typeof ARCHITECTURE_EXPLORER_SPEC>) {
  const bars = context.part('[data-figure]');
  const chart = context.part('[data-chart]');
  const totals = context.part('[data-totals]');
  const table = context.part('[data-table]');
  let svg: SVGSVGElement | undefined;
  return {
    get svg() {
      return svg;
    },
    draw(reports: readonly ArchitectureReport[], metric: LayerMetric, sort: LayerSort) {
      const names = reports.map((r) => r.architecture.name).join(' and ');
      totals.replaceChildren(totalsTable(reports));
      svg = drawLayerBars(bars, reports.map((r) => ({ title: `${r.architecture.name}: ${METRIC_NAMES[metric]} per layer`, rows: r.rows })), metric, fitWidth(bars, 300, 760), `${METRIC_NAMES[metric]} of each layer of ${names}`);
      const colors = reports.map((_, i) => seriesColor(i === 0 ? 5 : 4));
      const legend = document.createElement('p');
      legend.className = 'arch-legend';
      legend.append(...reports.map((r, i) => Object.assign(document.createElement('span'), { textContent: `— ${r.architecture.name}`, style: `color: ${colors[i]}` })));
      chart.replaceChildren(legend);
      const line = createLineChart(chart, { width: fitWidth(chart, 300, 760), height: 190, xLabel: 'depth (fraction of the layers, input to output)', yLabel: `% of ${METRIC_NAMES[metric]}`, label: `Cumulative share of ${METRIC_NAMES[metric]} against depth, ${names}` });
      line.update(reports.map((r, i) => ({ label: r.architecture.name, color: colors[i]!, values: cumulativeShare(r, metric), xs: r.rows.map((_, k) => k / Math.max(1, r.rows.length - 1)) })));
      drawLayerTable(table, reports[0]?.rows ?? [], sort, (next) => context.setSettings({ sort: next }));
    },
  };
}
