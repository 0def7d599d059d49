/**
 * Classic image kernels and a Gabor filter bank, as square weight grids in row-major order.
 * Applied as tf.conv2d applies them: a cross-correlation (no flip), so the grid shown is the
 * grid that is multiplied with each image patch.
 *
 * Gabor filter with orientation θ (of the stripes it prefers: 0° horizontal, 90° vertical),
 * frequency f (cycles per pixel), envelope width σ and aspect γ:
 *   u = x sin θ + y cos θ (across the stripes), v = x cos θ − y sin θ (along them; y points down)
 *   g(x, y) = exp(−(u² + γ²v²) / 2σ²) · cos(2π f u)
 * made zero-mean (a flat region gives 0) and scaled so its positive weights sum to 1.
 */

export interface Kernel {
  label: string;
  size: number;
  /** weights[row · size + col] */
  weights: Float64Array;
  /** Shown as whole numbers times 1/denominator (the blurs), when set. */
  denominator?: number;
}

export type Combine = 'none' | 'magnitude';

export interface KernelSet {
  kernels: Kernel[];
  /** 'magnitude': also show √(Σ responses²), e.g. the Sobel gradient magnitude. */
  combine: Combine;
}

function grid(label: string, rows: number[][], denominator = 1): Kernel {
  const weights = Float64Array.from(rows.flat(), (w) => w / denominator);
  return denominator === 1 ? { label, size: rows.length, weights } : { label, size: rows.length, weights, denominator };
}

export const CLASSIC_KERNELS = {
  identity: { label: 'Identity', set: (): KernelSet => ({ kernels: [grid('identity', [[0, 0, 0], [0, 1, 0], [0, 0, 0]])], combine: 'none' }) },
  'box-blur': { label: 'Box blur 3×3', set: (): KernelSet => ({ kernels: [grid('box blur', [[1, 1, 1], [1, 1, 1], [1, 1, 1]], 9)], combine: 'none' }) },
  'gaussian-blur': {
    label: 'Gaussian blur 5×5',
    set: (): KernelSet => {
      const b = [1, 4, 6, 4, 1];
      return { kernels: [grid('Gaussian blur', b.map((r) => b.map((c) => r * c)), 256)], combine: 'none' };
    },
  },
  sharpen: { label: 'Sharpen', set: (): KernelSet => ({ kernels: [grid('sharpen', [[0, -1, 0], [-1, 5, -1], [0, -1, 0]])], combine: 'none' }) },
  edges: { label: 'Edges (Laplacian)', set: (): KernelSet => ({ kernels: [grid('Laplacian', [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]])], combine: 'none' }) },
  'sobel-x': { label: 'Sobel x (vertical edges)', set: (): KernelSet => ({ kernels: [grid('Sobel x', [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])], combine: 'none' }) },
  'sobel-y': { label: 'Sobel y (horizontal edges)', set: (): KernelSet => ({ kernels: [grid('Sobel y', [[-1, -2, -1], [0, 0, 0], [1, 2, 1]])], combine: 'none' }) },
  sobel: {
    label: 'Sobel x and y, gradient magnitude',
    set: (): KernelSet => ({ kernels: [grid('Sobel x', [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]), grid('Sobel y', [[-1, -2, -1], [0, 0, 0], [1, 2, 1]])], combine: 'magnitude' }),
  },
} as const;

export type ClassicKernelId = keyof typeof CLASSIC_KERNELS;

export function isClassicKernel(id: string): id is ClassicKernelId {
  return Object.hasOwn(CLASSIC_KERNELS, id);
}

export interface GaborParams {
  /** Degrees. */
  orientation: number;
  /** Cycles per pixel. */
  frequency: number;
  sigma: number;
  /** Envelope aspect along the stripes (< 1: elongated along them). */
  gamma?: number;
}

/** Largest Gabor kernel: 2·⌈2.5σ⌉ + 1 ≤ 21 for σ ≤ 4. */
export const GABOR_MAX_SIZE = 21;

export function gaborSize(sigma: number): number {
  return Math.min(GABOR_MAX_SIZE, 2 * Math.ceil(2.5 * sigma) + 1);
}

export function gaborKernel({ orientation, frequency, sigma, gamma = 0.5 }: GaborParams): Kernel {
  const size = gaborSize(sigma);
  const half = (size - 1) / 2;
  const theta = (orientation * Math.PI) / 180;
  const weights = new Float64Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const x = col - half;
      const y = row - half;
      const u = x * Math.sin(theta) + y * Math.cos(theta);
      const v = x * Math.cos(theta) - y * Math.sin(theta);
      weights[row * size + col] = Math.exp(-(u * u + gamma * gamma * v * v) / (2 * sigma * sigma)) * Math.cos(2 * Math.PI * frequency * u);
    }
  }
  const mean = weights.reduce((s, w) => s + w, 0) / weights.length;
  let positive = 0;
  for (let n = 0; n < weights.length; n++) {
    weights[n]! -= mean;
    positive += Math.max(0, weights[n]!);
  }
  for (let n = 0; n < weights.length; n++) weights[n]! /= positive;
  return { label: `Gabor ${formatAngle(orientation)}`, size, weights };
}

/** `count` orientations evenly spaced over 180°, starting at `orientation`. */
export function gaborBank(params: GaborParams & { count: number }): KernelSet {
  const kernels = Array.from({ length: params.count }, (_, n) => gaborKernel({ ...params, orientation: (params.orientation + (n * 180) / params.count) % 180 }));
  return { kernels, combine: 'none' };
}

function formatAngle(degrees: number): string {
  return `${Math.round(degrees * 10) / 10}°`;
}

/** The reader's kernel: 3×3 is the centre of the 5×5 grid of values. */
export function customKernel(values: readonly number[], size: 3 | 5): Kernel {
  if (values.length !== 25) throw new RangeError('customKernel: expected 25 values (a 5×5 grid)');
  const offset = size === 3 ? 1 : 0;
  const weights = new Float64Array(size * size);
  for (let row = 0; row < size; row++) for (let col = 0; col < size; col++) weights[row * size + col] = values[(row + offset) * 5 + col + offset]!;
  return { label: `your ${size}×${size} kernel`, size, weights };
}

/** A kernel of size 3 or 5 as the 25 values of the editor (3×3 in the centre). */
export function toEditorValues(kernel: Kernel): number[] | undefined {
  if (kernel.size !== 3 && kernel.size !== 5) return undefined;
  const offset = kernel.size === 3 ? 1 : 0;
  const values = new Array<number>(25).fill(0);
  for (let row = 0; row < kernel.size; row++) for (let col = 0; col < kernel.size; col++) values[(row + offset) * 5 + col + offset] = Math.round(kernel.weights[row * kernel.size + col]! * 1e4) / 1e4;
  return values;
}
