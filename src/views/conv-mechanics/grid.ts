/**
 * One grid of numbers (a depth slice, a filter slice, an output map) drawn into an SVG group:
 * cell colours as one raster <image> (so 227×227 grids stay cheap and the figure exports as a
 * single SVG), grid lines and the numbers themselves when the cells are large enough to read.
 */
import type { Selection } from 'd3';
import { formatNumber } from '../../engines/conv/size-text.ts';

export type CellKind = 'value' | 'pad' | 'unused' | 'empty';

export interface GridSpec {
  x: number;
  y: number;
  rows: number;
  cols: number;
  cell: number;
  value(row: number, col: number): number;
  kind(row: number, col: number): CellKind;
  /** |value| that gets the strongest colour. */
  scale: number;
}

/** Cells at least this large show their number. */
export const NUMBER_CELL = 17;

// Okabe-Ito blue for positive values, vermillion for negative; alpha keeps text readable in both themes.
const POSITIVE = [0, 114, 178];
const NEGATIVE = [213, 94, 0];

export function cellColor(value: number, kind: CellKind, scale: number): [number, number, number, number] {
  if (kind === 'pad') return [128, 128, 128, 60];
  if (kind === 'unused') return [128, 128, 128, 110];
  if (kind === 'empty' || !Number.isFinite(value) || value === 0) return [0, 0, 0, 0];
  const [r, g, b] = value > 0 ? POSITIVE : NEGATIVE;
  const alpha = Math.round(255 * (0.12 + 0.43 * Math.min(1, Math.abs(value) / Math.max(scale, 1e-12))));
  return [r!, g!, b!, alpha];
}

export function drawGrid(parent: Selection<SVGGElement, unknown, null, undefined>, spec: GridSpec): void {
  const { x, y, rows, cols, cell } = spec;
  const canvas = document.createElement('canvas');
  canvas.width = cols;
  canvas.height = rows;
  const context = canvas.getContext('2d');
  if (context) {
    const pixels = context.createImageData(cols, rows);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) pixels.data.set(cellColor(spec.value(r, c), spec.kind(r, c), spec.scale), (r * cols + c) * 4);
    context.putImageData(pixels, 0, 0);
    parent
      .append('image')
      .attr('x', x)
      .attr('y', y)
      .attr('width', cols * cell)
      .attr('height', rows * cell)
      .attr('preserveAspectRatio', 'none')
      .attr('href', canvas.toDataURL('image/png'))
      .style('image-rendering', 'pixelated');
  }
  parent
    .append('rect')
    .attr('x', x)
    .attr('y', y)
    .attr('width', cols * cell)
    .attr('height', rows * cell)
    .attr('fill', 'none')
    .attr('stroke', 'currentColor')
    .attr('stroke-opacity', 0.45)
    .attr('stroke-width', 1);
  if (cell >= 6) {
    let d = '';
    for (let r = 1; r < rows; r++) d += `M${x},${y + r * cell}h${cols * cell}`;
    for (let c = 1; c < cols; c++) d += `M${x + c * cell},${y}v${rows * cell}`;
    parent.append('path').attr('d', d).attr('stroke', 'currentColor').attr('stroke-opacity', 0.18).attr('fill', 'none');
  }
  if (cell >= 8) {
    // Unused inputs (the remainder of an uneven division) are crossed out.
    let d = '';
    const m = cell * 0.25;
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (spec.kind(r, c) === 'unused') d += `M${x + c * cell + m},${y + r * cell + m}l${cell - 2 * m},${cell - 2 * m}M${x + (c + 1) * cell - m},${y + r * cell + m}l${-(cell - 2 * m)},${cell - 2 * m}`;
    if (d) parent.append('path').attr('d', d).attr('stroke', '#D55E00').attr('stroke-width', 1.2).attr('fill', 'none');
  }
  if (cell >= NUMBER_CELL) {
    const cells: { r: number; c: number }[] = [];
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (spec.kind(r, c) !== 'empty' && spec.kind(r, c) !== 'unused') cells.push({ r, c });
    parent
      .append('g')
      .attr('font-size', cell >= 24 ? 12 : 11)
      .attr('text-anchor', 'middle')
      .attr('fill', 'currentColor')
      .style('font-variant-numeric', 'tabular-nums')
      .selectAll('text')
      .data(cells)
      .join('text')
      .attr('x', (d) => x + (d.c + 0.5) * cell)
      .attr('y', (d) => y + (d.r + 0.5) * cell + 4)
      .attr('opacity', (d) => (spec.kind(d.r, d.c) === 'pad' ? 0.55 : 1))
      .text((d) => cellText(spec.value(d.r, d.c)));
  }
}

/** Whole numbers as they are, others to one decimal: a cell holds three or four characters. */
export function cellText(value: number): string {
  return Number.isInteger(value) ? formatNumber(value) : formatNumber(Math.round(value * 10) / 10);
}
