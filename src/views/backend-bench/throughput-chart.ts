/**
 * GFLOP/s against problem size, one line per backend (and per saved run compared), both axes
 * logarithmic: sizes double and throughputs span three orders of magnitude. A vertical mark
 * shows where a GPU backend overtakes WebAssembly.
 */
import { max, min, scaleLog, select } from 'd3';
import { appendFigureSvg } from '../svg.ts';

export interface ThroughputLine {
  label: string;
  color: string;
  /** 'solid' for this run, 'dashed' and 'dotted' for the first and second saved run. */
  style: 'solid' | 'dashed' | 'dotted';
  points: readonly { size: number; gflops: number }[];
}

export interface ThroughputMark {
  size: number;
  label: string;
  color: string;
}

export interface ThroughputChart {
  svg: SVGSVGElement;
  update(view: { lines: readonly ThroughputLine[]; marks: readonly ThroughputMark[]; sizes: readonly number[]; xLabel: string; empty: string }): void;
}

const MARGIN = { top: 10, right: 14, bottom: 34, left: 50 };
const DASHES = { solid: null, dashed: '6 4', dotted: '2 3' };

export function createThroughputChart(container: HTMLElement, options: { width: number; height: number; label: string }): ThroughputChart {
  const { width, height } = options;
  const root = appendFigureSvg(container, width, height, options.label);
  const grid = root.append('g').attr('font-size', 11).attr('fill', 'currentColor');
  const plot = root.append('g');
  const legend = root.append('g').attr('font-size', 11);
  const xTitle = root.append('text').attr('x', (MARGIN.left + width - MARGIN.right) / 2).attr('y', height - 4).attr('text-anchor', 'middle').attr('font-size', 11).attr('fill', 'currentColor');
  root.append('text').attr('transform', `translate(12,${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('font-size', 11).attr('fill', 'currentColor').text('GFLOP/s (log scale)');

  return {
    svg: root.node()!,
    update({ lines, marks, sizes, xLabel, empty }) {
      grid.selectAll('*').remove();
      plot.selectAll('*').remove();
      legend.selectAll('*').remove();
      xTitle.text(`${xLabel} (log scale)`);
      const values = lines.flatMap((l) => l.points.map((p) => p.gflops)).filter((v) => v > 0);
      const x = scaleLog().base(2).domain([min(sizes) ?? 1, Math.max((max(sizes) ?? 2), (min(sizes) ?? 1) * 2)]).range([MARGIN.left, width - MARGIN.right]);
      const lo = min(values) ?? 0.1;
      const hi = max(values) ?? 10;
      const y = scaleLog().domain([10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(Math.max(hi, lo * 10)))]).range([height - MARGIN.bottom, MARGIN.top]);
      for (const size of sizes) grid.append('text').attr('x', x(size)).attr('y', height - 20).attr('text-anchor', 'middle').text(size);
      for (const tick of y.ticks().filter((t) => Number.isInteger(Math.log10(t)))) {
        grid.append('text').attr('x', MARGIN.left - 6).attr('y', y(tick) + 4).attr('text-anchor', 'end').text(tick >= 1 ? String(tick) : tick.toString());
        grid.append('line').attr('x1', MARGIN.left).attr('x2', width - MARGIN.right).attr('y1', y(tick)).attr('y2', y(tick)).attr('stroke', 'currentColor').attr('stroke-opacity', 0.12);
      }
      if (values.length === 0) {
        plot.append('text').attr('x', (MARGIN.left + width - MARGIN.right) / 2).attr('y', height / 2).attr('text-anchor', 'middle').attr('font-size', 12).attr('fill', 'currentColor').text(empty);
      }
      for (const mark of marks) {
        plot.append('line').attr('x1', x(mark.size)).attr('x2', x(mark.size)).attr('y1', MARGIN.top).attr('y2', height - MARGIN.bottom).attr('stroke-dasharray', '3 3').attr('stroke-width', 1.5).style('stroke', mark.color);
        plot.append('text').attr('x', x(mark.size) + 4).attr('y', MARGIN.top + 12).attr('font-size', 11).attr('fill', 'currentColor').text(mark.label);
      }
      for (const line of lines) {
        const points = [...line.points].filter((p) => p.gflops > 0).sort((a, b) => a.size - b.size);
        const group = plot.append('g').style('stroke', line.color).style('fill', line.color);
        group.append('path')
          .attr('fill', 'none')
          .attr('stroke-width', 1.8)
          .attr('stroke-dasharray', DASHES[line.style])
          .attr('d', points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.size).toFixed(1)},${y(p.gflops).toFixed(1)}`).join(''));
        group.selectAll('circle').data(points).join('circle').attr('cx', (p) => x(p.size)).attr('cy', (p) => y(p.gflops)).attr('r', 3)
          .append('title').text((p) => `${line.label}: ${p.gflops.toPrecision(3)} GFLOP/s at ${p.size}`);
      }
      // Legend in the top-left corner of the plot, one row per line.
      lines.forEach((line, i) => {
        const row = legend.append('g').attr('transform', `translate(${MARGIN.left + 8},${MARGIN.top + 8 + 14 * i})`);
        row.append('line').attr('x1', 0).attr('x2', 18).attr('y1', 0).attr('y2', 0).attr('stroke-width', 2).attr('stroke-dasharray', DASHES[line.style]).style('stroke', line.color);
        row.append('text').attr('x', 24).attr('y', 4).attr('fill', 'currentColor').text(line.label);
      });
      select(root.node()).attr('data-lines', lines.length).attr('data-marks', marks.map((m) => m.size).join(' '));
    },
  };
}
