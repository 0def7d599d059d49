/**
 * The spiral figure: the decision regions as a 100×100 image (colour = winning class, paler
 * where the softmax is less sure), the points on top in their class colours, the inspected
 * point ringed. Clicks report the data coordinates and the nearest point within a few pixels.
 */
import { scaleLinear } from 'd3';
import { seriesColor } from '../colors.ts';
import { appendFigureSvg } from '../svg.ts';

export interface DecisionMapData {
  map?: { classes: Uint8Array; confidence: Float32Array; size: number } | undefined;
  points: Float32Array;
  labels: Int32Array;
  picked?: number | undefined;
}

export interface DecisionMapFigure {
  svg: SVGSVGElement;
  update(data: DecisionMapData): void;
}

export function createDecisionMap(
  container: HTMLElement,
  options: { size: number; extent: number; onClick: (x: number, y: number, nearest: number | undefined) => void },
): DecisionMapFigure {
  const { size, extent } = options;
  const svg = appendFigureSvg(container, size, size, 'Decision regions of the classifier over the plane, with the training points');
  const x = scaleLinear().domain([-extent, extent]).range([0, size]);
  const y = scaleLinear().domain([-extent, extent]).range([size, 0]);
  const image = svg.append('image').attr('width', size).attr('height', size).attr('preserveAspectRatio', 'none').style('image-rendering', 'pixelated');
  const pointLayer = svg.append('g').attr('stroke', '#222').attr('stroke-width', 0.6);
  const ring = svg.append('circle').attr('r', 7).attr('fill', 'none').attr('stroke', 'currentColor').attr('stroke-width', 2).attr('visibility', 'hidden');
  svg.append('rect').attr('width', size).attr('height', size).attr('fill', 'none').attr('stroke', 'currentColor').attr('stroke-opacity', 0.4);
  svg.style('cursor', 'crosshair');

  let shown: DecisionMapData | undefined;
  svg.on('click', (event: MouseEvent) => {
    const box = (svg.node() as SVGSVGElement).getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * size;
    const py = ((event.clientY - box.top) / box.height) * size;
    let nearest: number | undefined;
    let best = 6;
    const points = shown?.points ?? new Float32Array();
    for (let i = 0; i < points.length / 2; i++) {
      const distance = Math.hypot(x(points[2 * i]!) - px, y(points[2 * i + 1]!) - py);
      if (distance < best) {
        best = distance;
        nearest = i;
      }
    }
    options.onClick(x.invert(px), y.invert(py), nearest);
  });

  return {
    svg: svg.node()!,
    update(data) {
      shown = data;
      if (data.map) image.attr('href', mapImage(data.map));
      pointLayer
        .selectAll('circle')
        .data(Array.from(data.labels, (label, i) => ({ i, label })))
        .join('circle')
        .attr('r', 3)
        .attr('data-point', (d) => d.i)
        .attr('fill', (d) => seriesColor(d.label))
        .attr('cx', (d) => x(data.points[2 * d.i]!))
        .attr('cy', (d) => y(data.points[2 * d.i + 1]!));
      const picked = data.picked;
      ring.attr('visibility', picked === undefined ? 'hidden' : 'visible');
      if (picked !== undefined) ring.attr('cx', x(data.points[2 * picked]!)).attr('cy', y(data.points[2 * picked + 1]!));
    },
  };
}

function mapImage(map: { classes: Uint8Array; confidence: Float32Array; size: number }): string | null {
  const canvas = document.createElement('canvas');
  canvas.width = map.size;
  canvas.height = map.size;
  const context = canvas.getContext('2d');
  if (!context) return null;
  const pixels = context.createImageData(map.size, map.size);
  const rgb = [0, 1, 2, 3, 4].map((c) => seriesColor(c).match(/[0-9a-f]{2}/gi)!.map((h) => parseInt(h, 16)));
  for (let cell = 0; cell < map.classes.length; cell++) {
    const colour = rgb[map.classes[cell]!]!;
    // Surer cells are more opaque: the boundary shows as a pale band.
    pixels.data.set([colour[0]!, colour[1]!, colour[2]!, Math.round(60 + 140 * map.confidence[cell]!)], cell * 4);
  }
  context.putImageData(pixels, 0, 0);
  return canvas.toDataURL('image/png');
}
