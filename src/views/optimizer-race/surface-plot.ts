/**
 * Contour plot of a 2-D surface with each optimizer's trail. `createSurfacePlot` draws the
 * static layers once (contours, axes, minimum); `update` moves the trails every frame.
 */
import { contours, geoPath, line, scaleLinear, select, type ScaleLinear } from 'd3';
import { appendFigureSvg } from '../svg.ts';
import type { Surface } from '../../engines/optimizers/surfaces.ts';

export interface TrailView {
  label: string;
  color: string;
  trail: readonly [number, number][];
  diverged: boolean;
  enabled: boolean;
}

export interface SurfacePlot {
  svg: SVGSVGElement;
  update(trails: readonly TrailView[]): void;
}

const GRID = 120;
const MARGIN = { top: 10, right: 10, bottom: 34, left: 44 };

export function createSurfacePlot(
  container: HTMLElement,
  surface: Surface,
  options: { width: number; height: number; onPick?: (x: number, y: number) => void },
): SurfacePlot {
  const { width, height } = options;
  const x = scaleLinear().domain(surface.x).range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear().domain(surface.y).range([height - MARGIN.bottom, MARGIN.top]);
  const svg = appendFigureSvg(container, width, height, `Contour plot of the ${surface.label.toLowerCase()} with the optimizers' paths`);

  drawContours(svg.append('g').attr('class', 'contours'), surface, x, y);
  drawAxes(svg, x, y, width, height);
  svg
    .append('path')
    .attr('d', 'M-6,0L6,0M0,-6L0,6')
    .attr('class', 'surface-start')
    .attr('stroke', 'currentColor')
    .attr('stroke-width', 2)
    .attr('fill', 'none');
  const trailsLayer = svg.append('g').attr('class', 'trails');

  if (options.onPick) {
    const pick = options.onPick;
    svg.style('cursor', 'crosshair').on('click', (event: MouseEvent) => {
      const [px, py] = pointer(event, svg.node()!, width, height);
      if (px < MARGIN.left || px > width - MARGIN.right || py < MARGIN.top || py > height - MARGIN.bottom) return;
      pick(round(x.invert(px)), round(y.invert(py)));
    });
  }

  const path = line<[number, number]>()
    .x((d) => x(d[0]))
    .y((d) => y(d[1]));

  return {
    svg: svg.node()!,
    update(trails) {
      const start = trails[0]?.trail[0];
      if (start) svg.select('.surface-start').attr('transform', `translate(${x(start[0])},${y(start[1])})`);
      const groups = trailsLayer
        .selectAll<SVGGElement, TrailView>('g.trail')
        .data(trails.filter((t) => t.enabled), (d) => d.label)
        .join((enter) => {
          const g = enter.append('g').attr('class', 'trail');
          g.append('path').attr('fill', 'none').attr('stroke-width', 2).attr('stroke-linejoin', 'round');
          g.append('circle').attr('r', 5).style('stroke', 'var(--sl-color-black, #fff)').attr('stroke-width', 1.5);
          return g;
        });
      groups
        .select('path')
        .attr('stroke', (d) => d.color)
        .attr('stroke-dasharray', (d) => (d.diverged ? '4 3' : null))
        .attr('d', (d) => path(clip(d.trail, surface)) ?? '');
      groups
        .select('circle')
        .attr('fill', (d) => d.color)
        .attr('display', (d) => (d.diverged || d.trail.length === 0 ? 'none' : null))
        .attr('cx', (d) => x(d.trail.at(-1)![0]))
        .attr('cy', (d) => y(d.trail.at(-1)![1]));
    },
  };
}

function drawContours(
  layer: ReturnType<typeof select<SVGGElement, unknown>>,
  surface: Surface,
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
): void {
  const values = new Float64Array(GRID * GRID);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < GRID; j++) {
    for (let i = 0; i < GRID; i++) {
      const vx = surface.x[0] + ((surface.x[1] - surface.x[0]) * (i + 0.5)) / GRID;
      const vy = surface.y[1] - ((surface.y[1] - surface.y[0]) * (j + 0.5)) / GRID;
      const v = surface.value(vx, vy);
      values[j * GRID + i] = v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  // Levels spaced on a log scale above the minimum: valleys get as many lines as walls.
  const levels = Array.from({ length: 16 }, (_, k) => min + (max - min) * (Math.expm1((k + 1) / 16 * Math.log1p(1000)) / 1000));
  const [x0, x1] = x.range() as [number, number];
  const [y1, y0] = y.range() as [number, number];
  // Contours come in grid units; a transform maps them to the plot, strokes keep their width.
  layer.attr('transform', `translate(${x0},${y0}) scale(${(x1 - x0) / GRID},${(y1 - y0) / GRID})`);
  const toPath = geoPath();
  layer
    .selectAll('path')
    .data(contours().size([GRID, GRID]).thresholds(levels)(Array.from(values)))
    .join('path')
    .attr('d', (d) => toPath(d) ?? '')
    .attr('fill', 'none')
    .attr('vector-effect', 'non-scaling-stroke')
    .style('stroke', 'var(--sl-color-gray-4, #999)')
    .attr('stroke-width', (_, i) => (i % 4 === 0 ? 1.2 : 0.6));
}

function drawAxes(
  svg: ReturnType<typeof select<SVGSVGElement, unknown>>,
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  width: number,
  height: number,
): void {
  const axis = svg.append('g').attr('class', 'axes').attr('font-size', 11).attr('fill', 'currentColor');
  for (const tick of x.ticks(5)) axis.append('text').attr('x', x(tick)).attr('y', height - 18).attr('text-anchor', 'middle').text(tick);
  for (const tick of y.ticks(5)) axis.append('text').attr('x', MARGIN.left - 6).attr('y', y(tick) + 4).attr('text-anchor', 'end').text(tick);
  axis.append('text').attr('x', (MARGIN.left + width - MARGIN.right) / 2).attr('y', height - 3).attr('text-anchor', 'middle').text('x');
  axis.append('text').attr('x', 10).attr('y', (MARGIN.top + height - MARGIN.bottom) / 2).attr('text-anchor', 'middle').text('y');
  svg
    .append('rect')
    .attr('x', MARGIN.left)
    .attr('y', MARGIN.top)
    .attr('width', width - MARGIN.left - MARGIN.right)
    .attr('height', height - MARGIN.top - MARGIN.bottom)
    .attr('fill', 'none')
    .attr('stroke', 'currentColor')
    .attr('stroke-opacity', 0.4);
}

/** Keeps trails drawable when an optimizer leaves the plot: points are clamped to 3x the domain. */
function clip(trail: readonly [number, number][], surface: Surface): [number, number][] {
  const wx = surface.x[1] - surface.x[0];
  const wy = surface.y[1] - surface.y[0];
  return trail.map(([a, b]) => [
    Math.min(surface.x[1] + wx, Math.max(surface.x[0] - wx, a)),
    Math.min(surface.y[1] + wy, Math.max(surface.y[0] - wy, b)),
  ]);
}

function pointer(event: MouseEvent, svg: SVGSVGElement, width: number, height: number): [number, number] {
  const box = svg.getBoundingClientRect();
  return [((event.clientX - box.left) / box.width) * width, ((event.clientY - box.top) / box.height) * height];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
