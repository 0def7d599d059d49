/**
 * Transposed convolution mechanics: the input grid (small), the output grid with the number of
 * (input cell, kernel tap) pairs that write each cell, resize-then-convolve's output beside it,
 * and the matrix Cᵀ whose product with the input is the output (nonzero entries dark).
 */
import { appendFigureSvg } from '../svg.ts';

export interface MechanicsData {
  m: number;
  n: number;
  counts: Float64Array;
  resizedSide: number;
  resized: Float64Array;
  /** Rows of C (one per input cell), each n² long. */
  matrix: Float64Array[];
}

export function createMechanics(container: HTMLElement, options: { width: number }) {
  const { width } = options;
  const height = 250;
  const svg = appendFigureSvg(container, width, height, 'Transposed convolution: input grid, output grid, resize then convolve, and the matrix');
  const layer = svg.append('g').attr('font-size', 10).attr('fill', 'currentColor');
  const grid = (x: number, y: number, side: number, cell: number, values: ArrayLike<number> | undefined, title: string, name: string) => {
    const most = values ? Math.max(1, ...Array.from(values)) : 1;
    layer.append('text').attr('x', x).attr('y', y - 6).attr('font-weight', 600).text(title);
    const g = layer.append('g').attr('data-grid', name);
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side; c++) {
        const v = values ? values[r * side + c]! : 0;
        g.append('rect').attr('x', x + c * cell).attr('y', y + r * cell).attr('width', cell - 1).attr('height', cell - 1)
          .attr('fill', values ? '#0072B2' : '#999').attr('fill-opacity', values ? 0.15 + 0.75 * (v / most) : 0.3);
        if (values && cell >= 12) g.append('text').attr('x', x + c * cell + cell / 2).attr('y', y + r * cell + cell / 2 + 3).attr('text-anchor', 'middle').attr('font-size', Math.min(10, cell - 4)).text(v);
      }
    }
  };
  return {
    svg: svg.node()!,
    update(d: MechanicsData) {
      layer.selectAll('*').remove();
      const column = (width - 30) / 3;
      const cellOut = Math.max(4, Math.min(18, Math.floor(column / Math.max(d.n, d.resizedSide))));
      grid(4, 22, d.m, 18, undefined, `Input ${d.m}×${d.m}`, 'input');
      grid(4 + column, 22, d.n, cellOut, d.counts, `Output ${d.n}×${d.n}`, 'output');
      grid(4 + 2 * column, 22, d.resizedSide, cellOut, d.resized, `Resize, then conv: ${d.resizedSide}×${d.resizedSide}`, 'resized');
      const rows = d.n * d.n;
      const cols = d.m * d.m;
      const y0 = 40 + Math.max(d.m * 18, 0);
      const cell = Math.min(6, (height - y0 - 10) / rows, column / cols);
      layer.append('text').attr('x', 4).attr('y', y0 - 4).attr('font-weight', 600).text(`Cᵀ: ${rows}×${cols}`);
      if (cell < 1) {
        layer.append('text').attr('x', 4).attr('y', y0 + 12).text('(too large to draw here)');
        return;
      }
      const g = layer.append('g').attr('data-grid', 'matrix');
      d.matrix.forEach((row, c) => row.forEach((v, r) => {
        if (v !== 0) g.append('rect').attr('x', 4 + c * cell).attr('y', y0 + r * cell).attr('width', cell).attr('height', cell).attr('fill', 'currentColor');
      }));
      g.append('rect').attr('x', 4).attr('y', y0).attr('width', cols * cell).attr('height', rows * cell).attr('fill', 'none').attr('stroke', 'currentColor').attr('stroke-opacity', 0.4);
    },
  };
}
