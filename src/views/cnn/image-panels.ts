/**
 * A row of image panels (a digit, a map over it, a perturbation…) with titles and a note under
 * each, optionally a rectangle marked on a panel, and optionally the class probabilities below:
 * one SVG, raster parts as <image> elements, so it exports as one file.
 */
import { select } from 'd3';
import { renderClassBars, type ClassBarsData } from './class-bars.ts';
import { mosaicDataUrl, type Raster } from './raster.ts';

export interface ImagePanel {
  title: string;
  note: string;
  raster: Raster;
  /** Where the raster goes, for a map coarser than the digit: [x, y, size] in digit pixels (0-28). */
  place?: [number, number, number];
  /** A digit's strokes laid over the raster ('ink' colour map), so that the map can be read against it. */
  overlay?: Raster;
  /** A rectangle in digit pixels: [x, y, width, height]. */
  mark?: [number, number, number, number];
}

export interface ImagePanels {
  svg: SVGSVGElement;
  update(panels: readonly ImagePanel[], bars?: ClassBarsData): void;
}

const GAP = 12;
const TITLE = 16;
const NOTE = 42;

export function createImagePanels(container: HTMLElement, options: { width: number; count: number; bars: boolean; label: string }): ImagePanels {
  const { width, count } = options;
  const side = Math.floor(Math.min(190, (width - GAP * (count - 1)) / count));
  const barsTop = TITLE + side + NOTE + 6;
  const height = options.bars ? barsTop + 18 + 150 : TITLE + side + NOTE;
  const svg = select(container)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('class', 'demo-svg')
    .attr('role', 'img')
    .attr('aria-label', options.label);
  const cells = Array.from({ length: count }, (_, i) => {
    const g = svg.append('g').attr('transform', `translate(${i * (side + GAP)},0)`);
    return {
      title: g.append('text').attr('x', 0).attr('y', 12).attr('font-size', 11).attr('font-weight', 600).attr('fill', 'currentColor'),
      frame: g.append('rect').attr('x', 0).attr('y', TITLE).attr('width', side).attr('height', side).attr('fill', '#000'),
      image: g.append('image').attr('x', 0).attr('y', TITLE).attr('width', side).attr('height', side).style('image-rendering', 'pixelated'),
      overlay: g.append('image').attr('x', 0).attr('y', TITLE).attr('width', side).attr('height', side).attr('opacity', 0.45).style('image-rendering', 'pixelated'),
      mark: g.append('rect').attr('fill', 'none').attr('stroke', '#ff6b6b').attr('stroke-width', 2).attr('visibility', 'hidden'),
      note: g.append('text').attr('x', 0).attr('y', TITLE + side + 13).attr('font-size', 10).attr('fill', 'currentColor'),
    };
  });
  const barsTitle = svg.append('text').attr('x', 0).attr('y', barsTop + 12).attr('font-size', 11).attr('fill', 'currentColor');
  const bars = svg.append('g').attr('transform', `translate(0,${barsTop + 18})`);
  return {
    svg: svg.node()!,
    update(panels, barsData) {
      panels.forEach((panel, i) => {
        const cell = cells[i];
        if (!cell) return;
        cell.title.text(panel.title);
        const k = side / 28;
        const [px, py, size] = panel.place ?? [0, 0, 28];
        cell.image.attr('href', mosaicDataUrl([panel.raster], 1).href).attr('x', px * k).attr('y', TITLE + py * k).attr('width', size * k).attr('height', size * k);
        cell.overlay.attr('href', panel.overlay ? mosaicDataUrl([panel.overlay], 1).href : null).attr('visibility', panel.overlay ? 'visible' : 'hidden');
        // Notes are short lines, split at " · ", so that they fit narrow panels.
        const lines = panel.note.split(' · ');
        cell.note.selectAll('tspan').remove();
        cell.note.text(null);
        lines.forEach((line, k) => cell.note.append('tspan').attr('x', 0).attr('dy', k === 0 ? 0 : 12).text(line));
        if (panel.mark) {
          const [x, y, w, h] = panel.mark;
          cell.mark.attr('x', x * k).attr('y', TITLE + y * k).attr('width', w * k).attr('height', h * k).attr('visibility', 'visible');
        } else {
          cell.mark.attr('visibility', 'hidden');
        }
      });
      if (options.bars && barsData) {
        barsTitle.text(`p(class) (score)${barsData.marked === undefined ? '' : ' · ◀ target'}`);
        renderClassBars(bars, barsData, { width: Math.min(width, 420), height: 150 });
      }
    },
  };
}
