/**
 * The mechanics figure: the input volume with its zero padding, the filters (or the pooling
 * window), and the output volume, stacked top to bottom in one SVG; and an overlay that shows the
 * selected output's receptive field (its taps, d apart when dilated), its filter and its cell.
 * render() redraws everything for a new layer; select() only moves the overlay (cheap enough for
 * every animation frame). Clicking an output cell reports it through onPick.
 */
import { pointer } from 'd3';
import type { MechanicsLayer } from '../../engines/conv/layer.ts';
import { volumeAt, weightAt } from '../../engines/conv/volume.ts';
import { appendFigureSvg } from '../svg.ts';
import { drawGrid, type CellKind } from './grid.ts';
import { flowLayout, type FlowLayout } from './layout.ts';

export interface OutputCell {
  /** Output map (filter for a convolution, depth slice for pooling). */
  k: number;
  i: number;
  j: number;
}

export interface MechanicsFigure {
  svg: SVGSVGElement;
  render(layer: MechanicsLayer, output: Float32Array | undefined): void;
  select(cell: OutputCell | undefined): void;
}

const HIGHLIGHT = '#E69F00';
const TITLE = 18;
const SECTION_GAP = 16;

interface Placed {
  layer: MechanicsLayer;
  input: FlowLayout;
  inputTop: number;
  filters: FlowLayout | undefined;
  filtersTop: number;
  output: FlowLayout;
  outputTop: number;
}

export function createMechanicsFigure(container: HTMLElement, options: { width: number; onPick(cell: OutputCell): void }): MechanicsFigure {
  const width = options.width;
  // The height follows each layer (render sets it).
  const svg = appendFigureSvg(container, width, 1, 'Convolution mechanics');
  const content = svg.append('g');
  const overlay = svg.append('g').attr('pointer-events', 'none');
  let placed: Placed | undefined;

  function title(y: number, text: string) {
    content.append('text').attr('x', 0).attr('y', y + 12).attr('font-size', 12).attr('font-weight', 600).attr('fill', 'currentColor').text(text);
  }

  function label(x: number, y: number, text: string, room: number) {
    // About 6.5 px per character at 11 px: a label wider than its item would run into the next.
    if (text.length * 6.5 > room + 6) return;
    content.append('text').attr('x', x).attr('y', y - 4).attr('font-size', 11).attr('fill', 'currentColor').attr('opacity', 0.8).text(text);
  }

  return {
    svg: svg.node()!,
    render(layer, output) {
      content.selectAll('*').remove();
      overlay.selectAll('*').remove();
      const s = layer.settings;
      const { pad } = s;
      const paddedH = s.height + 2 * pad;
      const paddedW = s.width + 2 * pad;
      const conv = layer.bank !== undefined;
      const { shape } = layer;
      const flow = (items: number, slices: number, cols: number, rows: number, maxHeight: number) =>
        flowLayout({ items, slices, cols, rows, width, maxHeight, maxCell: 28, minCell: 0.5, gap: 12, innerGap: 6, labelHeight: 14 });

      // Input volume, padded.
      let y = 0;
      title(y, `Input ${s.width}×${s.height}×${s.depth}${pad > 0 ? `, padded to ${paddedW}×${paddedH}×${s.depth} (zeros grey)` : ''}`);
      y += TITLE;
      const input = flow(s.depth, 1, paddedW, paddedH, 380);
      const inputTop = y;
      const unusedCols = shape.width.problem === 'uneven' ? shape.width.unused : 0;
      const unusedRows = shape.height.problem === 'uneven' ? shape.height.unused : 0;
      const inputScale = s.mode === 'conv' ? 2 : 9;
      input.positions.forEach((p, d) => {
        label(p.x, inputTop + p.y, `x[:,:,${d}]`, input.itemWidth);
        const inside = (r: number, c: number) => r >= pad && c >= pad && r < pad + s.height && c < pad + s.width;
        drawGrid(content, {
          x: p.x,
          y: inputTop + p.y,
          rows: paddedH,
          cols: paddedW,
          cell: input.cell,
          scale: inputScale,
          value: (r, c) => (inside(r, c) ? volumeAt(layer.input, r - pad, c - pad, d) : 0),
          kind: (r, c): CellKind => (r >= paddedH - unusedRows || c >= paddedW - unusedCols ? 'unused' : inside(r, c) ? 'value' : 'pad'),
        });
      });
      y += input.height + SECTION_GAP;

      // Filters, or the pooling window.
      let filters: FlowLayout | undefined;
      const filtersTop = y + TITLE;
      if (conv && layer.bank) {
        const bank = layer.bank;
        title(y, `${bank.count} filter${bank.count > 1 ? 's' : ''} ${s.size}×${s.size}×${s.depth}, stride ${s.stride}${layer.dilation > 1 ? `, dilation ${layer.dilation}` : ''}`);
        y += TITLE;
        filters = flow(bank.count, s.depth, s.size, s.size, 300);
        filters.positions.forEach((p, k) => {
          label(p.x, filtersTop + p.y, `w${k}, b${k} = ${bank.bias[k]}`, filters!.itemWidth);
          for (let d = 0; d < s.depth; d++) {
            drawGrid(content, {
              x: p.x + filters!.sliceX(d),
              y: filtersTop + p.y,
              rows: s.size,
              cols: s.size,
              cell: filters!.cell,
              scale: 1,
              value: (a, c) => weightAt(bank, a, c, d, k),
              kind: () => 'value',
            });
          }
        });
        y += filters.height + SECTION_GAP;
      } else {
        title(y, `${s.mode === 'max' ? 'Max' : 'Average'} pooling, ${s.size}×${s.size} window, stride ${s.stride}, per slice`);
        y += TITLE + SECTION_GAP / 2;
      }

      // Output volume.
      const outH = shape.height.positions;
      const outW = shape.width.positions;
      const outputTop = y + TITLE;
      if (outH > 0 && outW > 0) {
        title(y, `Output ${outW}×${outH}×${shape.depth}${output ? '' : layer.computable ? ' (computing…)' : ' (not computed)'}`);
      } else {
        title(y, 'Output: none, the window fits nowhere');
      }
      y += TITLE;
      const outputLayout = flow(outH > 0 && outW > 0 ? shape.depth : 0, 1, Math.max(1, outW), Math.max(1, outH), 380);
      let outputScale = 1e-9;
      if (output) for (const v of output) outputScale = Math.max(outputScale, Math.abs(v));
      outputLayout.positions.forEach((p, k) => {
        label(p.x, outputTop + p.y, `o[:,:,${k}]`, outputLayout.itemWidth);
        drawGrid(content, {
          x: p.x,
          y: outputTop + p.y,
          rows: outH,
          cols: outW,
          cell: outputLayout.cell,
          scale: outputScale,
          value: (i, j) => output?.[(i * outW + j) * shape.depth + k] ?? 0,
          kind: () => (output ? 'value' : 'empty'),
        });
        // A transparent target per map: a click picks the cell under the pointer.
        content
          .append('rect')
          .attr('class', 'conv-mech-target')
          .attr('x', p.x)
          .attr('y', outputTop + p.y)
          .attr('width', outW * outputLayout.cell)
          .attr('height', outH * outputLayout.cell)
          .attr('fill', 'transparent')
          .style('cursor', 'pointer')
          .on('click', (event: MouseEvent) => {
            const [px, py] = pointer(event, svg.node());
            const j = Math.min(outW - 1, Math.max(0, Math.floor((px - p.x) / outputLayout.cell)));
            const i = Math.min(outH - 1, Math.max(0, Math.floor((py - outputTop - p.y) / outputLayout.cell)));
            options.onPick({ k, i, j });
          });
      });
      y += outputLayout.height;
      svg.attr('height', Math.ceil(y + 4)).attr('viewBox', `0 0 ${width} ${Math.ceil(y + 4)}`);
      svg.attr('aria-label', `Input volume ${s.width}×${s.height}×${s.depth} with padding ${pad}, ${conv ? `${s.filters} filters of ${s.size}×${s.size}` : `${s.mode} pooling ${s.size}×${s.size}`}, stride ${s.stride}, output ${outW}×${outH}×${shape.depth}.`);
      placed = { layer, input, inputTop, filters, filtersTop, output: outputLayout, outputTop };
    },

    select(cell) {
      const rects: { x: number; y: number; w: number; h: number; kind: 'window' | 'tap' | 'box' }[] = [];
      if (placed && cell) {
        const { layer, input, inputTop, filters, filtersTop, output, outputTop } = placed;
        const s = layer.settings;
        const span = layer.dilation * (s.size - 1) + 1;
        const slices = layer.bank ? Array.from({ length: s.depth }, (_, d) => d) : [cell.k];
        for (const d of slices) {
          const p = input.positions[d];
          if (!p) continue;
          const c0 = s.stride * cell.j;
          const r0 = s.stride * cell.i;
          rects.push({ x: p.x + c0 * input.cell, y: inputTop + p.y + r0 * input.cell, w: span * input.cell, h: span * input.cell, kind: 'window' });
          if (layer.dilation > 1 || input.cell >= 4) {
            for (let a = 0; a < s.size; a++) for (let c = 0; c < s.size; c++) rects.push({ x: p.x + (c0 + layer.dilation * c) * input.cell, y: inputTop + p.y + (r0 + layer.dilation * a) * input.cell, w: input.cell, h: input.cell, kind: 'tap' });
          }
        }
        const f = filters?.positions[cell.k];
        if (filters && f) rects.push({ x: f.x - 2, y: filtersTop + f.y - 2, w: filters.itemWidth + 4, h: filters.itemHeight - 14 + 4, kind: 'box' });
        const o = output.positions[cell.k];
        if (o) rects.push({ x: o.x + cell.j * output.cell, y: outputTop + o.y + cell.i * output.cell, w: Math.max(output.cell, 2), h: Math.max(output.cell, 2), kind: 'window' });
      }
      overlay
        .selectAll<SVGRectElement, (typeof rects)[number]>('rect')
        .data(rects)
        .join('rect')
        .attr('x', (r) => r.x)
        .attr('y', (r) => r.y)
        .attr('width', (r) => r.w)
        .attr('height', (r) => r.h)
        .attr('fill', (r) => (r.kind === 'tap' ? HIGHLIGHT : 'none'))
        .attr('fill-opacity', (r) => (r.kind === 'tap' ? 0.3 : 0))
        .attr('stroke', HIGHLIGHT)
        .attr('stroke-width', (r) => (r.kind === 'tap' ? 0.8 : 2.5))
        .attr('rx', (r) => (r.kind === 'tap' ? 0 : 2));
    },
  };
}

