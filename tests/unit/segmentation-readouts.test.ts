import { describe, expect, test } from 'vitest';
import { transposedConv } from '../../src/engines/segmentation/transposed-conv.ts';
import { describeClassIous, describeMechanics, describeSegmenter } from '../../src/demos/segmentation/summary.ts';

describe('segmentation readouts', () => {
  const ones = (n: number) => new Float64Array(n).fill(1);
  test('mechanics: the checkerboard and the even case', () => {
    const g = { kernel: 3, stride: 2, padding: 0 };
    expect(describeMechanics(3, g, transposedConv(ones(9), 3, ones(9), g))).toBe('Input 3×3, kernel 3, stride 2, padding 0: output 7×7, y = Cᵀx with C the 9×49 matrix of the convolution that maps 7×7 to 3×3. Kernel 3 is not divisible by stride 2: output cells get 1 to 4 contributions, in a checkerboard.');
    const even = { kernel: 4, stride: 2, padding: 1 };
    expect(describeMechanics(3, even, transposedConv(ones(9), 3, ones(16), even))).toContain('output 6×6');
    expect(describeMechanics(3, even, transposedConv(ones(9), 3, ones(16), even))).toContain('Kernel 4 is divisible by stride 2');
  });

  test('training summary and per-class IoU', () => {
    const s = { step: 20, steps: 300, batch: 8, trainSeconds: 12.34, heldOut: 50 };
    expect(describeSegmenter(s)).toBe('Step 20 of 300 (8 new scenes a step, 12.3 s of training). Not yet evaluated on the held-out scenes.');
    expect(describeSegmenter({ ...s, evaluation: { step: 20, meanIou: 0.6123, pixelAccuracy: 0.9512 } })).toBe('Step 20 of 300 (8 new scenes a step, 12.3 s of training). Mean IoU on 50 held-out scenes: 0.612, pixel accuracy 95.1% (after step 20).');
    expect(describeClassIous([0.98, 0.5, undefined])).toBe('IoU per class: background: 0.98, 0: 0.50, 1: absent.');
  });
});
