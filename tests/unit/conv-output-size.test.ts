/**
 * The output-size rule (W − F + 2P)/S + 1 over a table of cases, including every example worked
 * in the Lecture 5 notes and the cases that do not fit; parameter counts of the notes' layers;
 * and the sentences the demo shows.
 */
import { describe, expect, test } from 'vitest';
import { convLayerShape, outputSize, poolLayerShape } from '../../src/engines/conv/output-size.ts';
import { HEIGHT, WIDTH, formatNumber, misfitExplanation, sizeFormula } from '../../src/engines/conv/size-text.ts';

interface Case {
  what: string;
  input: number;
  filter: number;
  stride: number;
  pad: number;
  dilation?: number;
  exact: number;
  positions: number;
  problem?: 'larger-than-input' | 'uneven';
  unused?: number;
}

const TABLE: Case[] = [
  { what: 'notes: 7×7 input, 3×3 filter, S = 1', input: 7, filter: 3, stride: 1, pad: 0, exact: 5, positions: 5 },
  { what: 'notes: 7×7 input, 3×3 filter, S = 2', input: 7, filter: 3, stride: 2, pad: 0, exact: 3, positions: 3 },
  { what: 'notes: 7×7 input, 3×3 filter, S = 3 does not fit', input: 7, filter: 3, stride: 3, pad: 0, exact: 7 / 3, positions: 2, problem: 'uneven', unused: 1 },
  { what: 'notes figure: W = 5, F = 3, P = 1, S = 1', input: 5, filter: 3, stride: 1, pad: 1, exact: 5, positions: 5 },
  { what: 'notes figure: W = 5, F = 3, P = 1, S = 2', input: 5, filter: 3, stride: 2, pad: 1, exact: 3, positions: 3 },
  { what: 'notes: 32×32 and 5×5, no padding (28×28 positions)', input: 32, filter: 5, stride: 1, pad: 0, exact: 28, positions: 28 },
  { what: 'notes: 28 → 24 after a second 5×5 layer', input: 28, filter: 5, stride: 1, pad: 0, exact: 24, positions: 24 },
  { what: 'notes: 32×32, 5×5, pad 2 keeps the size', input: 32, filter: 5, stride: 1, pad: 2, exact: 32, positions: 32 },
  { what: 'notes: AlexNet conv1 on 227', input: 227, filter: 11, stride: 4, pad: 0, exact: 55, positions: 55 },
  { what: 'notes: AlexNet conv1 on 224 does not fit', input: 224, filter: 11, stride: 4, pad: 0, exact: 54.25, positions: 54, problem: 'uneven', unused: 1 },
  { what: 'notes: check yourself 1, 64×64, 5×5, pad 2', input: 64, filter: 5, stride: 1, pad: 2, exact: 64, positions: 64 },
  { what: 'notes: check yourself 2, the fix F = 4, P = 1, S = 2', input: 32, filter: 4, stride: 2, pad: 1, exact: 16, positions: 16 },
  { what: 'notes: 1×1 convolution on 56×56', input: 56, filter: 1, stride: 1, pad: 0, exact: 56, positions: 56 },
  { what: 'notes: 2×2 max pooling, stride 2, on 224', input: 224, filter: 2, stride: 2, pad: 0, exact: 112, positions: 112 },
  { what: 'notes: FC as CONV on 7×7 (F = 7)', input: 7, filter: 7, stride: 1, pad: 0, exact: 1, positions: 1 },
  { what: 'notes: FC as CONV on 384 px (12×12, F = 7)', input: 12, filter: 7, stride: 1, pad: 0, exact: 6, positions: 6 },
  { what: 'notes: check yourself 4, 320 px (10×10, F = 7)', input: 10, filter: 7, stride: 1, pad: 0, exact: 4, positions: 4 },
  { what: 'notes: 3×3 with dilation 2 covers 5×5', input: 7, filter: 3, stride: 1, pad: 0, dilation: 2, exact: 3, positions: 3 },
  { what: 'notes: 3×3 with dilation 4 covers 9×9', input: 9, filter: 3, stride: 1, pad: 0, dilation: 4, exact: 1, positions: 1 },
  { what: 'dilation and stride: F_eff = 5, S = 2', input: 11, filter: 3, stride: 2, pad: 1, dilation: 2, exact: 5, positions: 5 },
  { what: 'a filter larger than the input', input: 4, filter: 5, stride: 1, pad: 0, exact: 0, positions: 0, problem: 'larger-than-input', unused: 4 },
  { what: 'padding makes it fit', input: 4, filter: 5, stride: 1, pad: 1, exact: 2, positions: 2 },
  { what: 'a dilated filter larger than the input', input: 4, filter: 3, stride: 1, pad: 0, dilation: 2, exact: 0, positions: 0, problem: 'larger-than-input', unused: 4 },
  { what: 'uneven: 10 wide, F = 3, S = 3', input: 10, filter: 3, stride: 3, pad: 0, exact: 10 / 3, positions: 3, problem: 'uneven', unused: 1 },
  { what: 'uneven: 8 wide, F = 3, S = 4', input: 8, filter: 3, stride: 4, pad: 0, exact: 2.25, positions: 2, problem: 'uneven', unused: 1 },
  { what: 'uneven: 9 wide, F = 2, S = 4, three unused', input: 9, filter: 2, stride: 4, pad: 0, exact: 2.75, positions: 2, problem: 'uneven', unused: 3 },
];

describe('output size (W − F + 2P)/S + 1', () => {
  test.each(TABLE)('$what', ({ input, filter, stride, pad, dilation, exact, positions, problem, unused }) => {
    const size = outputSize({ input, filter, stride, pad, dilation: dilation ?? 1 });
    expect(size.exact).toBeCloseTo(exact, 10);
    expect(size.positions).toBe(positions);
    expect(size.fits).toBe(problem === undefined);
    expect(size.problem).toBe(problem);
    expect(size.unused).toBe(unused ?? 0);
    expect(size.effectiveFilter).toBe((dilation ?? 1) * (filter - 1) + 1);
  });

  test('notes: no symmetric padding makes AlexNet\'s layer fit a 224 input', () => {
    for (let pad = 0; pad <= 20; pad++) expect(outputSize({ input: 224, filter: 11, stride: 4, pad }).fits, `P = ${pad}`).toBe(false);
    expect(outputSize({ input: 227, filter: 11, stride: 4, pad: 0 }).fits).toBe(true);
  });

  test('notes: no symmetric padding makes a 5×5, stride-2 layer fit a 32 input', () => {
    for (let pad = 0; pad <= 10; pad++) expect(outputSize({ input: 32, filter: 5, stride: 2, pad }).problem, `P = ${pad}`).toBe('uneven');
  });

  test('notes: P = (F − 1)/2 with stride 1 preserves the size', () => {
    for (const filter of [1, 3, 5, 7, 9, 11]) for (const input of [5, 32, 224]) expect(outputSize({ input, filter, stride: 1, pad: (filter - 1) / 2 }).exact).toBe(input);
  });

  test('the rule agrees with counting window positions one by one', () => {
    for (let input = 1; input <= 12; input++) {
      for (let filter = 1; filter <= 5; filter++) {
        for (let stride = 1; stride <= 4; stride++) {
          for (let pad = 0; pad <= 3; pad++) {
            for (let dilation = 1; dilation <= 3; dilation++) {
              const span = dilation * (filter - 1) + 1;
              let count = 0;
              let lastEnd = 0;
              for (let start = 0; start + span <= input + 2 * pad; start += stride) {
                count++;
                lastEnd = start + span;
              }
              const size = outputSize({ input, filter, stride, pad, dilation });
              expect(size.positions).toBe(count);
              if (count > 0) expect(size.unused).toBe(input + 2 * pad - lastEnd);
            }
          }
        }
      }
    }
  });

  test('refuses sizes that are not positive integers', () => {
    expect(() => outputSize({ input: 7, filter: 3, stride: 0, pad: 0 })).toThrow(RangeError);
    expect(() => outputSize({ input: 7, filter: 2.5, stride: 1, pad: 0 })).toThrow(RangeError);
    expect(() => outputSize({ input: 7, filter: 3, stride: 1, pad: -1 })).toThrow(RangeError);
  });
});

describe('layer shapes and parameter counts', () => {
  test('notes: AlexNet conv1 is 55×55×96 with 34,944 parameters and about 105 million multiply-adds', () => {
    const shape = convLayerShape({ width: 227, height: 227, depth: 3, filters: 96, size: 11, stride: 4, pad: 0 });
    expect([shape.width.positions, shape.height.positions, shape.depth]).toEqual([55, 55, 96]);
    expect(shape.parameters).toBe(34_944);
    expect(shape.weights / 96).toBe(363);
    expect(shape.width.positions * shape.height.positions * shape.depth).toBe(290_400);
    expect(shape.multiplyAdds).toBe(96 * 363 * 3025);
    expect(Math.round(shape.multiplyAdds / 1e6)).toBe(105);
    expect(shape.fits).toBe(true);
  });

  test('notes: the 224 version of AlexNet conv1 does not fit in either dimension', () => {
    const shape = convLayerShape({ width: 224, height: 224, depth: 3, filters: 96, size: 11, stride: 4, pad: 0 });
    expect(shape.fits).toBe(false);
    expect([shape.width.problem, shape.height.problem]).toEqual(['uneven', 'uneven']);
  });

  const layers = [
    { what: '32×32×3, 10 filters 5×5, pad 2', layer: { width: 32, height: 32, depth: 3, filters: 10, size: 5, stride: 1, pad: 2 }, out: [32, 32, 10], parameters: 760 },
    { what: 'check yourself 1: 64×64×16, 32 filters 5×5, pad 2', layer: { width: 64, height: 64, depth: 16, filters: 32, size: 5, stride: 1, pad: 2 }, out: [64, 64, 32], parameters: 12_832 },
    { what: '1×1: 56×56×64 to 32 channels', layer: { width: 56, height: 56, depth: 64, filters: 32, size: 1, stride: 1, pad: 0 }, out: [56, 56, 32], parameters: 2_080 },
    { what: 'VGG-16 first layer', layer: { width: 224, height: 224, depth: 3, filters: 64, size: 3, stride: 1, pad: 1 }, out: [224, 224, 64], parameters: 1_792 },
    { what: 'VGG-16 512 → 512 layer', layer: { width: 14, height: 14, depth: 512, filters: 512, size: 3, stride: 1, pad: 1 }, out: [14, 14, 512], parameters: 2_359_808 },
    { what: 'FC as CONV: 7×7×512 to 4096', layer: { width: 7, height: 7, depth: 512, filters: 4096, size: 7, stride: 1, pad: 0 }, out: [1, 1, 4096], parameters: 102_764_544 },
    { what: 'the CS231n demo layer: 5×5×3, 2 filters 3×3, S = 2, P = 1', layer: { width: 5, height: 5, depth: 3, filters: 2, size: 3, stride: 2, pad: 1 }, out: [3, 3, 2], parameters: 56 },
  ];
  test.each(layers)('notes: $what', ({ layer, out, parameters }) => {
    const shape = convLayerShape(layer);
    expect([shape.width.positions, shape.height.positions, shape.depth]).toEqual(out);
    expect(shape.parameters).toBe(parameters);
    expect(shape.fits).toBe(true);
  });

  test('notes: pooling 224×224×64 with F = 2, S = 2 gives 112×112×64 and has no parameters', () => {
    const shape = poolLayerShape({ width: 224, height: 224, depth: 64, size: 2, stride: 2, pad: 0 });
    expect([shape.width.positions, shape.height.positions, shape.depth, shape.parameters]).toEqual([112, 112, 64, 0]);
    expect(shape.fits).toBe(true);
  });

  test('pooling refuses P ≥ F (a window of padding only)', () => {
    expect(poolLayerShape({ width: 8, height: 8, depth: 1, size: 2, stride: 2, pad: 2 })).toMatchObject({ padTooLarge: true, fits: false });
    expect(poolLayerShape({ width: 8, height: 8, depth: 1, size: 3, stride: 1, pad: 2 })).toMatchObject({ padTooLarge: false, fits: true });
  });

  test('a non-square input is sized per dimension', () => {
    const shape = convLayerShape({ width: 9, height: 7, depth: 1, filters: 1, size: 3, stride: 3, pad: 0 });
    expect(shape.width).toMatchObject({ positions: 3, fits: true });
    expect(shape.height).toMatchObject({ positions: 2, fits: false, problem: 'uneven' });
  });
});

describe('the sentences the demo shows', () => {
  test('the formula with the reader\'s numbers', () => {
    const input = { input: 7, filter: 3, stride: 3, pad: 0 };
    expect(sizeFormula(WIDTH, input, outputSize(input))).toBe('W₂ = (W − F + 2P)/S + 1 = (7 − 3 + 2·0)/3 + 1 = 2.33');
    const alexnet = { input: 227, filter: 11, stride: 4, pad: 0 };
    expect(sizeFormula(HEIGHT, alexnet, outputSize(alexnet))).toBe('H₂ = (H − F + 2P)/S + 1 = (227 − 11 + 2·0)/4 + 1 = 55');
    const dilated = { input: 7, filter: 3, stride: 1, pad: 0, dilation: 2 };
    expect(sizeFormula(WIDTH, dilated, outputSize(dilated))).toBe('F_eff = 2·(3 − 1) + 1 = 5; W₂ = (W − F_eff + 2P)/S + 1 = (7 − 5 + 2·0)/1 + 1 = 3');
  });

  test('why a combination does not fit', () => {
    const uneven = { input: 224, filter: 11, stride: 4, pad: 0 };
    const text = misfitExplanation(WIDTH, uneven, outputSize(uneven))!;
    expect(text).toContain('(224 − 11 + 2·0)/4 + 1 = 54.25 is not a whole number');
    expect(text).toContain('213 is not divisible by the stride 4');
    expect(text).toContain('rounds down to 54 and never reads the last 1 column (crossed out)');
    const large = { input: 4, filter: 3, stride: 1, pad: 0, dilation: 2 };
    expect(misfitExplanation(HEIGHT, large, outputSize(large))).toBe(
      'Height: the window spans 5 (F_eff = 2·(3 − 1) + 1) rows but the padded input has only 4 (H + 2P = 4 + 2·0), so it fits nowhere. Use a smaller filter or dilation, or more padding.',
    );
    const fine = { input: 5, filter: 3, stride: 2, pad: 1 };
    expect(misfitExplanation(WIDTH, fine, outputSize(fine))).toBeUndefined();
  });

  test('numbers are written as in the notes', () => {
    expect(formatNumber(34944)).toBe('34,944');
    expect(formatNumber(7 / 3)).toBe('2.33');
    expect(formatNumber(54.25)).toBe('54.25');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(-3)).toBe('−3');
    expect(formatNumber(0)).toBe('0');
  });
});
