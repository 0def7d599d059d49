import { describe, expect, test } from 'vitest';
import { averagePrecision, classAp, meanAp, rankDetections, type Detection } from '../../src/engines/detection/average-precision.ts';
import { boxProblem, iou, nms, nmsSteps, thresholdProblem, type Box } from '../../src/engines/detection/boxes.ts';

const box = (x0: number, y0: number, x1: number, y1: number): Box => ({ x0, y0, x1, y1 });

describe('IoU', () => {
  test('hand cases: disjoint, touching, nested, identical, partial', () => {
    expect(iou(box(0, 0, 10, 10), box(20, 20, 30, 30))).toBe(0);
    // Sharing an edge is no shared area.
    expect(iou(box(0, 0, 10, 10), box(10, 0, 20, 10))).toBe(0);
    expect(iou(box(0, 0, 10, 10), box(10, 10, 20, 20))).toBe(0);
    // Nested: the small box's area over the big one's.
    expect(iou(box(0, 0, 10, 10), box(2, 2, 7, 7))).toBeCloseTo(25 / 100, 12);
    expect(iou(box(3, 4, 9, 12), box(3, 4, 9, 12))).toBe(1);
    // Half overlap: 50 / (100 + 100 − 50).
    expect(iou(box(0, 0, 10, 10), box(5, 0, 15, 10))).toBeCloseTo(1 / 3, 12);
    expect(iou(box(5, 0, 15, 10), box(0, 0, 10, 10))).toBe(iou(box(0, 0, 10, 10), box(5, 0, 15, 10)));
  });

  test('zero-area and reversed boxes get a clear message', () => {
    expect(() => iou(box(0, 0, 0, 10), box(0, 0, 5, 5))).toThrow(/first box has zero area \(0 × 10 pixels\)/);
    expect(() => iou(box(0, 0, 5, 5), box(4, 4, 2, 8))).toThrow(/second box has zero area/);
    expect(boxProblem(box(1, 1, 2, 2))).toBeUndefined();
    expect(boxProblem(box(0, Number.NaN, 1, 1))).toMatch(/not a number/);
  });

  test('thresholds outside [0, 1] are refused', () => {
    expect(thresholdProblem(0.5, 'The threshold')).toBeUndefined();
    expect(thresholdProblem(1.2, 'The NMS IoU threshold')).toBe('The NMS IoU threshold must lie in [0, 1]; 1.2 does not.');
    expect(thresholdProblem(-0.1, 'x')).toMatch(/\[0, 1\]/);
    expect(() => nms([box(0, 0, 1, 1)], [1], 1.5)).toThrow(/must lie in \[0, 1\]/);
  });
});

describe('NMS', () => {
  const boxes = [box(0, 0, 10, 10), box(1, 0, 11, 10), box(20, 20, 30, 30), box(0, 1, 10, 11), box(21, 20, 31, 30), box(50, 50, 60, 60)];
  const scores = [0.9, 0.8, 0.7, 0.95, 0.6, 0.1];

  test('steps: keep the best left, drop the boxes that overlap it by more than the threshold', () => {
    const steps = nmsSteps(boxes, scores, 0.5);
    expect(steps.map((s) => s.kept)).toEqual([3, 2, 5]);
    // Box 0 and box 1 overlap box 3: 90 / 110 and 81 / 119.
    expect(steps[0]!.suppressed.map((s) => s.index)).toEqual([0, 1]);
    expect(steps[0]!.suppressed[0]!.iou).toBeCloseTo(90 / 110, 12);
    expect(steps[0]!.suppressed[1]!.iou).toBeCloseTo(81 / 119, 12);
    expect(steps[1]!.suppressed).toEqual([{ index: 4, iou: 90 / 110 }]);
    expect(steps[2]!.suppressed).toEqual([]);
  });

  test('the threshold decides: 0.75 keeps box 1 (IoU 0.68 with box 3), 1 keeps all, 0 keeps only disjoint ones', () => {
    expect(nms(boxes, scores, 0.75)).toEqual([3, 1, 2, 5]);
    expect(nms(boxes, scores, 1)).toEqual([3, 0, 1, 2, 4, 5]);
    // Identical boxes: the higher score survives, ties to the lower index.
    expect(nms([box(0, 0, 4, 4), box(0, 0, 4, 4)], [0.5, 0.5], 0.9)).toEqual([0]);
    // Touching boxes never suppress each other, even at threshold 0.
    expect(nms([box(0, 0, 4, 4), box(4, 0, 8, 4)], [0.5, 0.6], 0)).toEqual([1, 0]);
  });
});

describe('average precision', () => {
  // Two images: image 0 has two digits, image 1 one. Five detections ranked by score.
  const truth = [[box(0, 0, 10, 10), box(20, 0, 30, 10)], [box(0, 0, 10, 10)]];
  const detections: Detection[] = [
    { ...box(0, 0, 10, 10), image: 0, score: 0.9 }, // TP (IoU 1)
    { ...box(1, 0, 11, 10), image: 0, score: 0.8 }, // FP: its digit is already matched
    { ...box(0, 1, 10, 11), image: 1, score: 0.7 }, // TP (IoU 90/110)
    { ...box(40, 40, 50, 50), image: 1, score: 0.6 }, // FP: nothing there
    { ...box(22, 0, 32, 10), image: 0, score: 0.5 }, // TP (IoU 80/120 ≥ 0.5)
  ];

  test('the ranked list: precision and recall after each detection', () => {
    const { ranked, positives } = rankDetections([...detections].reverse(), truth, 0.5);
    expect(positives).toBe(3);
    expect(ranked.map((r) => r.truePositive)).toEqual([true, false, true, false, true]);
    expect(ranked.map((r) => r.precision)).toEqual([1, 1 / 2, 2 / 3, 2 / 4, 3 / 5]);
    expect(ranked.map((r) => r.recall)).toEqual([1 / 3, 1 / 3, 2 / 3, 2 / 3, 1]);
  });

  test('AP by hand: 1/3·1 + 1/3·2/3 + 1/3·3/5 = 0.7556', () => {
    const result = classAp(detections, truth, 0.5);
    expect(result.ap).toBeCloseTo(1 / 3 + 2 / 9 + 1 / 5, 12);
    // At IoU 0.75 the last detection (IoU 0.667) no longer counts: recall stops at 2/3.
    expect(classAp(detections, truth, 0.75).ap).toBeCloseTo(1 / 3 + 2 / 9, 12);
    expect(averagePrecision([], 0)).toBeUndefined();
    expect(meanAp([0.5, undefined, 1])).toBe(0.75);
    expect(meanAp([undefined])).toBeUndefined();
  });
});
