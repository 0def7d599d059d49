/**
 * The semantic-gap figure: four digits (the original, the changed one, the nearest other digit
 * of its class, the nearest digit of another class), the changed digit's 784 numbers, and bars
 * of its distance from the original, and theirs, in three spaces (L1 and L2 on pixels, L2 on the
 * ConvNet's codes). Each space's bars share one scale, so the order within a space is what
 * counts: in pixel space the changed digit can be the farthest, in code space the nearest.
 */
import type { Selection } from 'd3';
import { digitMosaic } from '../digits.ts';
import { appendFigureSvg } from '../svg.ts';

export interface GapPicture {
  pixels: Float32Array;
  /** Two short lines under the picture. */
  title: string;
  note: string;
}

export interface GapSpace {
  name: string;
  /** Distances from the original of: the changed digit, the nearest same-class digit, the nearest other-class digit. */
  values: [number, number, number];
}

export interface GapFigureData {
  pictures: [GapPicture, GapPicture, GapPicture, GapPicture];
  spaces: GapSpace[];
  /** The changed digit, whose numbers are shown. */
  numbers: Float32Array;
}

export const GAP_ROWS = ['changed digit', 'nearest same class', 'nearest other class'] as const;
const ROW_COLORS = ['#E69F00', '#009E73', '#56B4E9'];

export interface GapFigure {
  svg: SVGSVGElement;
  update(data: GapFigureData): void;
}

export function createGapFigure(container: HTMLElement, options: { width: number }): GapFigure {
  const width = options.width;
  const thumb = Math.min(100, Math.floor((width - 36) / 4));
  const wide = width >= 600;
  const barsTop = thumb + 44;
  const groupHeight = 96;
  const barsHeight = wide ? groupHeight : 3 * groupHeight;
  const cell = Math.min(18, Math.floor((width - 8) / 28));
  const gridTop = barsTop + barsHeight + 30;
  const height = gridTop + 28 * cell + 4;
  const svg = appendFigureSvg(container, width, height, 'A digit, the same digit changed, its nearest neighbours, and their distances in pixel space and in the ConvNet\'s code space');
  const text = (g: Selection<SVGGElement, unknown, null, undefined>, x: number, y: number, value: string, anchor = 'start') =>
    g.append('text').attr('x', x).attr('y', y).attr('text-anchor', anchor).attr('fill', 'currentColor').text(value);
  const layer = svg.append('g').attr('font-size', 11);

  return {
    svg: svg.node()!,
    update(data) {
      layer.selectAll('*').remove();
      data.pictures.forEach((picture, n) => {
        const x = n * (thumb + 12);
        const mosaic = digitMosaic(picture.pixels, 1, 1, 0);
        layer.append('image').attr('href', mosaic.href).attr('x', x).attr('y', 0).attr('width', thumb).attr('height', thumb).style('image-rendering', 'pixelated');
        if (n > 0) layer.append('rect').attr('x', x).attr('y', thumb + 2).attr('width', thumb).attr('height', 3).attr('fill', ROW_COLORS[n - 1]!);
        const small = thumb < 90 ? 9 : 11;
        text(layer, x, thumb + 18, picture.title).attr('font-weight', 600).attr('font-size', small);
        text(layer, x, thumb + 32, picture.note).attr('font-size', small - 1);
      });
      const groupWidth = wide ? (width - 24) / data.spaces.length : width;
      data.spaces.forEach((space, s) => {
        const gx = wide ? s * (groupWidth + 12) : 0;
        const gy = barsTop + (wide ? 0 : s * groupHeight);
        text(layer, gx, gy + 12, space.name).attr('font-weight', 600);
        const top = Math.max(...space.values, 1e-9);
        const labelWidth = 112;
        const barMax = groupWidth - labelWidth - 44;
        space.values.forEach((value, r) => {
          const y = gy + 22 + r * 22;
          text(layer, gx, y + 12, GAP_ROWS[r]!).attr('font-size', 10);
          layer.append('rect').attr('x', gx + labelWidth).attr('y', y + 2).attr('width', Math.max(1, (barMax * value) / top)).attr('height', 14).attr('fill', ROW_COLORS[r]!);
          text(layer, gx + labelWidth + (barMax * value) / top + 4, y + 13, formatDistance(value)).attr('font-size', 10);
        });
      });
      const showNumbers = cell >= 14;
      text(layer, 0, gridTop - 10, showNumbers ? 'The changed digit as the computer receives it: 784 numbers from 0 (black) to 255 (white)' : 'The changed digit: 784 numbers (shown on wider screens)').attr('font-weight', 600);
      const grid = layer.append('g').attr('transform', `translate(0,${gridTop})`).attr('font-size', Math.max(6, cell * 0.42)).attr('text-anchor', 'middle');
      data.numbers.forEach((v, i) => {
        const [x, y] = [(i % 28) * cell, Math.floor(i / 28) * cell];
        const value = Math.round(255 * v);
        grid.append('rect').attr('x', x).attr('y', y).attr('width', cell).attr('height', cell).attr('fill', `rgb(${value},${value},${value})`).attr('stroke', 'currentColor').attr('stroke-opacity', 0.08);
        if (showNumbers && value > 0) grid.append('text').attr('x', x + cell / 2).attr('y', y + cell * 0.68).attr('fill', value > 140 ? '#000' : '#fff').text(value);
      });
    },
  };
}

/** Three significant digits. */
export function formatDistance(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toPrecision(3);
}
