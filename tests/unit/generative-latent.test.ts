/** Latent paths and arithmetic (latent.ts) and the VAE's grid of codes (manifold.ts), on plain arrays. */
import { describe, expect, test } from 'vitest';
import { interpolationPath, latentAnalogy, lerp, meanCode, norm, slerp } from '../../src/engines/generative/latent.ts';
import { normalArray } from '../../src/engines/params.ts';
import { createRandom } from '../../src/engines/random.ts';
import { gridAxis, manifoldCodes, normalCdf, normalQuantile } from '../../src/engines/vae/manifold.ts';

const code = (seed: number, dim = 32) => normalArray(createRandom(seed), dim, 1);

describe('latent interpolation', () => {
  test('both paths start and end exactly at the two codes', () => {
    const [a, b] = [code(1), code(2)];
    for (const kind of ['linear', 'spherical'] as const) {
      const path = interpolationPath(a, b, 7, kind);
      expect(Array.from(path.subarray(0, 32))).toEqual(Array.from(a));
      expect(Array.from(path.subarray(6 * 32))).toEqual(Array.from(b));
    }
    expect(() => interpolationPath(a, b, 1, 'linear')).toThrow('at least 2 steps');
  });

  test('the linear midpoint of two Gaussian codes is shorter; the spherical one keeps their norm', () => {
    // Two codes of equal norm at 90°: slerp stays on the circle, lerp cuts the chord (norm / √2).
    const a = new Float32Array([3, 0, 0]);
    const b = new Float32Array([0, 3, 0]);
    expect(norm(slerp(a, b, 0.5))).toBeCloseTo(3, 5);
    expect(norm(lerp(a, b, 0.5))).toBeCloseTo(3 / Math.SQRT2, 5);
    expect(Array.from(slerp(a, b, 0.5))).toEqual([expect.closeTo(3 * Math.SQRT1_2, 5), expect.closeTo(3 * Math.SQRT1_2, 5), 0]);
    // In 32 dimensions independent codes are nearly orthogonal: the same gap, on real draws.
    let [linear, spherical, ends] = [0, 0, 0];
    for (let s = 0; s < 50; s++) {
      const [p, q] = [code(10 + s), code(100 + s)];
      linear += norm(lerp(p, q, 0.5));
      spherical += norm(slerp(p, q, 0.5));
      ends += (norm(p) + norm(q)) / 2;
    }
    expect(linear / ends).toBeGreaterThan(0.6);
    expect(linear / ends).toBeLessThan(0.8);
    expect(spherical / ends).toBeGreaterThan(0.97);
  });

  test('slerp of parallel codes falls back to the straight line', () => {
    const a = new Float32Array([1, 2]);
    const b = new Float32Array([2, 4]);
    expect(Array.from(slerp(a, b, 0.25))).toEqual(Array.from(lerp(a, b, 0.25)));
  });

  test('vector arithmetic is mean(X) − mean(Y) + mean(Z)', () => {
    const x = [new Float32Array([1, 2]), new Float32Array([3, 4])];
    const y = [new Float32Array([1, 1])];
    const z = [new Float32Array([0, 1]), new Float32Array([2, 1]), new Float32Array([1, 4])];
    expect(Array.from(meanCode(x))).toEqual([2, 3]);
    expect(Array.from(latentAnalogy(x, y, z))).toEqual([2, 4]);
    expect(() => meanCode([])).toThrow('no codes');
  });
});

describe('the VAE manifold grid', () => {
  test('Φ⁻¹ matches tabulated quantiles and inverts Φ', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 6);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963985, 6);
    expect(normalQuantile(0.8413447461)).toBeCloseTo(1, 6);
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.753424309, 5);
    for (const p of [0.001, 0.03, 0.2, 0.6, 0.99]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    expect(() => normalQuantile(1)).toThrow('0 < p < 1');
  });

  test('grid codes: quantile axis symmetric, rows from the top (largest z₂), columns from the left', () => {
    const axis = gridAxis(4, 'quantiles', 3);
    expect(axis[0]).toBeCloseTo(normalQuantile(0.125), 12);
    expect(axis[3]).toBeCloseTo(-axis[0]!, 9);
    expect(gridAxis(3, 'uniform', 2)).toEqual([-2, 0, 2]);
    const codes = manifoldCodes(3, 'uniform', 2);
    expect(Array.from(codes.subarray(0, 2))).toEqual([-2, 2]); // top-left
    expect(Array.from(codes.subarray(16, 18))).toEqual([2, -2]); // bottom-right
  });
});
