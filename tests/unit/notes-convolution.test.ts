/**
 * The convolution examples of the notes (Lecture 5's 2-D example, Assignment 2's 1-D backward
 * example), recomputed with the reference convolution the conv demo is tested against. Gradients
 * come from centred differences of that forward pass, so no backward formula is assumed.
 */
import { describe, expect, test } from 'vitest';
import { conv2dReference, type ConvGeometry } from '../../src/engines/conv/reference.ts';
import { createVolume, volumeAt, weightAt, type FilterBank, type Volume } from '../../src/engines/conv/volume.ts';
import { buildLayer, referenceOutput, windowTerms, type LayerMode } from '../../src/engines/conv/layer.ts';
import { CONV_MECHANICS_SPEC } from '../../src/demos/conv-mechanics/spec.ts';
import { defaultsOf } from '../../src/demos/settings.ts';

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

describe('Lecture 5: the worked 2-D convolution is the conv demo\'s default layer', () => {
  const defaults = defaultsOf(CONV_MECHANICS_SPEC);
  const layer = buildLayer({
    mode: defaults['mode'] as LayerMode,
    width: defaults['width'] as number,
    height: defaults['height'] as number,
    depth: defaults['depth'] as number,
    filters: defaults['filters'] as number,
    size: defaults['size'] as number,
    stride: defaults['stride'] as number,
    pad: defaults['pad'] as number,
    dilation: defaults['dilation'] as number,
    seed: defaults['seed'] as number,
  });
  const slice = (d: number) => Array.from({ length: 5 }, (_, r) => Array.from({ length: 5 }, (_, c) => volumeAt(layer.input, r, c, d)));
  const filterSlice = (k: number, d: number) => Array.from({ length: 3 }, (_, a) => Array.from({ length: 3 }, (_, c) => weightAt(layer.bank!, a, c, d, k)));

  test('5×5×3 input, two 3×3×3 filters, stride 2, pad 1, with the numbers printed in the notes', () => {
    expect([layer.settings.width, layer.settings.height, layer.settings.depth, layer.settings.filters, layer.settings.size, layer.settings.stride, layer.settings.pad]).toEqual([5, 5, 3, 2, 3, 2, 1]);
    expect(slice(0)).toEqual([[1, 2, 1, 2, 0], [0, 1, 0, 1, 0], [2, 1, 0, 0, 0], [0, 1, 2, 0, 2], [2, 0, 2, 2, 2]]);
    expect(slice(1)).toEqual([[0, 2, 2, 1, 1], [1, 2, 0, 2, 1], [0, 2, 2, 1, 2], [0, 2, 2, 2, 2], [2, 2, 1, 0, 0]]);
    expect(slice(2)).toEqual([[1, 0, 1, 1, 0], [0, 0, 1, 0, 1], [2, 2, 0, 0, 1], [0, 0, 1, 2, 2], [0, 0, 2, 2, 2]]);
    expect([0, 1, 2].map((d) => filterSlice(0, d))).toEqual([
      [[-1, 1, 0], [0, 1, -1], [-1, 1, -1]],
      [[1, 0, -1], [-1, -1, -1], [1, 0, 0]],
      [[1, 0, 1], [-1, -1, 1], [1, 0, 0]],
    ]);
    expect([0, 1, 2].map((d) => filterSlice(1, d))).toEqual([
      [[-1, 1, -1], [0, 0, 1], [0, -1, 1]],
      [[0, 0, 0], [0, -1, 1], [1, 0, -1]],
      [[1, 0, -1], [0, -1, 1], [1, 0, -1]],
    ]);
    expect(Array.from(layer.bank!.bias)).toEqual([1, 1]);
  });

  test('V[1,1,0] = 0 − 3 − 2 + 1 = −4, and the two maps are the ones printed', () => {
    const terms = windowTerms(layer, 0, 1, 1);
    const perSlice = [0, 1, 2].map((d) => terms.taps.filter((t) => t.d === d).reduce((sum, t) => sum + t.input * t.weight, 0));
    expect(perSlice).toEqual([0, -3, -2]);
    expect(terms.taps.some((t) => t.padded)).toBe(false);
    expect(terms.value).toBe(-4);
    expect(windowTerms(layer, 0, 0, 0).taps.filter((t) => t.padded && t.d === 0)).toHaveLength(5);
    const y = referenceOutput(layer);
    const map = (k: number) => Array.from({ length: 3 }, (_, i) => Array.from({ length: 3 }, (_, j) => y.data[(i * 3 + j) * 2 + k]));
    expect(map(0)).toEqual([[-4, -5, -1], [-3, -4, 4], [-3, 1, 5]]);
    expect(map(1)).toEqual([[3, 3, 2], [2, -6, -1], [0, 1, 3]]);
  });
});
