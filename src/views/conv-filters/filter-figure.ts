/**
 * The filters figure: the input image, then one card per kernel with the kernel's weights (numbers
 * when they fit) above its response, and the combined magnitude where there is one. Responses
 * with both signs are drawn on a diverging scale centred on 0 (red negative, blue positive);
 * non-negative ones in grey from 0 to their maximum. One SVG, rasters inside, for export.
 */
import { interpolateRdBu } from 'd3';
import type { GrayImage } from '../../engines/conv-filters/apply-kernels.ts';
import type { Kernel } from '../../engines/conv-filters/kernels.ts';
import { formatNumber } from '../../engines/conv/size-text.ts';
import { drawGrid } from '../conv-mechanics/grid.ts';
import { appendFigureSvg } from '../svg.ts';

export interface FilterFigureData {
  source: GrayImage;
  sourceLabel: string;
  kernels: readonly Kernel[];
  maps: readonly Float32Array[];
  labels: readonly string[];
}

export interface FilterFigure {
  svg: SVGSVGElement;
  render(data: FilterFigureData): void;
}

const GAP = 14;
const TITLE = 16;
const LEGEND = 16;
const MIN_CARD = 140;

export function range(values: ArrayLike<number>): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let n = 0; n < values.length; n++) {
    lo = Math.min(lo, values[n]!);
    hi = Math.max(hi, values[n]!);
  }
  return [lo, hi];
}

function raster(width: number, height: number, color: (n: number) => [number, number, number]): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return '';
  const pixels = context.createImageData(width, height);
  for (let n = 0; n < width * height; n++) {
    const [r, g, b] = color(n);
    pixels.data[4 * n] = r;
    pixels.data[4 * n + 1] = g;
    pixels.data[4 * n + 2] = b;
    pixels.data[4 * n + 3] = 255;
  }
  context.putImageData(pixels, 0, 0);
  return canvas.toDataURL('image/png');
}

function rgb(css: string): [number, number, number] {
  const m = css.match(/\d+/g) ?? ['0', '0', '0'];
  return [Number(m[0]), Number(m[1]), Number(m[2])];
}

/** 256 precomputed colours of the diverging scale: interpolating per pixel would be slow at 512². */
const DIVERGING = Array.from({ length: 256 }, (_, n) => rgb(interpolateRdBu(n / 255)));

export function createFilterFigure(container: HTMLElement, options: { width: number }): FilterFigure {
  const width = options.width;
  // The height follows the image and the number of responses (render sets it).
  const svg = appendFigureSvg(container, width, 1, 'Filters on images');

  return {
    svg: svg.node()!,
    render(data) {
      svg.selectAll('*').remove();
      const g = svg.append('g');
      const { source } = data;
      const cards = data.maps.length + 1;
      const perRow = Math.max(1, Math.min(cards, Math.floor((width + GAP) / (MIN_CARD + GAP))));
      const cardWidth = Math.floor((width - (perRow - 1) * GAP) / perRow);
      const imageHeight = Math.round((cardWidth * source.height) / source.width);
      const kernelSize = Math.max(...data.kernels.map((k) => k.size), 1);
      const kernelCell = Math.max(2, Math.min(24, Math.floor((cardWidth * 0.62) / kernelSize)));
      const kernelHeight = data.kernels.length > 0 ? kernelSize * kernelCell + 8 : 0;
      const cardHeight = TITLE + kernelHeight + imageHeight + LEGEND;
      const place = (n: number) => ({ x: (n % perRow) * (cardWidth + GAP), y: Math.floor(n / perRow) * (cardHeight + GAP) });
      const title = (x: number, y: number, text: string) =>
        g.append('text').attr('x', x).attr('y', y + 12).attr('font-size', 11).attr('font-weight', 600).attr('fill', 'currentColor').text(text);
      const legend = (x: number, y: number, text: string) => g.append('text').attr('x', x).attr('y', y + 12).attr('font-size', 11).attr('fill', 'currentColor').attr('opacity', 0.8).text(text);
      const image = (x: number, y: number, href: string) =>
        g.append('image').attr('x', x).attr('y', y).attr('width', cardWidth).attr('height', imageHeight).attr('preserveAspectRatio', 'none').attr('href', href).style('image-rendering', source.width < cardWidth / 2 ? 'pixelated' : 'auto');

      // The input, in grey: 0 black, 1 white.
      const origin = place(0);
      title(origin.x, origin.y, truncate(data.sourceLabel, cardWidth));
      image(origin.x, origin.y + TITLE + kernelHeight, raster(source.width, source.height, (n) => {
        const v = Math.round(255 * Math.min(1, Math.max(0, source.pixels[n]!)));
        return [v, v, v];
      }));
      legend(origin.x, origin.y + TITLE + kernelHeight + imageHeight, `${source.width}×${source.height}, 0 (black) to 1`);

      data.maps.forEach((map, m) => {
        const { x, y } = place(m + 1);
        const kernel = data.kernels[m];
        title(x, y, truncate(data.labels[m] ?? '', cardWidth));
        if (kernel) {
          const scale = Math.max(...Array.from(kernel.weights, Math.abs), 1e-12);
          const denominator = kernel.denominator ?? 1;
          drawGrid(g, {
            x,
            y: y + TITLE + 2,
            rows: kernel.size,
            cols: kernel.size,
            cell: kernelCell,
            scale,
            value: (r, c) => Math.round(kernel.weights[r * kernel.size + c]! * denominator * 1e4) / 1e4,
            kind: () => 'value',
          });
          if (denominator !== 1) g.append('text').attr('x', x + kernel.size * kernelCell + 6).attr('y', y + TITLE + 2 + (kernel.size * kernelCell) / 2 + 4).attr('font-size', 11).attr('fill', 'currentColor').text(`× 1/${denominator}`);
        }
        const [lo, hi] = range(map);
        const signed = lo < 0;
        const m0 = Math.max(Math.abs(lo), Math.abs(hi), 1e-12);
        image(x, y + TITLE + kernelHeight, raster(source.width, source.height, (n) => {
          const v = map[n]!;
          if (signed) return DIVERGING[Math.round(255 * (0.5 + v / (2 * m0)))] ?? [0, 0, 0];
          const g = Math.round((255 * v) / (hi || 1));
          return [g, g, g];
        }));
        legend(x, y + TITLE + kernelHeight + imageHeight, signed ? `red −${formatNumber(m0)} … 0 … ${formatNumber(m0)} blue` : `black 0 … ${formatNumber(hi)} white`);
      });
      const rows = Math.ceil(cards / perRow);
      const height = rows * cardHeight + (rows - 1) * GAP;
      svg.attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
      svg.attr('aria-label', `${data.sourceLabel} and its responses: ${data.labels.join(', ')}.`);
    },
  };
}

function truncate(text: string, room: number): string {
  const max = Math.floor(room / 6.3);
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
