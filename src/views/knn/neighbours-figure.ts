/**
 * One held-out digit and its k nearest training digits, nearest first, each with its label and
 * distance (up to MAX_SHOWN drawn), and the vote: how many of the k neighbours carry each label.
 */
import { digitColor } from '../colors.ts';
import { digitMosaic } from '../digits.ts';
import { appendFigureSvg } from '../svg.ts';

export const MAX_SHOWN = 24;

export interface NeighboursData {
  query: Float32Array;
  /** "Held-out digit 1 (a 7)". */
  title: string;
  neighbours: { pixels: Float32Array; label: number; distance: number }[];
  k: number;
  votes: number[];
  predicted: number;
}

export function createNeighboursFigure(container: HTMLElement, options: { width: number }) {
  const width = options.width;
  const tile = 40;
  const columns = Math.max(4, Math.floor((width - tile - 24) / (tile + 8)));
  const heightFor = (rows: number) => 40 + Math.max(2, rows) * (tile + 30) + 130;
  const svg = appendFigureSvg(container, width, heightFor(Math.ceil(MAX_SHOWN / columns)), 'A held-out digit, its nearest training digits with their distances, and the vote');
  const g = svg.append('g').attr('font-size', 10);
  return {
    svg: svg.node()!,
    update(data: NeighboursData) {
      g.selectAll('*').remove();
      // Only the rows of neighbours drawn take room.
      const rows = Math.max(2, Math.ceil(data.neighbours.length / columns));
      svg.attr('height', heightFor(rows)).attr('viewBox', `0 0 ${width} ${heightFor(rows)}`);
      g.append('text').attr('x', 0).attr('y', 12).attr('font-size', 12).attr('font-weight', 600).attr('fill', 'currentColor').text(`${data.title}:`);
      g.append('text').attr('x', 0).attr('y', 27).attr('font-size', 11).attr('fill', 'currentColor')
        .text(`its ${data.k} nearest training digit${data.k === 1 ? '' : 's'}${data.neighbours.length < data.k ? ` (the first ${data.neighbours.length} shown)` : ''}`);
      g.append('image').attr('href', digitMosaic(data.query, 1, 1, 0).href).attr('x', 0).attr('y', 36).attr('width', tile * 1.5).attr('height', tile * 1.5).style('image-rendering', 'pixelated');
      const left = tile * 1.5 + 16;
      data.neighbours.forEach((n, i) => {
        const [cx, cy] = [left + (i % columns) * (tile + 8), 36 + Math.floor(i / columns) * (tile + 30)];
        g.append('image').attr('data-neighbour', n.label).attr('href', digitMosaic(n.pixels, 1, 1, 0).href).attr('x', cx).attr('y', cy).attr('width', tile).attr('height', tile).style('image-rendering', 'pixelated');
        g.append('rect').attr('x', cx).attr('y', cy + tile + 1).attr('width', tile).attr('height', 3).attr('fill', digitColor(n.label));
        g.append('text').attr('x', cx + tile / 2).attr('y', cy + tile + 14).attr('text-anchor', 'middle').attr('fill', 'currentColor').text(`${n.label} · ${n.distance.toFixed(2)}`);
      });
      const top = 36 + rows * (tile + 30) + 10;
      g.append('text').attr('x', 0).attr('y', top).attr('font-size', 12).attr('font-weight', 600).attr('fill', 'currentColor').text(`The vote of the ${data.k}: ${data.predicted}`);
      const most = Math.max(1, ...data.votes);
      const bar = Math.min(36, (width - 20) / 10 - 6);
      data.votes.forEach((v, label) => {
        const x = label * (bar + 6);
        const h = (80 * v) / most;
        g.append('rect').attr('data-votes', v).attr('x', x).attr('y', top + 90 - h).attr('width', bar).attr('height', h).attr('fill', digitColor(label)).attr('stroke', label === data.predicted ? 'currentColor' : 'none');
        g.append('text').attr('x', x + bar / 2).attr('y', top + 104).attr('text-anchor', 'middle').attr('fill', 'currentColor').text(label);
        if (v > 0) g.append('text').attr('x', x + bar / 2).attr('y', top + 86 - h).attr('text-anchor', 'middle').attr('fill', 'currentColor').text(v);
      });
    },
  };
}
