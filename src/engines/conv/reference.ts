/**
 * Plain-TypeScript convolution and pooling, written as the notes write them, in float64: the
 * oracle the tfjs results are tested against, and the source of the numbers the demo shows for a
 * selected output (its taps, their products, their sum).
 *
 *   V[i, j, k] = b_k + Σ_a Σ_c Σ_d w[a, c, d, k] · X̃[S·i + d·a, S·j + d·c, d]   (X̃: X zero-padded by P)
 *
 * Pooling follows tf.maxPool / tf.avgPool: padded positions are skipped, not read as zeros, and
 * the average is over the real inputs in the window. Like tfjs, sizes that do not divide evenly
 * are rounded down (see output-size.ts).
 */
import { outputSize } from './output-size.ts';
import { volumeAt, weightAt, type FilterBank, type Volume } from './volume.ts';

export interface ConvGeometry {
  stride: number;
  pad: number;
  dilation: number;
}

export interface PoolGeometry {
  size: number;
  stride: number;
  pad: number;
}

export type PoolKind = 'max' | 'avg';

/** One tap of a window: where it reads (in padded coordinates), what, and with which weight. */
export interface Tap {
  /** Offsets inside the filter. */
  a: number;
  c: number;
  d: number;
  /** Row and column of the padded input X̃. */
  row: number;
  col: number;
  /** True when the tap reads the zero padding. */
  padded: boolean;
  input: number;
  /** The filter weight (1 for pooling). */
  weight: number;
}

export interface WindowTerms {
  taps: Tap[];
  /** The bias for a convolution, 0 for pooling. */
  bias: number;
  value: number;
}

function outputDims(x: Volume, effectiveFilter: number, stride: number, pad: number): [number, number] {
  const h = outputSize({ input: x.height, filter: effectiveFilter, stride, pad });
  const w = outputSize({ input: x.width, filter: effectiveFilter, stride, pad });
  return [h.positions, w.positions];
}

function padded(x: Volume, pad: number, row: number, col: number, d: number): { value: number; padded: boolean } {
  const r = row - pad;
  const c = col - pad;
  if (r < 0 || c < 0 || r >= x.height || c >= x.width) return { value: 0, padded: true };
  return { value: volumeAt(x, r, c, d), padded: false };
}

export function conv2dReference(x: Volume, f: FilterBank, g: ConvGeometry): Volume {
  if (f.depth !== x.depth) throw new RangeError(`conv2dReference: filters have depth ${f.depth}, the input ${x.depth}`);
  const [outH, outW] = outputDims(x, g.dilation * (f.size - 1) + 1, g.stride, g.pad);
  const data = new Float64Array(outH * outW * f.count);
  for (let i = 0; i < outH; i++) {
    for (let j = 0; j < outW; j++) {
      for (let k = 0; k < f.count; k++) {
        let sum = f.bias[k]!;
        for (let a = 0; a < f.size; a++) {
          const r = g.stride * i + g.dilation * a - g.pad;
          if (r < 0 || r >= x.height) continue;
          for (let c = 0; c < f.size; c++) {
            const col = g.stride * j + g.dilation * c - g.pad;
            if (col < 0 || col >= x.width) continue;
            for (let d = 0; d < x.depth; d++) sum += weightAt(f, a, c, d, k) * volumeAt(x, r, col, d);
          }
        }
        data[(i * outW + j) * f.count + k] = sum;
      }
    }
  }
  return { height: outH, width: outW, depth: f.count, data };
}

export function pool2dReference(x: Volume, kind: PoolKind, g: PoolGeometry): Volume {
  const [outH, outW] = outputDims(x, g.size, g.stride, g.pad);
  const data = new Float64Array(outH * outW * x.depth);
  for (let i = 0; i < outH; i++) for (let j = 0; j < outW; j++) for (let d = 0; d < x.depth; d++) data[(i * outW + j) * x.depth + d] = poolTerms(x, kind, g, d, i, j).value;
  return { height: outH, width: outW, depth: x.depth, data };
}

/** The taps of output (i, j) of filter k, with the products that make its value. */
export function convTerms(x: Volume, f: FilterBank, g: ConvGeometry, k: number, i: number, j: number): WindowTerms {
  const taps: Tap[] = [];
  let value = f.bias[k]!;
  for (let d = 0; d < x.depth; d++) {
    for (let a = 0; a < f.size; a++) {
      for (let c = 0; c < f.size; c++) {
        const row = g.stride * i + g.dilation * a;
        const col = g.stride * j + g.dilation * c;
        const read = padded(x, g.pad, row, col, d);
        const weight = weightAt(f, a, c, d, k);
        taps.push({ a, c, d, row, col, padded: read.padded, input: read.value, weight });
        value += weight * read.value;
      }
    }
  }
  return { taps, bias: f.bias[k]!, value };
}

/** The window of output (i, j) in depth slice d; padded taps are listed but do not count. */
export function poolTerms(x: Volume, kind: PoolKind, g: PoolGeometry, d: number, i: number, j: number): WindowTerms {
  const taps: Tap[] = [];
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let count = 0;
  for (let a = 0; a < g.size; a++) {
    for (let c = 0; c < g.size; c++) {
      const row = g.stride * i + a;
      const col = g.stride * j + c;
      const read = padded(x, g.pad, row, col, d);
      taps.push({ a, c, d, row, col, padded: read.padded, input: read.value, weight: 1 });
      if (read.padded) continue;
      max = Math.max(max, read.value);
      sum += read.value;
      count++;
    }
  }
  // A window of padding only has nothing to pool; the demo refuses P ≥ F so this is not shown.
  const value = count === 0 ? Number.NaN : kind === 'max' ? max : sum / count;
  return { taps, bias: 0, value };
}
