/**
 * A scene with boxes over it: ground truth dashed white, candidate boxes in their digit's colour
 * (solid and labelled when kept, faint when suppressed, thin while pending). SVG, so the figure
 * exports whole. An optional overlay colours a grid of values in [0, 1] over the scene (a score
 * map: one cell per window, centred on the window's centre), transparent where the value is 0.
 */
import { interpolateInferno, rgb } from 'd3';
import type { Box } from '../../engines/detection/boxes.ts';
import { digitColor } from '../colors.ts';
import { appendFigureSvg } from '../svg.ts';
import { sceneImage } from './scene-image.ts';

export interface DrawnBox extends Box {
  label: number;
  score?: number;
  state: 'truth' | 'kept' | 'suppressed' | 'pending';
}

export interface SceneOverlay {
  /** perSide × perSide values in [0, 1], row by row. */
  values: ArrayLike<number>;
  perSide: number;
  /** Scene pixels between neighbouring cells, and the scene position of cell (0, 0)'s centre. */
  stride: number;
  centre: number;
}

function overlayImage(o: SceneOverlay): string {
  const canvas = document.createElement('canvas');
  canvas.width = o.perSide;
  canvas.height = o.perSide;
  const context = canvas.getContext('2d');
  if (!context) return '';
  const image = context.createImageData(o.perSide, o.perSide);
  for (let k = 0; k < o.perSide * o.perSide; k++) {
    const v = Math.min(1, Math.max(0, o.values[k] ?? 0));
    const c = rgb(interpolateInferno(0.35 + 0.65 * v));
    image.data.set([c.r, c.g, c.b, Math.round(160 * v)], k * 4);
  }
  context.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}

export function createSceneBoxes(container: HTMLElement, options: { width: number; label: string }) {
  const { width } = options;
  const svg = appendFigureSvg(container, width, width, options.label);
  const image = svg.append('image').attr('width', width).attr('height', width).style('image-rendering', 'pixelated');
  const heat = svg.append('image').attr('preserveAspectRatio', 'none').style('image-rendering', 'pixelated').attr('data-overlay', '');
  const layer = svg.append('g');
  let lastPixels: ArrayLike<number> | undefined;
  return {
    svg: svg.node()!,
    update(pixels: ArrayLike<number>, size: number, boxes: readonly DrawnBox[], overlay?: SceneOverlay) {
      if (pixels !== lastPixels) image.attr('href', sceneImage(pixels, size));
      lastPixels = pixels;
      const k = width / size;
      heat.attr('display', overlay ? null : 'none');
      if (overlay) {
        const start = (overlay.centre - overlay.stride / 2) * k;
        heat.attr('x', start).attr('y', start).attr('width', overlay.perSide * overlay.stride * k).attr('height', overlay.perSide * overlay.stride * k).attr('href', overlayImage(overlay));
      }
      layer.selectAll('*').remove();
      for (const b of boxes) {
        const color = b.state === 'truth' ? '#ffffff' : digitColor(b.label);
        layer.append('rect')
          .attr('x', b.x0 * k).attr('y', b.y0 * k).attr('width', (b.x1 - b.x0) * k).attr('height', (b.y1 - b.y0) * k)
          .attr('fill', 'none').attr('stroke', color)
          .attr('stroke-width', b.state === 'kept' ? 2.5 : b.state === 'truth' ? 1.2 : 1)
          .attr('stroke-opacity', b.state === 'suppressed' ? 0.35 : 1)
          .attr('stroke-dasharray', b.state === 'truth' ? '4 3' : b.state === 'suppressed' ? '2 2' : null)
          .attr('data-box', b.state);
        if (b.state === 'kept') {
          layer.append('text').attr('x', b.x0 * k + 2).attr('y', Math.max(11, b.y0 * k - 3)).attr('font-size', 11).attr('fill', color)
            .text(`${b.label} ${b.score?.toFixed(2) ?? ''}`);
        }
      }
    },
  };
}
