/** The sliding window's order over output cells and its keyboard moves. */
import { describe, expect, test } from 'vitest';
import { cellAt, cellCount, cellIndex, moveCell } from '../../src/demos/conv-mechanics/cursor.ts';

const dims = { maps: 2, rows: 3, cols: 4 };

describe('the window cursor', () => {
  test('visits map 0 row by row, then map 1; index and cell are inverse', () => {
    expect(cellCount(dims)).toBe(24);
    expect([0, 1, 4, 11, 12, 23].map((n) => cellAt(n, dims))).toEqual([
      { k: 0, i: 0, j: 0 },
      { k: 0, i: 0, j: 1 },
      { k: 0, i: 1, j: 0 },
      { k: 0, i: 2, j: 3 },
      { k: 1, i: 0, j: 0 },
      { k: 1, i: 2, j: 3 },
    ]);
    for (let n = 0; n < 24; n++) expect(cellIndex(cellAt(n, dims), dims)).toBe(n);
  });

  test('arrow keys move within a map and stop at its edges; Page keys change the map', () => {
    const start = { k: 0, i: 0, j: 0 };
    expect(moveCell(start, 'ArrowLeft', dims)).toEqual(start);
    expect(moveCell(start, 'ArrowUp', dims)).toEqual(start);
    expect(moveCell(start, 'ArrowRight', dims)).toEqual({ k: 0, i: 0, j: 1 });
    expect(moveCell(start, 'ArrowDown', dims)).toEqual({ k: 0, i: 1, j: 0 });
    expect(moveCell(start, 'PageDown', dims)).toEqual({ k: 1, i: 0, j: 0 });
    expect(moveCell({ k: 1, i: 2, j: 3 }, 'PageDown', dims)).toEqual({ k: 1, i: 2, j: 3 });
    expect(moveCell({ k: 1, i: 1, j: 1 }, 'End', dims)).toEqual({ k: 1, i: 2, j: 3 });
    expect(moveCell({ k: 1, i: 1, j: 1 }, 'Home', dims)).toEqual({ k: 1, i: 0, j: 0 });
    expect(moveCell(start, 'a', dims)).toBeUndefined();
  });
});
