/**
 * The first layer's filters drawn as images (Lecture 12: a first-layer filter is the input patch
 * that excites its unit most). Red is positive, blue negative, white zero, on one scale shared by
 * all filters so that their growth during training shows.
 */
import { select } from 'd3';
import { channel, maxAbs, mosaicDataUrl } from './raster.ts';

export interface FilterGrid {
  svg: SVGSVGElement;
  /** `weights` in tfjs layout [F, F, 1, K]. */
  update(weights: Float32Array, filterSize: number, count: number, caption: string): void;
}

export function createFilterGrid(container: HTMLElement, options: { width: number; count: number; filterSize: number }): FilterGrid {
  const { width, count, filterSize } = options;
  const columns = width / count >= 28 ? count : Math.ceil(count / 2);
  const scale = Math.min(56 / filterSize, width / (columns * (filterSize + 1) - 1));
  const imageHeight = (Math.ceil(count / columns) * (filterSize + 1) - 1) * scale;
  const height = Math.ceil(16 + imageHeight + 18);
  const svg = select(container)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('class', 'demo-svg')
    .attr('role', 'img')
    .attr('aria-label', `The ${count} filters of the first convolutional layer, drawn as images`);
  const title = svg.append('text').attr('x', 0).attr('y', 12).attr('font-size', 11).attr('fill', 'currentColor');
  const image = svg.append('image').attr('x', 0).attr('y', 16).style('image-rendering', 'pixelated');
  const legend = svg.append('text').attr('x', 0).attr('y', height - 4).attr('font-size', 10).attr('fill', 'currentColor');
  return {
    svg: svg.node()!,
    update(weights, size, k, caption) {
      const max = maxAbs(weights);
      const tiles = Array.from({ length: k }, (_, c) => ({ values: channel(weights, size, size, k, c), width: size, height: size, colorMap: 'diverging' as const, max }));
      const mosaic = mosaicDataUrl(tiles, columns);
      title.text(caption);
      image.attr('href', mosaic.href).attr('width', mosaic.width * scale).attr('height', mosaic.height * scale);
      legend.text(`blue −${max.toFixed(2)} · white 0 · red +${max.toFixed(2)}`);
    },
  };
}
