import { describe, expect, test } from 'vitest';
import { classAp, type Detection } from '../../src/engines/detection/average-precision.ts';
import { nmsSteps } from '../../src/engines/detection/boxes.ts';
import { describeAps, describeDetector, describeIou, nmsProgress } from '../../src/demos/detector/summary.ts';
import { DETECTOR_SPEC, formatBox, parseBox } from '../../src/demos/detector/spec.ts';

describe('detector readouts', () => {
  test('summary before and after an evaluation', () => {
    const state = { step: 40, steps: 400, batch: 16, trainSeconds: 21.26, heldOut: 100 };
    expect(describeDetector(state)).toBe('Step 40 of 400 (16 new scenes a step, 21.3 s of training). Not yet evaluated on the held-out scenes.');
    expect(describeDetector({ ...state, evaluation: { step: 50, mAP: 0.81234 } })).toBe('Step 40 of 400 (16 new scenes a step, 21.3 s of training). mAP@0.5 on 100 held-out scenes: 0.812 (after step 50).');
  });

  test('IoU written out; boxes parsed and formatted', () => {
    expect(describeIou(parseBox('12,14,52,54'), parseBox('32,30,80,72'))).toBe('IoU = 480 / 3136 = 0.153');
    expect(formatBox({ x0: 1.4, y0: 2.6, x1: 10, y1: 20 })).toBe('1,3,10,20');
    expect(DETECTOR_SPEC.boxA.check('5,5,5,9')).toBe('This box has zero area (0 × 4 pixels): IoU divides by the area of the union, so it needs boxes with width and height above 0');
    expect(DETECTOR_SPEC.boxA.check('5,5,9,9')).toBeUndefined();
  });

  test('NMS progress: states after k steps and the last step in words', () => {
    const boxes = [{ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 1, y0: 0, x1: 11, y1: 10 }, { x0: 30, y0: 0, x1: 40, y1: 10 }];
    const steps = nmsSteps(boxes, [0.9, 0.8, 0.7], 0.5, [3, 3, 3]);
    const name = (i: number) => `box ${i}`;
    expect(nmsProgress(steps, 3, 0, name, 0.5)).toEqual({ states: ['pending', 'pending', 'pending'], text: 'NMS step 0 of 2: 3 candidate boxes, none kept yet.' });
    expect(nmsProgress(steps, 3, 1, name, 0.5)).toEqual({ states: ['kept', 'suppressed', 'pending'], text: 'NMS step 1 of 2: kept box 0; removed 1 box with IoU 0.82 > 0.5.' });
    expect(nmsProgress(steps, 3, 9, name, 0.5).text).toBe('NMS step 2 of 2: kept box 2; it overlaps no remaining box of its digit by more than the threshold.');
    // Boxes of different digits never suppress each other.
    expect(nmsSteps(boxes, [0.9, 0.8, 0.7], 0.5, [3, 4, 3]).map((s) => s.kept)).toEqual([0, 1, 2]);
    expect(nmsProgress([], 0, 5, name, 0.5).text).toBe('No candidate box scores above the threshold.');
  });

  test('AP per digit', () => {
    expect(describeAps([{ ap: 0.912, positives: 4 }, { ap: undefined, positives: 0 }])).toBe('AP@0.5 per digit: 0: 0.91, 1: no digits.');
  });

  test("the notes' ranked list of 7 dog detections (4 dogs) has AP 0.65", () => {
    const dog = (x: number) => ({ x0: x, y0: 0, x1: x + 10, y1: 10 });
    // Four dogs in one image; detections placed to reproduce the table's matches.
    const truth = [[dog(0), dog(100), dog(200), dog(300)]];
    const at = (box: ReturnType<typeof dog>, score: number): Detection => ({ ...box, image: 0, score });
    const detections = [
      at(dog(0), 0.95), at(dog(102), 0.9), at(dog(1), 0.8), at(dog(500), 0.7), at(dog(203), 0.6), at(dog(600), 0.5), at(dog(700), 0.4),
    ];
    const result = classAp(detections, truth);
    expect(result.ranked.map((r) => r.truePositive)).toEqual([true, true, false, false, true, false, false]);
    expect(result.ap).toBeCloseTo(0.65, 12);
  });
});
