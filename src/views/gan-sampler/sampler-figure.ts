/**
 * The GAN sampler's figure, one SVG in sections stacked top to bottom: the grid of samples
 * (click or keyboard to pick), their nearest training digits, the two interpolation paths,
 * the sample with edited latent dimensions, and the latent arithmetic. Redrawn whole on each
 * update (about a hundred 28×28 images: cheap); holds no state beyond the keyboard cursor.
 */
import type { Selection } from 'd3';
import { seriesColor } from '../colors.ts';
import { digitMosaic } from '../digits.ts';
import { appendFigureSvg } from '../svg.ts';

export interface Neighbour {
  pixels: Float32Array;
  distance: number;
  /** Index in the training set, and its label. */
  index: number;
  label: number;
}

export interface SamplerFigureData {
  seed: number;
  samples: Float32Array;
  count: number;
  columns: number;
  a: number;
  b: number;
  groups: { plus: number[]; minus: number[]; base: number[] };
  /** One per sample when the nearest-digit check is on. */
  nearest?: Neighbour[];
  paths: { kind: string; pixels: Float32Array; norms: number[] }[];
  edited: { pixels: Float32Array; nearest: Neighbour; changed: boolean };
  arithmetic?: { pixels: Float32Array; nearest: Neighbour };
}

export interface SamplerFigure {
  svg: SVGSVGElement;
  update(data: SamplerFigureData): void;
}

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
type Group = Selection<SVGGElement, unknown, null, undefined>;

const TITLE = 16;
const GAP = 10;
export const PICK_COLORS = { a: seriesColor(0), b: seriesColor(1), plus: seriesColor(2), minus: seriesColor(4), base: seriesColor(3) } as const;

export function createSamplerFigure(container: HTMLElement, options: { width: number; onPick: (index: number) => void }): SamplerFigure {
  const width = options.width;
  // Headings and captions are ~11 px text: at phone widths they take their short forms.
  const narrow = width < 560;
  const svg: Svg = appendFigureSvg(container, width, 100, 'Samples of the DCGAN generator, their nearest training digits, interpolation paths and latent arithmetic');
  svg.attr('class', 'demo-svg gan-sampler-svg');
  let cursor = 0;

  function update(data: SamplerFigureData): void {
    // Keyboard focus survives the redraw: the new grid takes it if the old one had it.
    const focused = svg.node()!.contains(document.activeElement) && document.activeElement?.classList.contains('gan-sampler-grid');
    svg.selectAll('*').remove();
    let y = 0;
    const tile = Math.floor((width - (data.columns - 1) * 4) / data.columns);
    y = gridSection(svg, data, y, tile);
    if (data.nearest) y = nearestSection(svg, data, data.nearest, y + GAP, tile);
    y = pathSection(svg, data, y + GAP);
    y = editedSection(svg, data, y + GAP);
    y = arithmeticSection(svg, data, y + GAP);
    svg.attr('viewBox', `0 0 ${width} ${y}`).attr('height', y);
    if (focused) svg.select<SVGGElement>('.gan-sampler-grid').node()?.focus();
  }

  function gridSection(root: Svg, data: SamplerFigureData, top: number, tile: number): number {
    const rows = Math.ceil(data.count / data.columns);
    heading(root, top, narrow ? `${data.count} samples G(z), seed ${data.seed}: click to pick` : `${data.count} samples G(z) for seed ${data.seed}: click one (or use the arrow keys and Enter) to pick it`);
    const g = root.append('g').attr('transform', `translate(0,${top + TITLE})`);
    mosaic(g, data.samples, data.count, data.columns, tile, 4, 0, 0, (i) => `sample-${i}`);
    const grid = g
      .append('g')
      .attr('tabindex', 0)
      .attr('role', 'grid')
      .attr('aria-label', `Samples 0 to ${data.count - 1}; arrow keys move, Enter picks`)
      .attr('class', 'gan-sampler-grid');
    for (let i = 0; i < data.count; i++) {
      const [x, yy] = cell(i, data.columns, tile, 4);
      grid
        .append('rect')
        .attr('x', x)
        .attr('y', yy)
        .attr('width', tile)
        .attr('height', tile)
        .attr('fill', 'transparent')
        .attr('data-sample', i)
        .style('cursor', 'pointer')
        .on('click', () => {
          cursor = i;
          options.onPick(i);
        })
        .append('title')
        .text(`Sample ${i}`);
      badges(g, data, i, x, yy, tile);
    }
    const [cx, cy] = cell(cursor, data.columns, tile, 4);
    grid.append('rect').attr('class', 'gan-sampler-cursor').attr('x', cx - 2).attr('y', cy - 2).attr('width', tile + 4).attr('height', tile + 4).attr('fill', 'none').attr('stroke', 'currentColor').attr('stroke-dasharray', '3 2').style('display', 'none');
    grid.on('focus', () => grid.select('.gan-sampler-cursor').style('display', null)).on('blur', () => grid.select('.gan-sampler-cursor').style('display', 'none'));
    grid.on('keydown', (event: KeyboardEvent) => {
      const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -data.columns, ArrowDown: data.columns };
      if (event.key in moves) {
        cursor = Math.min(data.count - 1, Math.max(0, cursor + moves[event.key]!));
        const [nx, ny] = cell(cursor, data.columns, tile, 4);
        grid.select('.gan-sampler-cursor').attr('x', nx - 2).attr('y', ny - 2);
        event.preventDefault();
      } else if (event.key === 'Enter' || event.key === ' ') {
        options.onPick(cursor);
        event.preventDefault();
      }
    });
    return top + TITLE + rows * (tile + 4);
  }

  return { svg: svg.node()!, update };

  function nearestSection(root: Svg, data: SamplerFigureData, nearest: Neighbour[], top: number, tile: number): number {
    const rows = Math.ceil(data.count / data.columns);
    const mean = nearest.reduce((s, n) => s + n.distance, 0) / nearest.length;
    heading(root, top, narrow ? `Nearest training digits (mean distance ${mean.toFixed(2)})` : `Nearest training digit of each sample (Euclidean distance; mean ${mean.toFixed(2)})`);
    const g = root.append('g').attr('transform', `translate(0,${top + TITLE})`);
    const step = tile + 4 + 12;
    nearest.forEach((n, i) => {
      const x = (i % data.columns) * (tile + 4);
      const yy = Math.floor(i / data.columns) * step;
      mosaic(g, n.pixels, 1, 1, tile, 0, x, yy, () => `nearest-${i}`);
      g.append('text').attr('x', x + tile / 2).attr('y', yy + tile + 10).attr('text-anchor', 'middle').attr('font-size', 10).attr('fill', 'currentColor').text(n.distance.toFixed(1));
    });
    return top + TITLE + rows * step;
  }

  function pathSection(root: Svg, data: SamplerFigureData, top: number): number {
    heading(root, top, narrow ? `From A (${data.a}) to B (${data.b}), ‖z(t)‖ under each` : `From sample ${data.a} (A) to sample ${data.b} (B): G(z(t)) with ‖z(t)‖ under each`);
    let y = top + TITLE;
    const label = 64;
    for (const path of data.paths) {
      const n = path.norms.length;
      const size = Math.min(64, Math.floor((width - label - (n - 1) * 2) / n));
      const g = root.append('g').attr('transform', `translate(0,${y})`);
      g.append('text').attr('x', 0).attr('y', size / 2 + 4).attr('font-size', 11).attr('fill', 'currentColor').text(path.kind);
      mosaic(g, path.pixels, n, n, size, 2, label, 0, (k) => `${path.kind}-${k}`);
      path.norms.forEach((norm, k) => {
        g.append('text').attr('x', label + k * (size + 2) + size / 2).attr('y', size + 11).attr('text-anchor', 'middle').attr('font-size', 10).attr('fill', 'currentColor').text(norm.toFixed(1));
      });
      outline(g, label, 0, size, PICK_COLORS.a);
      outline(g, label + (n - 1) * (size + 2), 0, size, PICK_COLORS.b);
      y += size + 16;
    }
    return y;
  }

  function editedSection(root: Svg, data: SamplerFigureData, top: number): number {
    heading(root, top, data.edited.changed ? (narrow ? `Sample ${data.a}, edited by the sliders` : `Sample ${data.a} with the latent dimensions set by the sliders`) : narrow ? `Sample ${data.a} (sliders below edit its z)` : `Sample ${data.a} (move the sliders below to edit its z)`);
    const size = Math.min(84, Math.floor((width - 3 * 16) / 3));
    const g = root.append('g').attr('transform', `translate(0,${top + TITLE})`);
    mosaic(g, data.samples.subarray(data.a * 784, (data.a + 1) * 784), 1, 1, size, 0, 0, 0);
    outline(g, 0, 0, size, PICK_COLORS.a);
    mosaic(g, data.edited.pixels, 1, 1, size, 0, size + 16, 0, () => 'edited');
    neighbour(g, data.edited.nearest, 2 * (size + 16), size);
    caption(g, 0, size, 'A as sampled');
    caption(g, size + 16, size, 'edited z');
    return top + TITLE + size + 28;
  }

  function arithmeticSection(root: Svg, data: SamplerFigureData, top: number): number {
    const { plus, minus, base } = data.groups;
    if (!data.arithmetic || plus.length + minus.length + base.length === 0) {
      heading(root, top, narrow ? 'Latent arithmetic: pick samples for X, Y, Z' : 'Latent arithmetic: pick samples for X, Y and Z to see G(mean(X) − mean(Y) + mean(Z))');
      return top + TITLE;
    }
    heading(root, top, narrow ? 'G(mean(X) − mean(Y) + mean(Z))' : 'G(mean(X) − mean(Y) + mean(Z)): latent arithmetic on the picked samples');
    const count = plus.length + minus.length + base.length;
    const size = Math.min(56, Math.floor((width - 4 * 14 - 2 * 60) / (count + 2)));
    const g = root.append('g').attr('transform', `translate(0,${top + TITLE})`);
    let x = 0;
    const operator = (text: string) => {
      g.append('text').attr('x', x + 6).attr('y', size / 2 + 5).attr('font-size', 14).attr('text-anchor', 'middle').attr('fill', 'currentColor').text(text);
      x += 14;
    };
    const groupTiles = (members: number[], color: string, name: string) => {
      const start = x;
      for (const m of members) {
        mosaic(g, data.samples.subarray(m * 784, (m + 1) * 784), 1, 1, size, 0, x, 0);
        outline(g, x, 0, size, color);
        x += size + 2;
      }
      if (members.length > 0) caption(g, start, x - start - 2, name);
    };
    groupTiles(plus, PICK_COLORS.plus, 'X');
    operator('−');
    groupTiles(minus, PICK_COLORS.minus, 'Y');
    operator('+');
    groupTiles(base, PICK_COLORS.base, 'Z');
    operator('=');
    mosaic(g, data.arithmetic.pixels, 1, 1, size, 0, x, 0, () => 'arithmetic');
    caption(g, x, size, 'result');
    x += size + 14;
    neighbour(g, data.arithmetic.nearest, x, size);
    return top + TITLE + size + 28;
  }

  function heading(root: Svg, y: number, text: string): void {
    root.append('text').attr('x', 0).attr('y', y + 11).attr('font-size', 12).attr('font-weight', 600).attr('fill', 'currentColor').text(text);
  }

  function neighbour(g: Group, n: Neighbour, x: number, size: number): void {
    mosaic(g, n.pixels, 1, 1, size, 0, x, 0);
    caption(g, x, size, narrow ? `nearest (${n.label}), ${n.distance.toFixed(1)}` : `nearest training digit (${n.label}), distance ${n.distance.toFixed(1)}`);
  }
}

/** Top-left corner of grid cell i. */
function cell(i: number, columns: number, tile: number, gap: number): [number, number] {
  return [(i % columns) * (tile + gap), Math.floor(i / columns) * (tile + gap)];
}

/** `count` digits (rows of 784 values), `columns` per row, each `tile` px with `gap` px between, from (x, y). */
function mosaic(g: Group, pixels: Float32Array, count: number, columns: number, tile: number, gap: number, x = 0, y = 0, tag?: (i: number) => string): void {
  for (let i = 0; i < count; i++) {
    const [cx, cy] = cell(i, columns, tile, gap);
    g.append('image')
      .attr('data-digit', tag?.(i) ?? null)
      .attr('x', x + cx)
      .attr('y', y + cy)
      .attr('width', tile)
      .attr('height', tile)
      .attr('href', digitMosaic(pixels.subarray(i * 784, (i + 1) * 784), 1, 1).href)
      .style('image-rendering', 'pixelated');
  }
}

function outline(g: Group, x: number, y: number, size: number, color: string): void {
  g.append('rect').attr('x', x - 1.5).attr('y', y - 1.5).attr('width', size + 3).attr('height', size + 3).attr('fill', 'none').attr('stroke', color).attr('stroke-width', 3);
}

function caption(g: Group, x: number, size: number, text: string): void {
  g.append('text').attr('x', x).attr('y', size + 13).attr('font-size', 10).attr('fill', 'currentColor').text(text);
}

function badges(g: Group, data: SamplerFigureData, i: number, x: number, y: number, tile: number): void {
  const marks: [string, string][] = [];
  if (i === data.a) marks.push(['A', PICK_COLORS.a]);
  if (i === data.b) marks.push(['B', PICK_COLORS.b]);
  if (data.groups.plus.includes(i)) marks.push(['X', PICK_COLORS.plus]);
  if (data.groups.minus.includes(i)) marks.push(['Y', PICK_COLORS.minus]);
  if (data.groups.base.includes(i)) marks.push(['Z', PICK_COLORS.base]);
  if (marks.length > 0) outline(g, x, y, tile, marks[0]![1]);
  marks.forEach(([letter, color], k) => {
    const bx = x + k * 13;
    g.append('rect').attr('x', bx).attr('y', y).attr('width', 13).attr('height', 13).attr('fill', color);
    g.append('text').attr('x', bx + 6.5).attr('y', y + 10.5).attr('text-anchor', 'middle').attr('font-size', 10).attr('font-weight', 700).attr('fill', '#000').text(letter);
  });
}
