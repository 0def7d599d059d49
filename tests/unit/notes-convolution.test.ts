/**
 * The convolution examples of the notes (Lecture 5's 2-D example, Assignment 2's 1-D backward
 * example), recomputed with the reference convolution the conv demo is tested against. Gradients
 * come from centered differences of that forward pass, so no backward formula is assumed.
 */
import { describe, expect, test } from 'vitest';
import { conv2dReference, type ConvGeometry } from '../../src/engines/conv/reference.ts';
import { createVolume, type FilterBank, type Volume } from '../../src/engines/conv/volume.ts';

const H = 1e-6;

/** L = Σ upstream · conv(x, f): its gradient is what a convolution's backward pass returns. */
function weightedOutput(x: Volume, f: FilterBank, g: ConvGeometry, upstream: readonly number[]): number {
  const y = conv2dReference(x, f, g);
  return Array.from(y.data).reduce((sum, v, i) => sum + v * upstream[i]!, 0);
}

function numericGradient(values: Float64Array, loss: () => number): number[] {
  return Array.from(values, (_, i) => {
    const old = values[i]!;
    values[i] = old + H;
    const plus = loss();
    values[i] = old - H;
    const minus = loss();
    values[i] = old;
    return (plus - minus) / (2 * H);
  });
}

describe('Assignment 2: the 1-D convolution backward example', () => {
  // x = (1, 2, 3, 4, 5) and w = (1, 0, −1). The reference takes square filters, so x is the middle row of a
  // 3 × 5 image of zeros and w the middle row of a 3 × 3 filter of zeros: the outputs are the same.
  const x = createVolume(3, 5, 1, (row, col) => (row === 1 ? col + 1 : 0));
  const weights = new Float64Array(9);
  weights[3] = 1;
  weights[5] = -1;
  const f: FilterBank = { size: 3, depth: 1, count: 1, weights, bias: Float64Array.from([0]) };
  const g: ConvGeometry = { stride: 1, pad: 0, dilation: 1 };
  const upstream = [1, 2, 3];

  test('the forward pass gives y = (−2, −2, −2)', () => {
    expect(Array.from(conv2dReference(x, f, g).data)).toEqual([-2, -2, -2]);
  });

  test('dL/db = 6, dL/dw = (14, 20, 26), dL/dx = (1, 2, 2, −2, −3)', () => {
    const loss = () => weightedOutput(x, f, g, upstream);
    const db = numericGradient(f.bias, loss);
    const dw = numericGradient(f.weights, loss);
    const dx = numericGradient(x.data, loss);
    expect(db[0]).toBeCloseTo(6, 6);
    expect([dw[3], dw[4], dw[5]].map((v) => Number(v!.toFixed(6)))).toEqual([14, 20, 26]);
    expect(dx.slice(5, 10).map((v) => Number(v.toFixed(6)))).toEqual([1, 2, 2, -2, -3]);
  });
});
