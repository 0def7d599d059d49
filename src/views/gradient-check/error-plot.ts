/**
 * Relative errors of the gradient check on a log axis, one row per parameter tensor: float64
 * checks as filled dots, float32 as rings, kinks as crosses, over the notes' reading bands
 * (agrees below 1e-7, fine to 1e-4, suspicious to 1e-2, wrong above).
 */
import { axisBottom, scaleLog } from 'd3';
import type { TensorCheck } from '../../engines/gradient-check/numeric-check.ts';
import { appendFigureSvg } from '../svg.ts';

const FLOOR = 1e-16;
const BANDS = [
  { from: FLOOR, to: 1e-7, label: 'agrees', color: '#009E73' },
  { from: 1e-7, to: 1e-4, label: 'fine', color: '#56B4E9' },
  { from: 1e-4, to: 1e-2, label: 'suspicious', color: '#E69F00' },
  { from: 1e-2, to: 1, label: 'wrong', color: '#D55E00' },
];

export interface ErrorPlot {
  readonly svg: SVGSVGElement;
  update(float64: TensorCheck[], float32: TensorCheck[] | undefined): void;
}

export function createErrorPlot(container: HTMLElement, width: number, rows: readonly string[]): ErrorPlot {
  const left = 56;
  const rowHeight = 30;
  // Narrow figures stagger the band names on two lines so "suspicious" and "wrong" do not collide.
  const narrow = width < 520;
  const top = narrow ? 34 : 22;
  const height = top + 22 + rows.length * rowHeight + 30;
  const svg = appendFigureSvg(container, width, height, 'Relative error of each checked gradient entry, log scale, float64 and float32');
  const x = scaleLog().domain([FLOOR, 1]).range([left, width - 12]).clamp(true);
  const bands = svg.append('g');
  BANDS.forEach((band, i) => {
    bands.append('rect').attr('x', x(band.from)).attr('width', x(band.to) - x(band.from)).attr('y', top).attr('height', rows.length * rowHeight).attr('fill', band.color).attr('opacity', 0.13);
    bands.append('text').attr('x', (x(band.from) + x(band.to)) / 2).attr('y', narrow && i % 2 === 1 ? 14 : top - 6).attr('text-anchor', 'middle').attr('font-size', 11).attr('fill', 'currentColor').text(band.label);
  });
  const rowY = (i: number) => top + (i + 0.5) * rowHeight;
  rows.forEach((name, i) => svg.append('text').attr('x', left - 8).attr('y', rowY(i)).attr('dy', '0.35em').attr('text-anchor', 'end').attr('font-size', 12).attr('fill', 'currentColor').text(name));
  svg.append('g').attr('transform', `translate(0,${top + rows.length * rowHeight})`).call(axisBottom(x).tickValues([1e-16, 1e-12, 1e-8, 1e-4, 1]).tickFormat((v) => `1e${Math.round(Math.log10(Number(v)))}`)).attr('font-size', 11);
  svg.append('text').attr('x', width - 12).attr('y', height - 2).attr('text-anchor', 'end').attr('font-size', 11).attr('fill', 'currentColor').text('relative error ● float64  ○ float32  × kink');
  const marks = svg.append('g');
  return {
    svg: svg.node()!,
    update(float64, float32) {
      marks.selectAll('*').remove();
      const draw = (tensors: TensorCheck[], offset: number, filled: boolean) => tensors.forEach((tensor, i) => {
        for (const entry of tensor.entries) {
          const cx = x(Math.max(FLOOR, entry.relativeError));
          const cy = rowY(i) + offset;
          if (entry.kink) marks.append('path').attr('d', `M${cx - 4},${cy - 4}L${cx + 4},${cy + 4}M${cx - 4},${cy + 4}L${cx + 4},${cy - 4}`).attr('stroke', 'currentColor').attr('stroke-width', 1.5);
          else marks.append('circle').attr('cx', cx).attr('cy', cy).attr('r', 4).attr('fill', filled ? '#0072B2' : 'none').attr('stroke', filled ? 'none' : '#CC79A7').attr('stroke-width', 1.5);
        }
      });
      draw(float64, -5, true);
      if (float32) draw(float32, 5, false);
    },
  };
}
