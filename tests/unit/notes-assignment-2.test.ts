/**
 * Assignment 2's numbers: the three-layer ConvNet of Q4 and the reference architecture of Q5,
 * counted with the same output-size rule the conv demo uses.
 */
import { describe, expect, test } from 'vitest';
import { convLayerShape, poolLayerShape } from '../../src/engines/conv/output-size.ts';

describe('Assignment 2, Q5: the reference architecture', () => {
  let size = 32;
  let depth = 3;
  const stages: { parameters: number; multiplyAdds: number }[] = [];
  for (const filters of [32, 64, 128]) {
    let parameters = 0;
    let multiplyAdds = 0;
    for (let k = 0; k < 2; k++) {
      const conv = convLayerShape({ width: size, height: size, depth, filters, size: 3, stride: 1, pad: 1 });
      expect(conv.width.positions).toBe(size);
      parameters += conv.parameters + 2 * filters; // batch norm: a scale and a shift per channel
      multiplyAdds += conv.multiplyAdds;
      depth = filters;
    }
    size = poolLayerShape({ width: size, height: size, depth, size: 2, stride: 2, pad: 0 }).width.positions;
    stages.push({ parameters, multiplyAdds });
  }
  const head = depth * 10 + 10;

  test('output 4 × 4 × 128 before global average pooling; 289,194 parameters, 77% in the last stage', () => {
    expect([size, depth]).toEqual([4, 128]);
    expect(stages.map((s) => s.parameters)).toEqual([896 + 9248 + 128, 18496 + 36928 + 256, 73856 + 147584 + 512]);
    const total = stages.reduce((a, s) => a + s.parameters, 0) + head;
    expect(head).toBe(1290);
    expect(total).toBe(289_194);
    expect(stages[2]!.parameters / total).toBeCloseTo(0.77, 2);
    expect(total / 825_046).toBeCloseTo(0.35, 2);
  });

  test('about 39 million multiply-adds, spread almost evenly over the stages', () => {
    const total = stages.reduce((a, s) => a + s.multiplyAdds, 0) + depth * 10;
    expect(total / 1e6).toBeCloseTo(38.63, 2);
    expect(stages.map((s) => Math.round(s.multiplyAdds / 1e5) / 10)).toEqual([10.3, 14.2, 14.2]);
  });
});

describe('Assignment 2, Q4: the three-layer ConvNet', () => {
  test('32 filters of 7 × 7 with pad 3 keep 32 × 32; 825,046 parameters, 819,300 of them in the hidden affine layer', () => {
    const conv = convLayerShape({ width: 32, height: 32, depth: 3, filters: 32, size: 7, stride: 1, pad: 3 });
    const pooled = poolLayerShape({ width: 32, height: 32, depth: 32, size: 2, stride: 2, pad: 0 });
    const flat = pooled.width.positions * pooled.height.positions * pooled.depth;
    expect(conv.parameters).toBe(4736);
    expect(flat).toBe(8192);
    expect(conv.parameters + flat * 100 + 100 + 100 * 10 + 10).toBe(825_046);
  });
});

describe('Assignment 2, check-yourself 4: reading the dropout checks', () => {
  /** Expected fraction of zeros and mean of a layer that keeps with probability `keep` and divides survivors by `scale`. */
  const expected = (keep: number, scale: number, mean: number) => ({ zeros: 1 - keep, mean: (keep * mean) / scale });

  test('dropping with 0.25: 25% zeros, mean kept at 10', () => {
    const right = expected(0.75, 0.75, 10);
    expect(right.zeros).toBeCloseTo(0.25, 12);
    expect(right.mean).toBeCloseTo(10, 12);
  });

  test('p read as the keep probability: 75% zeros, and the mean still 10, so only the zeros reveal it', () => {
    const swapped = expected(0.25, 0.25, 10);
    expect(swapped.zeros).toBeCloseTo(0.75, 12);
    expect(swapped.mean).toBeCloseTo(10, 12);
  });
});
