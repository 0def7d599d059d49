/** The Lecture 12 demos' readouts as pure functions: exact strings on given results. */
import { describe, expect, test } from 'vitest';
import { chosenClass } from '../../src/demos/cnn-insight/stage.ts';
import { describeFooling, describeOcclusion, describeSaliency, percent, sub, worstPatch } from '../../src/demos/cnn-insight/summary.ts';

const digit = { number: 7, label: 1 };

describe('readouts', () => {
  test('saliency: the score, the largest gradient\'s pixel and the share on the ink', () => {
    const pixels = new Float32Array(784);
    const map = new Float32Array(784);
    pixels[30] = 1; // row 1, column 2: ink
    map[30] = 3;
    map[100] = 1; // background
    expect(describeSaliency({ classIndex: 1, digit, score: 4.567, probability: 0.9876, map, pixels })).toBe(
      'Saliency of class 1 for test digit 7 (label 1): score S = 4.57, probability 98.8%. The largest |∂S/∂I| is at row 1, column 2; 75.0% of the total lies on the 0.1% of pixels that carry ink.',
    );
  });

  test('occlusion: the first lowest cell names its patch', () => {
    const positions = [0, 2, 4];
    const probabilities = new Float32Array([0.9, 0.8, 0.9, 0.9, 0.1, 0.9, 0.9, 0.1, 0.9]);
    expect(worstPatch(positions, probabilities)).toEqual({ index: 4, left: 2, top: 2 });
    expect(describeOcclusion({ classIndex: 1, digit, baseline: 0.95, patch: 8, stride: 2, fill: 0, positions, probabilities })).toBe(
      'Class 1 for test digit 7 (label 1): 95.0% without occlusion. A 8×8 patch of value 0 at 3×3 = 9 positions (stride 2), one forward pass each; lowest 10.0% with the patch over rows 2–9, columns 2–9.',
    );
  });

  test('fooling: in progress, fooled, and given up', () => {
    const probabilities = new Float32Array(10).fill(0.05);
    probabilities[3] = 0.55;
    const state = { steps: 12, fooled: false, probabilities, predicted: 3, linf: 0.12, l2: 1.234 };
    const base = { digit, target: 3, stepSize: 0.01, maxSteps: 300 };
    expect(describeFooling({ ...base, state })).toBe('Step 12: p(3) = 55.0%, top class 3 for test digit 7 (a 1).');
    expect(describeFooling({ ...base, state: { ...state, fooled: true } })).toBe(
      'After 12 steps of η = 0.01, the network reads test digit 7 (a 1) as a 3 with 55.0% confidence. No pixel moved by more than 0.120 (‖δ‖∞); ‖δ‖₂ = 1.23.',
    );
    expect(describeFooling({ ...base, maxSteps: 12, state })).toBe('Not fooled within 12 steps: p(3) = 55.0%, top class 3. Try a larger step η.');
  });

  test('helpers', () => {
    expect(percent(0.1234)).toBe('12.3%');
    expect(sub(7)).toBe('₇');
    expect(chosenClass('predicted', 4, 9)).toBe(4);
    expect(chosenClass('label', 4, 9)).toBe(9);
    expect(chosenClass('2', 4, 9)).toBe(2);
  });
});
