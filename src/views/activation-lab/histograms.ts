/**
 * The activation lab's figure: one row per hidden layer, one column per (configuration,
 * activations or gradients), each cell a histogram over the layer's batch with its mean and std.
 * Each cell has its own horizontal range (printed under it), so narrow distributions stay visible;
 * the std is what to compare across layers.
 */
import { scaleLinear } from 'd3';
import type { LayerStats } from '../../engines/activation-lab/stats.ts';
import { formatValue } from '../../demos/activation-lab/summary.ts';
import { appendFigureSvg } from '../svg.ts';

export interface HistogramColumn {
  title: string;
  color: string;
  layers: readonly LayerStats[];
}

const ROW = 46;
const HEADER = 34;

export function createLayerHistograms(container: HTMLElement, options: { width: number; layers: number }) {
  const { width } = options;
  const height = HEADER + options.layers * ROW + 6;
  const svg = appendFigureSvg(container, width, height, 'Histograms of each layer\'s activations and gradients for configurations A and B');
  const labelWidth = 46;
  return {
    svg: svg.node()!,
    update(columns: readonly HistogramColumn[]) {
      svg.selectAll('*').remove();
      const cellWidth = (width - labelWidth) / columns.length;
      columns.forEach((column, c) => {
        const x0 = labelWidth + c * cellWidth;
        svg.append('text').attr('x', x0 + cellWidth / 2).attr('y', 14).attr('text-anchor', 'middle').attr('font-size', 11).attr('font-weight', 600).text(column.title);
        column.layers.forEach((stats, l) => {
          const y0 = HEADER + l * ROW;
          if (c === 0) svg.append('text').attr('x', 2).attr('y', y0 + 22).attr('font-size', 10).text(`layer ${l + 1}`);
          const peak = Math.max(...stats.counts);
          const x = scaleLinear().domain([0, stats.counts.length]).range([x0 + 4, x0 + cellWidth - 4]);
          const y = scaleLinear().domain([0, peak || 1]).range([y0 + 28, y0 + 4]);
          // One path per histogram, not a rect per bar: 40 elements to lay out instead of 1,200.
          const bar = Math.max(0.5, x(1) - x(0) - 0.5);
          const bars = stats.counts.map((d, i) => (d > 0 ? `M${x(i).toFixed(2)} ${y(d).toFixed(2)}h${bar.toFixed(2)}V${y0 + 28}h${(-bar).toFixed(2)}Z` : '')).join('');
          svg.append('path').attr('d', bars).attr('fill', column.color);
          svg.append('text').attr('x', x0 + 4).attr('y', y0 + 40).attr('font-size', 9)
            .text(`μ ${formatValue(stats.mean)}  σ ${formatValue(stats.std)}  [${formatValue(stats.low)}, ${formatValue(stats.high)}]`);
        });
      });
    },
  };
}

/** The same numbers as a table (what screen readers and tests read). */
export function renderStatsTable(table: HTMLTableElement, columns: readonly { name: string; layers: readonly { activations: LayerStats; gradients: LayerStats }[]; tanh: boolean }[]) {
  const head = ['Layer', ...columns.flatMap((c) => [`${c.name}: activation mean`, `${c.name}: activation std`, c.tanh ? `${c.name}: saturated` : `${c.name}: dead units`, `${c.name}: gradient std`])];
  const headRow = document.createElement('tr');
  for (const text of head) headRow.append(Object.assign(document.createElement('th'), { textContent: text, scope: 'col' }));
  const rows = columns[0]!.layers.map((_, l) => {
    const row = document.createElement('tr');
    row.dataset['layer'] = String(l + 1);
    row.append(Object.assign(document.createElement('th'), { textContent: String(l + 1), scope: 'row' }));
    for (const column of columns) {
      const { activations, gradients } = column.layers[l]!;
      const cells: [string, number, string][] = [
        ['mean', activations.mean, formatValue(activations.mean)],
        ['std', activations.std, formatValue(activations.std)],
        [column.tanh ? 'saturated' : 'dead', column.tanh ? activations.saturated : activations.dead, `${(100 * (column.tanh ? activations.saturated : activations.dead)).toFixed(1)}%`],
        ['grad-std', gradients.std, formatValue(gradients.std)],
      ];
      for (const [key, value, text] of cells) {
        const cell = Object.assign(document.createElement('td'), { textContent: text });
        cell.dataset['stat'] = `${column.name}-${key}`;
        cell.dataset['value'] = String(value);
        row.append(cell);
      }
    }
    return row;
  });
  table.replaceChildren(Object.assign(document.createElement('thead'), {}), document.createElement('tbody'));
  table.tHead!.append(headRow);
  table.tBodies[0]!.append(...rows);
}
