/**
 * Lecture 11's worked detection examples: RoI pooling of a region that does not divide evenly
 * (the reference implementation's rounding), anchor labelling by IoU, and AP from a ranked list.
 * The helpers follow the rules as the notes state them; the assertions are the notes' numbers.
 */
import { describe, expect, test } from 'vitest';

type Box = readonly [number, number, number, number];

function area([x1, y1, x2, y2]: Box): number {
  return Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
}

function iou(a: Box, b: Box): number {
  const inter = area([Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])]);
  return inter / (area(a) + area(b) - inter);
}

/** Fast R-CNN's RoI max pooling: round the projected corners to cells, bins from floor to ceil. */
function roiPool(map: number[][], roi: Box, stride: number, out: number) {
  const [c1, r1, c2, r2] = roi.map((v) => Math.round(v / stride)) as unknown as Box;
  const h = r2 - r1 + 1;
  const w = c2 - c1 + 1;
  const bins: { rows: [number, number]; cols: [number, number]; max: number }[] = [];
  for (let i = 0; i < out; i++) {
    for (let j = 0; j < out; j++) {
      const rows: [number, number] = [r1 + Math.floor((i * h) / out), r1 + Math.ceil(((i + 1) * h) / out) - 1];
      const cols: [number, number] = [c1 + Math.floor((j * w) / out), c1 + Math.ceil(((j + 1) * w) / out) - 1];
      let max = Number.NEGATIVE_INFINITY;
      for (let r = rows[0]; r <= rows[1]; r++) for (let c = cols[0]; c <= cols[1]; c++) max = Math.max(max, map[r]![c]!);
      bins.push({ rows, cols, max });
    }
  }
  return { cells: [c1, r1, c2, r2], h, w, bins };
}

describe('Lecture 11: RoI pooling of a 5 × 7 region into 2 × 2', () => {
  const region = [
    [1, 3, 0, 2, 5, 1, 0],
    [4, 2, 1, 0, 2, 6, 1],
    [0, 8, 2, 1, 1, 0, 2],
    [3, 0, 6, 1, 0, 4, 1],
    [2, 5, 1, 0, 3, 2, 7],
  ];
  // The region sits at rows 1-5 and columns 2-8 of a larger feature map; the rest is never read.
  const map = Array.from({ length: 8 }, (_, r) => Array.from({ length: 10 }, (_, c) => (r >= 1 && r <= 5 && c >= 2 && c <= 8 ? region[r - 1]![c - 2]! : 99)));
  const pooled = roiPool(map, [37, 21, 135, 85], 16, 2);

  test('the proposal (37, 21, 135, 85) projects to columns 2-8 and rows 1-5: 5 × 7 cells, pixels 32-143 by 16-95', () => {
    expect(pooled.cells).toEqual([2, 1, 8, 5]);
    expect([pooled.h, pooled.w]).toEqual([5, 7]);
    expect([pooled.cells[0]! * 16, (pooled.cells[2]! + 1) * 16 - 1, pooled.cells[1]! * 16, (pooled.cells[3]! + 1) * 16 - 1]).toEqual([32, 143, 16, 95]);
    // Edge shifts: left 37 → 32, top 21 → 16, right 135 → 144, bottom 85 → 96.
    expect([37 - 32, 21 - 16, 144 - 135, 96 - 85]).toEqual([5, 5, 9, 11]);
  });

  test('bins share row 2 and column 3 of the region, and the maxima are [[8, 6], [8, 7]]', () => {
    expect(pooled.bins.map((b) => [b.rows[0] - 1, b.rows[1] - 1])).toEqual([[0, 2], [0, 2], [2, 4], [2, 4]]);
    expect(pooled.bins.map((b) => [b.cols[0] - 2, b.cols[1] - 2])).toEqual([[0, 3], [3, 6], [0, 3], [3, 6]]);
    expect(pooled.bins.map((b) => b.max)).toEqual([8, 6, 8, 7]);
  });
});

describe('Lecture 11: labelling anchors by IoU', () => {
  const g1: Box = [40, 40, 140, 120];
  const g2: Box = [200, 60, 240, 140];
  const anchors: Box[] = [[40, 30, 140, 130], [60, 40, 160, 140], [100, 80, 200, 180], [180, 50, 260, 150], [300, 0, 400, 100]];

  test('IoUs 0.80, 0.55, 0.10, 0 with g1 and 0.40 for a4 with g2; labels positive, ignored, negative, positive, negative', () => {
    const withG1 = anchors.map((a) => iou(a, g1));
    const withG2 = anchors.map((a) => iou(a, g2));
    expect(withG1[0]).toBeCloseTo(0.8, 10);
    expect(withG1[1]).toBeCloseTo(6400 / 11600, 10);
    expect(withG1[2]).toBeCloseTo(1600 / 16400, 10);
    expect(withG2[3]).toBeCloseTo(0.4, 10);
    const best = [g1, g2].map((g) => anchors.reduce((b, a, i) => (iou(a, g) > iou(anchors[b]!, g) ? i : b), 0));
    const labels = anchors.map((a, i) => {
      const top = Math.max(iou(a, g1), iou(a, g2));
      if (top >= 0.7 || best.includes(i)) return 'positive';
      return top < 0.3 ? 'negative' : 'ignored';
    });
    expect(labels).toEqual(['positive', 'ignored', 'negative', 'positive', 'negative']);
  });

  test('regression targets: a1 → g1 is (0, 0, 0, log 0.8), a4 → g2 is (0, 0, log 0.5, log 0.8)', () => {
    const targets = (p: Box, g: Box) => {
      const [pw, ph, gw, gh] = [p[2] - p[0], p[3] - p[1], g[2] - g[0], g[3] - g[1]];
      return [((g[0] + g[2]) / 2 - (p[0] + p[2]) / 2) / pw, ((g[1] + g[3]) / 2 - (p[1] + p[3]) / 2) / ph, Math.log(gw / pw), Math.log(gh / ph)];
    };
    const t1 = targets(anchors[0]!, g1);
    const t4 = targets(anchors[3]!, g2);
    expect(t1.slice(0, 3)).toEqual([0, 0, 0]);
    expect(t1[3]).toBeCloseTo(-0.223, 3);
    expect(t4[2]).toBeCloseTo(-0.693, 3);
    expect(t4[3]).toBeCloseTo(-0.223, 3);
  });
});

describe('Lecture 11: AP of seven ranked detections of four dogs', () => {
  const truePositive = [true, true, false, false, true, false, false];
  const objects = 4;
  let tp = 0;
  const curve = truePositive.map((hit, i) => {
    if (hit) tp++;
    return { precision: tp / (i + 1), recall: tp / objects };
  });
  /** Best precision at this recall or any higher one. */
  const envelope = (r: number) => Math.max(0, ...curve.filter((p) => p.recall >= r - 1e-12).map((p) => p.precision));

  test('precision and recall down the list', () => {
    expect(curve.map((p) => Number(p.precision.toFixed(2)))).toEqual([1, 1, 0.67, 0.5, 0.6, 0.5, 0.43]);
    expect(curve.map((p) => p.recall)).toEqual([0.25, 0.5, 0.5, 0.5, 0.75, 0.75, 0.75]);
  });

  test('area under the interpolated curve is 0.65; the 11-point variant gives 0.655', () => {
    let ap = 0;
    let previous = 0;
    for (const r of [...new Set(curve.map((p) => p.recall))]) {
      ap += (r - previous) * envelope(r);
      previous = r;
    }
    expect(ap).toBeCloseTo(0.65, 12);
    const elevenPoint = Array.from({ length: 11 }, (_, k) => envelope(k / 10)).reduce((a, b) => a + b, 0) / 11;
    expect(elevenPoint).toBeCloseTo(7.2 / 11, 12);
    expect(elevenPoint).toBeCloseTo(0.655, 3);
  });
});

describe('Lecture 11: the detector guide\'s IoU of shifted boxes', () => {
  test('a third of the side sideways gives 0.5; a third sideways and down gives 0.29', () => {
    const box: Box = [0, 0, 3, 3];
    expect(iou(box, [1, 0, 4, 3])).toBeCloseTo(0.5, 12);
    expect(iou(box, [1, 1, 4, 4])).toBeCloseTo(4 / 14, 12);
    expect(Number(iou(box, [1, 1, 4, 4]).toFixed(2))).toBe(0.29);
  });
});
