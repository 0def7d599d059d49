/** The sliding-window demo's readouts, its checks of the reader's input (exact strings), and what its figure shows. */
import { describe, expect, test } from 'vitest';
import { scenePicture } from '../../src/demos/sliding-window/picture.ts';
import { emptySceneProblem } from '../../src/demos/sliding-window/scenes.ts';
import { describeBoxes, describeComparison, describeTraining, snapStride } from '../../src/demos/sliding-window/summary.ts';

describe('sliding-window readouts', () => {
  test('strides snap to a multiple of the output stride of 4, saying so', () => {
    expect(snapStride(8)).toEqual({ stride: 8 });
    expect(snapStride(6)).toEqual({ stride: 8, problem: 'Stride (pixels): 6 is not a multiple of 4 (the network\'s two 2×2 poolings put its outputs 4 pixels apart); using 8.' });
    expect(snapStride(5).stride).toBe(4);
    expect(snapStride(1).stride).toBe(4);
  });

  test('the comparison: both times, the speed-up (or slow-down) and the largest difference', () => {
    expect(describeComparison({ stride: 4, windows: 324, slidingMs: 412.34, fcnMs: 35.08, maxDifference: 2.4e-7 }))
      .toBe('Stride 4, 324 windows: sliding window 412 ms, fully convolutional 35 ms (11.8× faster). Largest |difference| between the two score maps: 2.4e-7.');
    expect(describeComparison({ stride: 28, windows: 9, slidingMs: 6.25, fcnMs: 12.5, maxDifference: 0 }))
      .toBe('Stride 28, 9 windows: sliding window 6.3 ms, fully convolutional 13 ms (2.0× slower). Largest |difference| between the two score maps: 0.0e+0.');
  });

  test('training and boxes', () => {
    expect(describeTraining({ step: 0, steps: 300, loss: undefined, windows: 0, digitWindows: 0 }))
      .toBe('Background class not trained yet (press Play): every window must still pick one of the ten digits.');
    expect(describeTraining({ step: 120, steps: 300, loss: 0.23149, windows: 2061, digitWindows: 508 }))
      .toBe('Background class: step 120 of 300, loss 0.231 on 2061 training windows (508 centred on a digit).');
    expect(describeBoxes(1, 0.5, 1)).toBe('1 box at threshold 0.50 after NMS; the scene has 1 digit.');
    expect(describeBoxes(3, 0.25, undefined)).toBe('3 boxes at threshold 0.25 after NMS on your drawing.');
  });

  test('a scene with no digits gets a message that says what to do', () => {
    const blank = new Float32Array(96 * 96);
    expect(emptySceneProblem(blank, true)).toMatch(/^The scene is blank: draw a digit/);
    expect(emptySceneProblem(blank, false)).toMatch(/^This scene has no digits \(digits per scene is 0\)/);
    blank[500] = 0.8;
    expect(emptySceneProblem(blank, true)).toBeUndefined();
  });
});

describe('the scene picture', () => {
  test('the chosen class\'s probability per window at the stride, and one box per digit after NMS across classes', () => {
    // A 36-pixel scene: 3×3 windows at stride 4. Windows 0 and 1 (4 pixels apart) both see a digit,
    // as a 3 and as a 5; the rest is background.
    const map = new Float32Array(9 * 11);
    for (let k = 0; k < 9; k++) map[k * 11 + 10] = 5;
    map[0 * 11 + 3] = 10;
    map[1 * 11 + 5] = 8;
    const all = scenePicture(map, 36, 4, 'digit', 0.5);
    expect(all.overlay).toMatchObject({ perSide: 3, stride: 4, centre: 14 });
    expect(all.overlay.values[0]).toBeCloseTo(1 - Math.exp(5) / (Math.exp(10) + Math.exp(5) + 9), 5);
    expect(all.overlay.values[8]).toBeCloseTo(1 - Math.exp(5) / (Math.exp(5) + 10), 5);
    // The 5 overlaps the better-scored 3 by IoU 16·20 / (800 − 320) = 0.67 > 0.3: one box.
    expect(all.boxes.map((b) => [b.label, b.x0, b.y0])).toEqual([[3, 4, 4]]);
    const five = scenePicture(map, 36, 4, '5', 0.5);
    expect(five.overlay.values[1]).toBeGreaterThan(0.9);
    expect(five.overlay.values[0]).toBeLessThan(0.01);
    // At stride 8 only windows (0, 0), (0, 8), (8, 0), (8, 8) exist: map cells 0, 2, 6, 8.
    expect(scenePicture(map, 36, 8, 'background', 0.5).overlay.perSide).toBe(2);
  });
});
