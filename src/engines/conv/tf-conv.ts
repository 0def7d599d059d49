/**
 * The demo's convolution and pooling on the page's tfjs backend (tf passed in). Results come back
 * as plain arrays in tf's [H, W, K] layout; no tensor outlives a call.
 *
 * - tf.conv2d refuses a stride and a dilation both above 1 ("Either strides or dilations must be
 *   1"): such a layer is computed with the zero-expanded filter of dilateFilters(), the same sums.
 * - On the main-thread backends (wasm, cpu) a large layer (AlexNet's first is 105 million
 *   multiply-adds) is computed a few filters at a time with a yield in between, so no task blocks
 *   the page for long. Each chunk's data is awaited before the next is queued, and a run that
 *   ends (`signal`) stops between chunks.
 */
import type { Tf } from '../../tf/types.ts';
import { yieldToEventLoop } from '../yield.ts';
import { outputSize } from './output-size.ts';
import type { ConvGeometry, PoolGeometry, PoolKind } from './reference.ts';
import { dilateFilters, type FilterBank, type Volume } from './volume.ts';

export interface ComputeOptions {
  /** Multiply-adds per task before yielding; Infinity computes everything in one call. */
  multiplyAddsPerTask?: number;
  /** The run's signal: checked between chunks (throws its AbortError). */
  signal?: AbortSignal | undefined;
}

export interface TfResult {
  height: number;
  width: number;
  depth: number;
  data: Float32Array;
}

export async function conv2dTf(tf: Tf, x: Volume, bank: FilterBank, g: ConvGeometry, options: ComputeOptions = {}): Promise<TfResult> {
  const expand = g.stride > 1 && g.dilation > 1;
  const f = expand ? dilateFilters(bank, g.dilation) : bank;
  const dilation = expand ? 1 : g.dilation;
  const input = tf.tensor4d(Float32Array.from(x.data), [1, x.height, x.width, x.depth]);
  try {
    const positions = (input: number) => outputSize({ input, filter: f.size, stride: g.stride, pad: g.pad, dilation }).positions;
    const macsPerFilter = f.size * f.size * f.depth * positions(x.height) * positions(x.width);
    const perTask = options.multiplyAddsPerTask ?? Number.POSITIVE_INFINITY;
    const chunk = Math.max(1, Math.min(f.count, Math.floor(perTask / Math.max(1, macsPerFilter))));
    let result: TfResult | undefined;
    for (let k0 = 0; k0 < f.count; k0 += chunk) {
      options.signal?.throwIfAborted();
      const k1 = Math.min(f.count, k0 + chunk);
      const out = tf.tidy(() => {
        const w = tf.tensor4d(filterColumns(f, k0, k1), [f.size, f.size, f.depth, k1 - k0]);
        const b = tf.tensor1d(Float32Array.from(f.bias.subarray(k0, k1)));
        return tf.add(tf.conv2d(input, w, g.stride, g.pad, 'NHWC', dilation), b);
      });
      const [, height, width] = out.shape as [number, number, number, number];
      let values: Float32Array;
      try {
        values = (await out.data()) as Float32Array;
      } finally {
        out.dispose();
      }
      result ??= { height, width, depth: f.count, data: new Float32Array(height * width * f.count) };
      for (let p = 0; p < height * width; p++) for (let k = k0; k < k1; k++) result.data[p * f.count + k] = values[p * (k1 - k0) + (k - k0)]!;
      if (k1 < f.count && Number.isFinite(perTask)) await yieldToEventLoop();
    }
    return result!;
  } finally {
    input.dispose();
  }
}

export async function pool2dTf(tf: Tf, x: Volume, kind: PoolKind, g: PoolGeometry, options: ComputeOptions = {}): Promise<TfResult> {
  options.signal?.throwIfAborted();
  const out = tf.tidy(() => {
    const input = tf.tensor4d(Float32Array.from(x.data), [1, x.height, x.width, x.depth]);
    return kind === 'max' ? tf.maxPool(input, g.size, g.stride, g.pad) : tf.avgPool(input, g.size, g.stride, g.pad);
  });
  const [, height, width, depth] = out.shape as [number, number, number, number];
  try {
    return { height, width, depth, data: (await out.data()) as Float32Array };
  } finally {
    out.dispose();
  }
}

/** Filters k0..k1−1 as a [F, F, D, k1 − k0] array. */
function filterColumns(f: FilterBank, k0: number, k1: number): Float32Array {
  const n = k1 - k0;
  const out = new Float32Array(f.size * f.size * f.depth * n);
  for (let t = 0; t < f.size * f.size * f.depth; t++) for (let k = 0; k < n; k++) out[t * n + k] = f.weights[t * f.count + k0 + k]!;
  return out;
}
