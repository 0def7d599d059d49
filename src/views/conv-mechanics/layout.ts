/**
 * Flow layout for a row of same-sized grids (depth slices, filters, output maps): how many per
 * row and how large a cell, so the section fits the container's width and a height budget. Cells
 * are as large as allowed (up to `maxCell`), so 5×5 inputs get readable numbers and a 227×227
 * input still fits, drawn as a raster of one or two pixels per value.
 */

export interface FlowInput {
  /** Number of items (e.g. filters); each item is `slices` grids side by side. */
  items: number;
  slices: number;
  cols: number;
  rows: number;
  width: number;
  maxHeight: number;
  maxCell: number;
  /** Smallest cell; the height budget gives way below it. */
  minCell: number;
  /** Space between items, and between the slices of one item, in pixels. */
  gap: number;
  innerGap: number;
  /** Space above each item for its label. */
  labelHeight: number;
}

export interface FlowLayout {
  cell: number;
  perRow: number;
  itemWidth: number;
  itemHeight: number;
  height: number;
  /** Top-left corner of each item's first grid (below its label). */
  positions: { x: number; y: number }[];
  /** Left offset of slice s inside an item. */
  sliceX(s: number): number;
}

export function flowLayout(input: FlowInput): FlowLayout {
  const { items, slices, cols, rows, width, maxHeight, maxCell, minCell, gap, innerGap, labelHeight } = input;
  let best = { cell: 0, perRow: 1 };
  for (let perRow = 1; perRow <= Math.max(1, items); perRow++) {
    const lines = Math.ceil(items / perRow);
    const byWidth = (width - (perRow - 1) * gap - perRow * (slices - 1) * innerGap) / (perRow * slices * cols);
    const byHeight = (maxHeight - (lines - 1) * gap - lines * labelHeight) / (lines * rows);
    const cell = Math.min(maxCell, byWidth, Math.max(byHeight, Math.min(minCell, byWidth)));
    // Prefer the larger cell; on a tie, more per row (a shorter figure).
    if (cell >= best.cell - 1e-9) best = { cell, perRow };
    if (byWidth <= 0) break;
  }
  // Whole pixels where cells are large enough to hold numbers: crisp grid lines.
  const cell = best.cell >= 4 ? Math.floor(best.cell) : Math.max(best.cell, 0.25);
  const perRow = best.perRow;
  const itemWidth = slices * cols * cell + (slices - 1) * innerGap;
  const itemHeight = labelHeight + rows * cell;
  const positions = Array.from({ length: items }, (_, n) => ({
    x: (n % perRow) * (itemWidth + gap),
    y: Math.floor(n / perRow) * (itemHeight + gap) + labelHeight,
  }));
  const lines = Math.ceil(items / perRow);
  return {
    cell,
    perRow,
    itemWidth,
    itemHeight,
    height: lines * itemHeight + Math.max(0, lines - 1) * gap,
    positions,
    sliceX: (s) => s * (cols * cell + innerGap),
  };
}
