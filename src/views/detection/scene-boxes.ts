/**
 * A scene with boxes over it: ground truth dashed white, candidate boxes in their digit's colour
 * (solid and labelled when kept, faint when suppressed, thin while pending). SVG, so the figure
 * exports whole.
 */
import type { Box } from '../../engines/detection/boxes.ts';
import { digitColor } from '../colors.ts';
import { appendFigureSvg } from '../svg.ts';
import { sceneImage } from './scene-image.ts';

export interface DrawnBox extends Box {
  label: number;
  score?: number;
  state: 'truth' | 'kept' | 'suppressed' | 'pending';
}

export function createSceneBoxes(container: HTMLElement, options: { width: number; label: string }) {
  const { width } = options;
  const svg = appendFigureSvg(container, width, width, options.label);
  const image = svg.append('image').attr('width', width).attr('height', width).style('image-rendering', 'pixelated');
  const layer = svg.append('g');
  let lastPixels: ArrayLike<number> | undefined;
  return {
    svg: svg.node()!,
    update(pixels: ArrayLike<number>, size: number, boxes: readonly DrawnBox[]) {
      if (pixels !== lastPixels) image.attr('href', sceneImage(pixels, size));
      lastPixels = pixels;
      const k = width / size;
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
