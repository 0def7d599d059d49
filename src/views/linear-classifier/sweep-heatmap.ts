/**
 * The hyperparameter sweep as Assignment 1 draws it: one cell per (learning rate, λ), coloured
 * by validation accuracy (viridis, over the accuracies found so far), the value written in it,
 * the best cell outlined. Cells not yet trained stay empty.
 */
import { interpolateViridis } from 'd3';
import { appendFigureSvg } from '../svg.ts';

export interface SweepHeatmapData {
  learningRates: readonly number[];
  lambdas: readonly number[];
  /** Validation accuracy of cell (λ index j, lr index i) at j * lrs + i; NaN: not trained yet or diverged. */
  accuracies: readonly number[];
  best: number;
}

export interface SweepHeatmap {
  svg: SVGSVGElement;
  update(data: SweepHeatmapData): void;
}

const MARGIN = { top: 8, right: 8, bottom: 40, left: 58 };

export function createSweepHeatmap(container: HTMLElement, width: number): SweepHeatmap {
  const height = Math.round(Math.min(width, 420) * 0.8);
  const svg = appendFigureSvg(container, width, height, 'Validation accuracy for each learning rate and regularization strength of the sweep');
  const cells = svg.append('g').attr('font-size', 11).attr('text-anchor', 'middle');
  const axes = svg.append('g').attr('font-size', 10).attr('fill', 'currentColor');
  svg.append('text').attr('x', (MARGIN.left + width - MARGIN.right) / 2).attr('y', height - 4).attr('text-anchor', 'middle').attr('font-size', 11).attr('fill', 'currentColor').text('learning rate (log scale)');
  svg.append('text').attr('transform', `translate(11,${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('font-size', 11).attr('fill', 'currentColor').text('λ (log scale)');
  return {
    svg: svg.node()!,
    update(data) {
      const n = data.learningRates.length;
      const m = data.lambdas.length;
      const cw = (width - MARGIN.left - MARGIN.right) / n;
      const ch = (height - MARGIN.top - MARGIN.bottom) / m;
      const known = data.accuracies.filter(Number.isFinite);
      const lo = Math.min(...known);
      const hi = Math.max(...known);
      cells.selectAll('*').remove();
      axes.selectAll('*').remove();
      data.lambdas.forEach((lambda, j) => {
        // The largest λ at the top, as on a y axis.
        const y = MARGIN.top + (m - 1 - j) * ch;
        axes.append('text').attr('x', MARGIN.left - 4).attr('y', y + ch / 2 + 3).attr('text-anchor', 'end').text(lambda.toExponential(0));
        data.learningRates.forEach((_, i) => {
          const k = j * n + i;
          const value = data.accuracies[k];
          const x = MARGIN.left + i * cw;
          const trained = value !== undefined && k < data.accuracies.length;
          const t = hi > lo && Number.isFinite(value) ? (value! - lo) / (hi - lo) : 1;
          const cell = cells.append('g').attr('data-cell', k);
          cell.append('rect').attr('x', x + 1).attr('y', y + 1).attr('width', cw - 2).attr('height', ch - 2)
            .attr('fill', trained && Number.isFinite(value) ? interpolateViridis(t) : 'none').attr('stroke', 'currentColor').attr('stroke-opacity', 0.25);
          if (trained) {
            cell.append('text').attr('x', x + cw / 2).attr('y', y + ch / 2 + 4).attr('fill', Number.isFinite(value) ? (t > 0.6 ? '#000' : '#fff') : 'currentColor')
              .text(Number.isFinite(value) ? `${(100 * value!).toFixed(1)}%` : 'NaN');
          }
          if (k === data.best) cell.append('rect').attr('x', x + 2).attr('y', y + 2).attr('width', cw - 4).attr('height', ch - 4).attr('fill', 'none').attr('stroke', '#ff6b6b').attr('stroke-width', 3);
        });
      });
      data.learningRates.forEach((lr, i) => {
        axes.append('text').attr('x', MARGIN.left + (i + 0.5) * cw).attr('y', height - MARGIN.bottom + 14).attr('text-anchor', 'middle').text(lr < 0.01 ? lr.toExponential(1) : String(lr));
      });
    },
  };
}
