/**
 * Where the manifold figure decodes: Kingma and Welling's grid, a regular grid of the unit
 * square mapped through the inverse Gaussian CDF Φ⁻¹, so that cells are spread by the prior's
 * probability mass (each covers the same prior probability); or a plain grid of the latent
 * plane over [−extent, extent]², the coordinates the scatter plot uses.
 */

export type GridSpacing = 'quantiles' | 'uniform';

/**
 * Φ⁻¹(p), the standard normal quantile: Acklam's rational approximation (relative error below
 * 1.2e-9; a refinement step would need a more accurate erfc than the one below).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`a quantile needs 0 < p < 1, got ${p}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  }
  const q = Math.sqrt(-2 * Math.log(1 - p));
  return -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
}

/** Complementary error function (Numerical Recipes' erfcc, fractional error below 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/** The standard normal CDF. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Coordinates of an n-point axis: cell centres (k + ½)/n through Φ⁻¹, or evenly over [−extent, extent]. */
export function gridAxis(n: number, spacing: GridSpacing, extent: number): number[] {
  return Array.from({ length: n }, (_, k) => (spacing === 'quantiles' ? normalQuantile((k + 0.5) / n) : n === 1 ? 0 : -extent + (2 * extent * k) / (n - 1)));
}

/**
 * Codes of an n × n grid, row-major from the top row (largest z₂) to the bottom, left to right
 * (smallest z₁ first): the order the figure draws its cells.
 */
export function manifoldCodes(n: number, spacing: GridSpacing, extent: number): Float32Array {
  const axis = gridAxis(n, spacing, extent);
  const codes = new Float32Array(n * n * 2);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      codes[(row * n + col) * 2] = axis[col]!;
      codes[(row * n + col) * 2 + 1] = axis[n - 1 - row]!;
    }
  }
  return codes;
}
