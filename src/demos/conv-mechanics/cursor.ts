/**
 * Where the sliding window is: an output cell (map k, row i, column j). The window visits the
 * cells of map 0 row by row, then map 1, and so on; the keyboard moves it as on a grid.
 */
import type { MechanicsLayer } from '../../engines/conv/layer.ts';
import type { OutputCell } from '../../views/conv-mechanics/mechanics-figure.ts';

export interface OutputDims {
  maps: number;
  rows: number;
  cols: number;
}

export function outputDims(layer: MechanicsLayer): OutputDims {
  return { maps: layer.shape.depth, rows: layer.shape.height.positions, cols: layer.shape.width.positions };
}

/** Where cell (k, i, j) sits in tf's [H, W, K] output layout. */
export function outputOffset(cell: OutputCell, dims: OutputDims): number {
  return (cell.i * dims.cols + cell.j) * dims.maps + cell.k;
}

export function cellCount(dims: OutputDims): number {
  return dims.maps * dims.rows * dims.cols;
}

export function cellIndex(cell: OutputCell, dims: OutputDims): number {
  return (cell.k * dims.rows + cell.i) * dims.cols + cell.j;
}

export function cellAt(index: number, dims: OutputDims): OutputCell {
  const j = index % dims.cols;
  const i = Math.floor(index / dims.cols) % dims.rows;
  const k = Math.floor(index / (dims.cols * dims.rows));
  return { k, i, j };
}

export function clampCell(cell: OutputCell, dims: OutputDims): OutputCell {
  const clamp = (v: number, n: number) => Math.min(n - 1, Math.max(0, v));
  return { k: clamp(cell.k, dims.maps), i: clamp(cell.i, dims.rows), j: clamp(cell.j, dims.cols) };
}

/** The cell a key moves to, or undefined for keys that do not move it. */
export function moveCell(cell: OutputCell, key: string, dims: OutputDims): OutputCell | undefined {
  const { k, i, j } = cell;
  switch (key) {
    case 'ArrowLeft':
      return clampCell({ k, i, j: j - 1 }, dims);
    case 'ArrowRight':
      return clampCell({ k, i, j: j + 1 }, dims);
    case 'ArrowUp':
      return clampCell({ k, i: i - 1, j }, dims);
    case 'ArrowDown':
      return clampCell({ k, i: i + 1, j }, dims);
    case 'PageUp':
      return clampCell({ k: k - 1, i, j }, dims);
    case 'PageDown':
      return clampCell({ k: k + 1, i, j }, dims);
    case 'Home':
      return { k, i: 0, j: 0 };
    case 'End':
      return { k, i: dims.rows - 1, j: dims.cols - 1 };
    default:
      return undefined;
  }
}
