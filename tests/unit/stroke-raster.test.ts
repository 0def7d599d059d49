/** Pen strokes rasterised onto a scene's pixels: width, soft edge, ink only adds, clipped at the edges. */
import { describe, expect, test } from 'vitest';
import { PEN_RADIUS, stampSegment, toScene } from '../../src/views/detection/stroke-raster.ts';

describe('stampSegment', () => {
  test('a horizontal stroke inks the pixels within the pen radius of it, with a one-pixel soft edge', () => {
    const size = 32;
    const pixels = new Float32Array(size * size);
    stampSegment(pixels, size, { x: 10.5, y: 10.5 }, { x: 20.5, y: 10.5 });
    const at = (x: number, y: number) => pixels[y * size + x]!;
    expect(PEN_RADIUS).toBe(1.5);
    // Pixel centres on the line and one pixel off it: distance 0 and 1, full ink (1.5 + 0.5 − d ≥ 1).
    expect(at(15, 10)).toBe(1);
    expect(at(15, 11)).toBe(1);
    expect(at(15, 9)).toBe(1);
    // Two pixels off: distance 2, no ink (1.5 + 0.5 − 2 = 0).
    expect(at(15, 12)).toBe(0);
    // Past the end: pixel (21, 10) is 1 from the end point (full ink), (22, 10) is 2 (none).
    expect(at(21, 10)).toBe(1);
    expect(at(22, 10)).toBe(0);
    // Nothing far away.
    expect(pixels.reduce((n, v) => n + (v > 0 ? 1 : 0), 0)).toBeLessThan(60);
  });

  test('a stroke between two rows of pixel centres: 1.5 pixels away gets half ink', () => {
    const size = 16;
    const pixels = new Float32Array(size * size);
    stampSegment(pixels, size, { x: 2, y: 8 }, { x: 12, y: 8 });
    const column = Array.from({ length: size }, (_, y) => pixels[y * size + 7]!);
    expect(column.slice(5, 11)).toEqual([0, 0.5, 1, 1, 0.5, 0]);
  });

  test('ink only adds (the brighter of old and new) and a dot is a round blob', () => {
    const size = 8;
    const pixels = new Float32Array(size * size).fill(0.25);
    pixels[3 * size + 3] = 0.9;
    stampSegment(pixels, size, { x: 3.5, y: 3.5 }, { x: 3.5, y: 3.5 }, 1);
    expect(pixels[3 * size + 3]).toBe(1);
    expect(pixels[3 * size + 4]).toBeCloseTo(0.5, 6);
    // The diagonal neighbour is √2 away: 1.5 − 1.414 = 0.086 < 0.25, so the old value stays.
    expect(pixels[4 * size + 4]).toBe(0.25);
    expect(pixels[0]).toBe(0.25);
  });

  test('strokes that leave the scene are clipped to it', () => {
    const size = 6;
    const pixels = new Float32Array(size * size);
    stampSegment(pixels, size, { x: -5, y: 2.5 }, { x: 20, y: 2.5 });
    expect(Array.from(pixels.subarray(2 * size, 3 * size))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(pixels.length).toBe(36);
  });

  test('toScene maps CSS pixels of the drawn figure to scene pixels', () => {
    expect(toScene(150, 75, 300, 96)).toEqual({ x: 48, y: 24 });
  });
});
