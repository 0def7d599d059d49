/**
 * Cross-validation of k, drawn as in Assignment 1: for each k one dot per fold's validation
 * accuracy, the mean across folds joined by a line, error bars of one standard deviation, and
 * the chosen k marked. The k axis is categorical (1 to 100 spread evenly), as the assignment's
 * choices are.
 */
import { line, scalePoint, scaleLinear } from 'd3';
import { foldStatistics } from '../../engines/knn/session.ts';
import { seriesColor } from '../colors.ts';
import { appendFigureSvg } from '../svg.ts';

export interface CvFigureData {
  ks: readonly number[];
  accuracy: readonly number[][];
  chosenK: number | undefined;
}

const MARGIN = { top: 14, right: 14, bottom: 36, left: 52 };

export function createCvFigure(container: HTMLElement, options: { width: number }) {
  const width = options.width;
  const height = Math.round(Math.min(300, width * 0.6));
  const svg = appendFigureSvg(container, width, height, 'Validation accuracy of each fold against k, with the mean and one standard deviation');
  const g = svg.append('g').attr('font-size', 11);
  return {
    svg: svg.node()!,
    update(data: CvFigureData) {
      g.selectAll('*').remove();
      const x = scalePoint<number>().domain([...data.ks]).range([MARGIN.left, width - MARGIN.right]).padding(0.5);
      const values = data.accuracy.flat();
      const lo = values.length > 0 ? Math.min(...values) : 0.8;
      const hi = values.length > 0 ? Math.max(...values) : 1;
      const pad = Math.max(0.005, (hi - lo) * 0.15);
      const y = scaleLinear().domain([Math.max(0, lo - pad), Math.min(1, hi + pad)]).range([height - MARGIN.bottom, MARGIN.top]).nice();
      for (const tick of y.ticks(5)) {
        g.append('line').attr('x1', MARGIN.left).attr('x2', width - MARGIN.right).attr('y1', y(tick)).attr('y2', y(tick)).attr('stroke', 'currentColor').attr('stroke-opacity', 0.12);
        g.append('text').attr('x', MARGIN.left - 6).attr('y', y(tick) + 4).attr('text-anchor', 'end').attr('fill', 'currentColor').text(tick.toFixed(2));
      }
      for (const k of data.ks) g.append('text').attr('x', x(k)!).attr('y', height - 20).attr('text-anchor', 'middle').attr('fill', 'currentColor').text(k);
      g.append('text').attr('x', (MARGIN.left + width - MARGIN.right) / 2).attr('y', height - 4).attr('text-anchor', 'middle').attr('fill', 'currentColor').text('k (neighbours that vote)');
      g.append('text').attr('transform', `translate(12,${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('fill', 'currentColor').text('validation accuracy');
      if (data.chosenK !== undefined) {
        g.append('rect').attr('data-chosen-k', data.chosenK).attr('x', x(data.chosenK)! - 12).attr('y', MARGIN.top).attr('width', 24).attr('height', height - MARGIN.top - MARGIN.bottom).attr('fill', seriesColor(2)).attr('fill-opacity', 0.15);
      }
      data.accuracy.forEach((row, fold) => {
        row.forEach((a, i) => g.append('circle').attr('cx', x(data.ks[i]!)!).attr('cy', y(a)).attr('r', 3).attr('fill', 'currentColor').attr('fill-opacity', 0.45).attr('data-fold', fold + 1));
      });
      if (data.accuracy.length === 0) return;
      const stats = foldStatistics(data.accuracy, data.ks);
      const color = seriesColor(0);
      g.append('path').attr('d', line<(typeof stats)[number]>().x((s) => x(s.k)!).y((s) => y(s.mean))(stats)).attr('fill', 'none').attr('stroke', color).attr('stroke-width', 2);
      for (const s of stats) {
        const [top, bottom] = [y(Math.min(1, s.mean + s.std)), y(Math.max(0, s.mean - s.std))];
        g.append('line').attr('x1', x(s.k)!).attr('x2', x(s.k)!).attr('y1', top).attr('y2', bottom).attr('stroke', color).attr('stroke-width', 1.5);
        for (const end of [top, bottom]) g.append('line').attr('x1', x(s.k)! - 5).attr('x2', x(s.k)! + 5).attr('y1', end).attr('y2', end).attr('stroke', color).attr('stroke-width', 1.5);
      }
    },
  };
}
