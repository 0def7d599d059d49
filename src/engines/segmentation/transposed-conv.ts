/**
 * Transposed convolution in plain TypeScript, one channel, square grids (the segmentation demo's
 * mechanics panel and the oracle of the tests).
 *
 * A convolution (cross-correlation, as in every deep learning library) of an n×n grid with a
 * k×k kernel, stride s and zero padding p is linear: y = C x with C of shape [m², n²], where
 * m = ⌊(n + 2p − k) / s⌋ + 1. Its transpose Cᵀ maps an m×m grid back to n×n: that is the
 * transposed convolution. Computed directly, each INPUT cell (of the small grid) scatters
 * input × kernel into the OUTPUT grid, starting at (s·i − p, s·j − p); the output is n×n with
 * n = (m − 1)s + k − 2p.
 */
export interface ConvGeometry {
  kernel: number;
  stride: number;
  padding: number;
}

export const convOutputSide = (n: number, g: ConvGeometry): number => Math.floor((n + 2 * g.padding - g.kernel) / g.stride) + 1;
export const transposedOutputSide = (m: number, g: ConvGeometry): number => (m - 1) * g.stride + g.kernel - 2 * g.padding;

/** Why these settings make no grid, or undefined. */
export function geometryProblem(inputSide: number, g: ConvGeometry): string | undefined {
  if (g.padding >= g.kernel) return `Padding ${g.padding} must be smaller than the kernel (${g.kernel}): the output would lose every cell the kernel touches.`;
  if (transposedOutputSide(inputSide, g) < 1) return `A ${inputSide}×${inputSide} input with kernel ${g.kernel}, stride ${g.stride} and padding ${g.padding} gives no output cells.`;
  return undefined;
}

/** The convolution matrix C [m², n²] of an n×n input (row-major grids), kernel k×k row-major. */
export function convMatrix(n: number, kernel: Float64Array | readonly number[], g: ConvGeometry): Float64Array[] {
  const m = convOutputSide(n, g);
  const rows: Float64Array[] = [];
  for (let oy = 0; oy < m; oy++) {
    for (let ox = 0; ox < m; ox++) {
      const row = new Float64Array(n * n);
      for (let a = 0; a < g.kernel; a++) {
        for (let b = 0; b < g.kernel; b++) {
          const y = oy * g.stride - g.padding + a;
          const x = ox * g.stride - g.padding + b;
          if (y >= 0 && y < n && x >= 0 && x < n) row[y * n + x]! += kernel[a * g.kernel + b]!;
        }
      }
      rows.push(row);
    }
  }
  return rows;
}

/** y = Cᵀ v for the convolution matrix rows C (v has one value per row). */
export function multiplyTransposed(rows: readonly Float64Array[], v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows[0]?.length ?? 0);
  rows.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) out[c]! += row[c]! * v[r]!;
  });
  return out;
}

/** The transposed convolution of an m×m input by scattering (see the header). */
export function transposedConv(input: ArrayLike<number>, m: number, kernel: ArrayLike<number>, g: ConvGeometry): Float64Array {
  const n = transposedOutputSide(m, g);
  const out = new Float64Array(n * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      for (let a = 0; a < g.kernel; a++) {
        for (let b = 0; b < g.kernel; b++) {
          const y = i * g.stride - g.padding + a;
          const x = j * g.stride - g.padding + b;
          if (y >= 0 && y < n && x >= 0 && x < n) out[y * n + x]! += input[i * m + j]! * kernel[a * g.kernel + b]!;
        }
      }
    }
  }
  return out;
}

/** Which input cells and kernel taps write output cell (y, x): the panel's "where does it come from". */
export function contributions(m: number, g: ConvGeometry, y: number, x: number): { input: [number, number]; tap: [number, number] }[] {
  const found: { input: [number, number]; tap: [number, number] }[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const a = y + g.padding - i * g.stride;
      const b = x + g.padding - j * g.stride;
      if (a >= 0 && a < g.kernel && b >= 0 && b < g.kernel) found.push({ input: [i, j], tap: [a, b] });
    }
  }
  return found;
}

/**
 * Resize-then-convolve (nearest-neighbour upsampling by s, then a k×k 'same' convolution): the
 * alternative to a transposed convolution that has no checkerboard.
 */
export function resizeThenConv(input: ArrayLike<number>, m: number, kernel: ArrayLike<number>, stride: number, k: number): Float64Array {
  const n = m * stride;
  const up = new Float64Array(n * n);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) up[y * n + x] = input[Math.floor(y / stride) * m + Math.floor(x / stride)]!;
  const out = new Float64Array(n * n);
  const half = Math.floor(k / 2);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      let sum = 0;
      for (let a = 0; a < k; a++) {
        for (let b = 0; b < k; b++) {
          const yy = y - half + a;
          const xx = x - half + b;
          if (yy >= 0 && yy < n && xx >= 0 && xx < n) sum += up[yy * n + xx]! * kernel[a * k + b]!;
        }
      }
      out[y * n + x] = sum;
    }
  }
  return out;
}
