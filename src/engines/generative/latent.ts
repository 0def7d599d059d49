/**
 * Paths and arithmetic in a latent space, on plain arrays (a handful of codes of 32 numbers):
 *
 *   linear     z(t) = (1 − t) z_a + t z_b
 *   spherical  z(t) = sin((1 − t) Ω)/sin Ω · z_a + sin(t Ω)/sin Ω · z_b,   cos Ω = ẑ_a · ẑ_b
 *              (Shoemake's slerp, as White (2016) and the ganhacks list recommend for Gaussian
 *              codes: the path keeps away from the low-norm middle the prior rarely produces)
 *   analogy    z = mean(A) − mean(B) + mean(C)   (DCGAN's vector arithmetic on averaged codes)
 */

export type Interpolation = 'linear' | 'spherical';

export function lerp(a: Float32Array, b: Float32Array, t: number): Float32Array {
  return a.map((v, i) => (1 - t) * v + t * b[i]!);
}

export function slerp(a: Float32Array, b: Float32Array, t: number): Float32Array {
  const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  const na = norm(a);
  const nb = norm(b);
  if (na === 0 || nb === 0) return lerp(a, b, t);
  const cos = Math.min(1, Math.max(-1, a.reduce((s, x, i) => s + x * b[i]!, 0) / (na * nb)));
  const omega = Math.acos(cos);
  // Nearly parallel codes: the two formulas agree, and lerp avoids dividing by sin Ω ≈ 0.
  if (Math.sin(omega) < 1e-6) return lerp(a, b, t);
  const [wa, wb] = [Math.sin((1 - t) * omega) / Math.sin(omega), Math.sin(t * omega) / Math.sin(omega)];
  return a.map((v, i) => wa * v + wb * b[i]!);
}

/** `steps` codes from a to b inclusive (t = 0, 1/(steps−1), ..., 1), rows of one array. */
export function interpolationPath(a: Float32Array, b: Float32Array, steps: number, kind: Interpolation): Float32Array {
  if (steps < 2) throw new Error(`an interpolation needs at least 2 steps, got ${steps}`);
  const out = new Float32Array(steps * a.length);
  for (let s = 0; s < steps; s++) {
    const t = s / (steps - 1);
    // The ends are the codes themselves, exactly (not (1 − 0)·a + 0·b in floating point).
    out.set(s === 0 ? a : s === steps - 1 ? b : kind === 'linear' ? lerp(a, b, t) : slerp(a, b, t), s * a.length);
  }
  return out;
}

export function meanCode(codes: readonly Float32Array[]): Float32Array {
  if (codes.length === 0) throw new Error('no codes to average');
  const out = new Float32Array(codes[0]!.length);
  for (const code of codes) code.forEach((v, i) => (out[i] = out[i]! + v / codes.length));
  return out;
}

/** mean(A) − mean(B) + mean(C). */
export function latentAnalogy(a: readonly Float32Array[], b: readonly Float32Array[], c: readonly Float32Array[]): Float32Array {
  const [ma, mb, mc] = [meanCode(a), meanCode(b), meanCode(c)];
  return ma.map((v, i) => v - mb[i]! + mc[i]!);
}

export function norm(v: Float32Array): number {
  return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
}
