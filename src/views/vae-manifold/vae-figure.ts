/**
 * The VAE manifold figure: on the left the decoder's digits over a grid of codes (Kingma and
 * Welling's picture), on the right the latent plane with held-out digits at their encoded
 * means, coloured by label, and a cursor (pointer or arrow keys) whose code is decoded into the
 * preview under the plane. One SVG; the grid is one <image>, the points are circles.
 */
import { scaleLinear, schemeTableau10, type Selection } from 'd3';
import { digitMosaic } from '../digits.ts';
import { appendFigureSvg } from '../svg.ts';

export interface VaeFigureData {
  /** n × n decoded digits, row-major from the top row, and the codes' axis values (ascending). */
  grid: Float32Array;
  n: number;
  axis: number[];
  /** Encoded means of the held-out digits [z1, z2, ...] and their labels. */
  points: Float32Array;
  labels: Uint8Array;
  /** The plane shows [−extent, extent]². */
  extent: number;
}

export interface VaeFigure {
  svg: SVGSVGElement;
  update(data: VaeFigureData): void;
  /** Moves the cursor to z and shows `pixels` (its decoded digit) in the preview. */
  showCursor(z: [number, number], pixels: Float32Array): void;
}

export const LABEL_COLORS = schemeTableau10;
/** `right` leaves room for the last tick label of the axes. */
const MARGIN = { left: 34, right: 14, bottom: 30, top: 18 };
const PREVIEW = 84;

export function createVaeFigure(container: HTMLElement, options: { width: number; onCursor: (z: [number, number]) => void }): VaeFigure {
  const width = options.width;
  const sideBySide = width >= 640;
  const panel = Math.floor(sideBySide ? (width - 24 - MARGIN.right) / 2 : width - MARGIN.right) - MARGIN.left;
  const planeX = sideBySide ? panel + MARGIN.left + 24 : 0;
  const planeY = sideBySide ? 0 : panel + MARGIN.top + MARGIN.bottom + 10;
  const height = planeY + MARGIN.top + panel + MARGIN.bottom + PREVIEW + 34;
  const svg = appendFigureSvg(container, width, height, 'Decoded digits over a grid of the 2-D latent space, and held-out digits encoded in the latent plane coloured by their label');
  svg.attr('class', 'demo-svg vae-manifold-svg');

  const manifold = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  const plane = svg.append('g').attr('transform', `translate(${planeX + MARGIN.left},${planeY + MARGIN.top})`);
  let extent = 3;
  const x = () => scaleLinear().domain([-extent, extent]).range([0, panel]);
  const y = () => scaleLinear().domain([-extent, extent]).range([panel, 0]);
  let cursor: [number, number] = [0, 0];
  const moveTo = (z: [number, number]) => {
    cursor = [clamp(z[0], extent), clamp(z[1], extent)];
    options.onCursor(cursor);
  };

  // The plane's interactive layer: pointer and keyboard drive the same cursor.
  const surface = plane
    .append('rect')
    .attr('class', 'vae-manifold-plane')
    .attr('width', panel)
    .attr('height', panel)
    .attr('fill', 'transparent')
    .attr('tabindex', 0)
    .attr('role', 'application')
    .attr('aria-label', 'Latent plane: move the pointer, or use the arrow keys (Shift for bigger steps), to decode a point')
    .style('cursor', 'crosshair');
  surface.on('pointermove', (event: PointerEvent) => {
    const [px, py] = pointer(event, surface.node()!);
    moveTo([x().invert(px), y().invert(py)]);
  });
  surface.on('keydown', (event: KeyboardEvent) => {
    const step = (event.shiftKey ? 0.5 : 0.1) * (extent / 3);
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    moveTo([cursor[0] + move[0], cursor[1] + move[1]]);
  });
  const pointsLayer = plane.append('g').style('pointer-events', 'none');
  const cursorLayer = plane.append('g').style('pointer-events', 'none');
  const preview = svg.append('g').attr('transform', `translate(${planeX + MARGIN.left},${planeY + MARGIN.top + panel + MARGIN.bottom})`);
  const previewImage = preview.append('image').attr('data-preview', '').attr('width', PREVIEW).attr('height', PREVIEW).style('image-rendering', 'pixelated');
  const previewText = preview.append('text').attr('data-preview-code', '').attr('x', PREVIEW + 10).attr('y', 16).attr('font-size', 12).attr('fill', 'currentColor');
  preview.append('text').attr('x', PREVIEW + 10).attr('y', 32).attr('font-size', 11).attr('fill', 'currentColor').text('decoded: the decoder’s mean');

  return {
    svg: svg.node()!,
    update(data) {
      extent = data.extent;
      manifold.selectAll('*').remove();
      const image = digitMosaic(data.grid, data.n * data.n, data.n, 0);
      manifold.append('image').attr('width', panel).attr('height', panel).attr('href', image.href).attr('preserveAspectRatio', 'none').style('image-rendering', data.n <= 12 ? 'pixelated' : 'auto');
      manifold.append('text').attr('x', 0).attr('y', -6).attr('font-size', 12).attr('font-weight', 600).attr('fill', 'currentColor').text(`Decoded grid, ${data.n} × ${data.n}`);
      axisLabels(manifold, data.axis, panel, data.n);

      pointsLayer.selectAll('*').remove();
      plane.selectAll('.vae-manifold-frame').remove();
      const sx = x();
      const sy = y();
      plane.insert('rect', ':first-child').attr('class', 'vae-manifold-frame').attr('width', panel).attr('height', panel).attr('fill', 'none').attr('stroke', 'currentColor').attr('stroke-opacity', 0.4);
      plane.selectAll('.vae-manifold-title').remove();
      plane.append('text').attr('class', 'vae-manifold-title').attr('x', 0).attr('y', -6).attr('font-size', 12).attr('font-weight', 600).attr('fill', 'currentColor').text(`${data.labels.length} test digits at their codes μ(x)`);
      for (let i = 0; i < data.labels.length; i++) {
        const [z1, z2] = [data.points[2 * i]!, data.points[2 * i + 1]!];
        if (Math.abs(z1) > extent || Math.abs(z2) > extent) continue;
        pointsLayer.append('circle').attr('cx', sx(z1)).attr('cy', sy(z2)).attr('r', 2.2).attr('fill', LABEL_COLORS[data.labels[i]!]!).attr('fill-opacity', 0.8);
      }
      // The grid's codes, faint, so the two panels can be matched.
      for (const a of data.axis) for (const b of data.axis) pointsLayer.append('circle').attr('cx', sx(a)).attr('cy', sy(b)).attr('r', 0.9).attr('fill', 'currentColor').attr('fill-opacity', 0.35);
      plane.selectAll('.vae-manifold-axes').remove();
      const axes = plane.append('g').attr('class', 'vae-manifold-axes').attr('font-size', 11).attr('fill', 'currentColor');
      for (const tick of sx.ticks(5)) axes.append('text').attr('x', sx(tick)).attr('y', panel + 14).attr('text-anchor', 'middle').text(tick);
      for (const tick of sy.ticks(5)) axes.append('text').attr('x', -5).attr('y', sy(tick) + 4).attr('text-anchor', 'end').text(tick);
      axes.append('text').attr('x', panel / 2).attr('y', panel + 27).attr('text-anchor', 'middle').text('z₁');
      axes.append('text').attr('x', -26).attr('y', panel / 2).attr('text-anchor', 'middle').text('z₂');
      legend(preview, PREVIEW + 10, 48, Math.max(120, (sideBySide ? panel : width - MARGIN.left) - PREVIEW - 10));
    },
    showCursor(z, pixels) {
      cursor = z;
      const [sx, sy] = [x()(z[0]), y()(z[1])];
      cursorLayer.selectAll('*').remove();
      cursorLayer.append('line').attr('x1', sx).attr('x2', sx).attr('y1', 0).attr('y2', panel).attr('stroke', 'currentColor').attr('stroke-opacity', 0.5);
      cursorLayer.append('line').attr('x1', 0).attr('x2', panel).attr('y1', sy).attr('y2', sy).attr('stroke', 'currentColor').attr('stroke-opacity', 0.5);
      cursorLayer.append('circle').attr('cx', sx).attr('cy', sy).attr('r', 5).attr('fill', 'none').attr('stroke', 'currentColor').attr('stroke-width', 2);
      previewImage.attr('href', digitMosaic(pixels, 1, 1).href);
      previewText.text(`z = (${format(z[0])}, ${format(z[1])})`);
    },
  };
}

/** z values of the grid's columns (bottom) and rows (left), at a few cells. */
function axisLabels(g: Selection<SVGGElement, unknown, null, undefined>, axis: number[], size: number, n: number): void {
  const cell = size / n;
  const every = Math.max(1, Math.ceil(n / 5));
  const axes = g.append('g').attr('font-size', 10).attr('fill', 'currentColor');
  axis.forEach((value, k) => {
    if (k % every !== 0 && k !== n - 1) return;
    axes.append('text').attr('x', (k + 0.5) * cell).attr('y', size + 13).attr('text-anchor', 'middle').text(format(value));
    axes.append('text').attr('x', -4).attr('y', (n - 1 - k + 0.5) * cell + 3).attr('text-anchor', 'end').text(format(value));
  });
  axes.append('text').attr('x', size / 2).attr('y', size + 27).attr('text-anchor', 'middle').attr('font-size', 11).text('z₁');
  axes.append('text').attr('x', -26).attr('y', size / 2).attr('text-anchor', 'middle').attr('font-size', 11).text('z₂');
}

function legend(g: Selection<SVGGElement, unknown, null, undefined>, x: number, y: number, width: number): void {
  g.selectAll('.vae-manifold-legend').remove();
  const row = g.append('g').attr('class', 'vae-manifold-legend').attr('font-size', 11).attr('fill', 'currentColor');
  const perRow = width >= 260 ? 10 : 5;
  const step = Math.min(28, width / perRow);
  for (let label = 0; label < 10; label++) {
    const [cx, cy] = [x + (label % perRow) * step, y + Math.floor(label / perRow) * 16];
    row.append('circle').attr('cx', cx + 4).attr('cy', cy + 4).attr('r', 4).attr('fill', LABEL_COLORS[label]!);
    row.append('text').attr('x', cx + 11).attr('y', cy + 8).text(label);
  }
}

function pointer(event: PointerEvent, element: SVGRectElement): [number, number] {
  const box = element.getBoundingClientRect();
  const scale = Number(element.getAttribute('width')) / box.width;
  return [(event.clientX - box.left) * scale, (event.clientY - box.top) * scale];
}

function clamp(v: number, extent: number): number {
  return Math.min(extent, Math.max(-extent, v));
}

function format(v: number): string {
  return (Math.round(v * 100) / 100).toFixed(2).replace('-', '−');
}
