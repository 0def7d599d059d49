/**
 * Two boxes on a 100×100 square that the reader drags (the body moves a box, the corner handle
 * resizes it), their intersection shaded, and the IoU written out. `onChange` gets the box moved
 * once the drag ends.
 */
import { drag } from 'd3';
import type { Box } from '../../engines/detection/boxes.ts';
import { intersection } from '../../engines/detection/boxes.ts';
import { appendFigureSvg } from '../svg.ts';

const SIDE = 100;
const COLORS = ['#0072B2', '#D55E00'] as const;

export function createIouBoxes(container: HTMLElement, options: { width: number; onChange: (which: 0 | 1, box: Box) => void }) {
  const { width } = options;
  const k = width / SIDE;
  const svg = appendFigureSvg(container, width, width + 22, 'Two boxes and their intersection over union');
  svg.append('rect').attr('width', width).attr('height', width).attr('fill', 'none').attr('stroke', 'currentColor').attr('stroke-opacity', 0.3);
  const overlap = svg.append('rect').attr('fill', '#009E73').attr('fill-opacity', 0.45);
  const readout = svg.append('text').attr('x', 4).attr('y', width + 16).attr('font-size', 12).attr('fill', 'currentColor').attr('data-iou', '');
  let boxes: [Box, Box] = [{ x0: 0, y0: 0, x1: 1, y1: 1 }, { x0: 0, y0: 0, x1: 1, y1: 1 }];
  let text = '';
  const clamp = (v: number) => Math.min(SIDE, Math.max(0, Math.round(v)));
  const groups = ([0, 1] as const).map((which) => {
    const g = svg.append('g').attr('data-iou-box', which === 0 ? 'a' : 'b');
    const body = g.append('rect').attr('fill', COLORS[which]).attr('fill-opacity', 0.12).attr('stroke', COLORS[which]).attr('stroke-width', 2).style('cursor', 'move');
    const handle = g.append('rect').attr('width', 10).attr('height', 10).attr('fill', COLORS[which]).style('cursor', 'nwse-resize');
    const label = g.append('text').attr('font-size', 12).attr('fill', COLORS[which]).text(which === 0 ? 'A' : 'B');
    body.call(drag<SVGRectElement, unknown>().on('drag', (event: { dx: number; dy: number }) => {
      const b = boxes[which];
      const dx = Math.max(-b.x0, Math.min(SIDE - b.x1, event.dx / k));
      const dy = Math.max(-b.y0, Math.min(SIDE - b.y1, event.dy / k));
      boxes[which] = { x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy };
      draw();
    }).on('end', () => options.onChange(which, round(boxes[which]))));
    handle.call(drag<SVGRectElement, unknown>().on('drag', (event: { x: number; y: number }) => {
      const b = boxes[which];
      boxes[which] = { ...b, x1: Math.max(b.x0 + 1, Math.min(SIDE, event.x / k)), y1: Math.max(b.y0 + 1, Math.min(SIDE, event.y / k)) };
      draw();
    }).on('end', () => options.onChange(which, round(boxes[which]))));
    return { body, handle, label };
  });
  const round = (b: Box): Box => ({ x0: clamp(b.x0), y0: clamp(b.y0), x1: clamp(b.x1), y1: clamp(b.y1) });
  function draw() {
    groups.forEach((g, which) => {
      const b = boxes[which]!;
      g.body.attr('x', b.x0 * k).attr('y', b.y0 * k).attr('width', Math.max(0, b.x1 - b.x0) * k).attr('height', Math.max(0, b.y1 - b.y0) * k);
      g.handle.attr('x', b.x1 * k - 10).attr('y', b.y1 * k - 10);
      g.label.attr('x', b.x0 * k + 3).attr('y', b.y0 * k + 13);
    });
    const [a, b] = boxes;
    const has = intersection(a, b) > 0;
    overlap.attr('display', has ? null : 'none')
      .attr('x', Math.max(a.x0, b.x0) * k).attr('y', Math.max(a.y0, b.y0) * k)
      .attr('width', Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * k).attr('height', Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)) * k);
    readout.text(text);
  }
  return {
    svg: svg.node()!,
    update(next: [Box, Box], iouText: string) {
      boxes = next;
      text = iouText;
      draw();
    },
  };
}
