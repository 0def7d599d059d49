/**
 * The ten rows of a linear classifier's W drawn as 28×28 templates (the picture of Assignment 1):
 * red where ink is evidence for the class, blue where it is evidence against, on one scale shared
 * by all ten, so their growth shows as they learn. One class can be outlined (the winner).
 */
import { maxAbs, mosaicDataUrl } from '../cnn/raster.ts';
import { appendFigureSvg } from '../svg.ts';

export interface TemplatesFigure {
  svg: SVGSVGElement;
  /** `templates`: ten arrays of 784 weights; `marked`: the class to outline. */
  update(templates: readonly Float32Array[], caption: string, marked?: number): void;
}

const TITLE = 16;
const LABEL = 14;
const LEGEND = 16;

export function createTemplatesFigure(container: HTMLElement, width: number): TemplatesFigure {
  const columns = width >= 560 ? 10 : 5;
  const rows = 10 / columns;
  const tile = Math.floor((width - (columns - 1) * 4) / columns);
  const height = TITLE + rows * (tile + LABEL) + LEGEND;
  const svg = appendFigureSvg(container, width, height, 'The ten class templates: the rows of W drawn as 28 by 28 images');
  const title = svg.append('text').attr('x', 0).attr('y', 12).attr('font-size', 11).attr('fill', 'currentColor');
  const images = svg.append('g');
  const outline = svg.append('rect').attr('fill', 'none').style('stroke', 'var(--sl-color-accent)').attr('stroke-width', 3).attr('width', tile + 2).attr('height', tile + 2).attr('visibility', 'hidden');
  const labels = svg.append('g').attr('font-size', 11).attr('fill', 'currentColor').attr('text-anchor', 'middle');
  const legend = svg.append('text').attr('x', 0).attr('y', height - 4).attr('font-size', 10).attr('fill', 'currentColor');
  const at = (c: number) => ({ x: (c % columns) * (tile + 4), y: TITLE + Math.floor(c / columns) * (tile + LABEL) });
  for (let c = 0; c < 10; c++) {
    images.append('image').attr('data-template', c).attr('x', at(c).x).attr('y', at(c).y).attr('width', tile).attr('height', tile).style('image-rendering', 'pixelated');
    labels.append('text').attr('x', at(c).x + tile / 2).attr('y', at(c).y + tile + 11).text(String(c));
  }
  return {
    svg: svg.node()!,
    update(templates, caption, marked) {
      const max = Math.max(...templates.map((t) => maxAbs(t)));
      images.selectAll<SVGImageElement, unknown>('image').each(function (_, c) {
        this.setAttribute('href', mosaicDataUrl([{ values: templates[c]!, width: 28, height: 28, colorMap: 'diverging', max }], 1).href);
      });
      title.text(caption);
      legend.text(`blue −${max.toPrecision(2)} · white 0 · red +${max.toPrecision(2)} (weight of each pixel)`);
      if (marked === undefined) outline.attr('visibility', 'hidden');
      else outline.attr('visibility', 'visible').attr('x', at(marked).x - 1).attr('y', at(marked).y - 1);
    },
  };
}
