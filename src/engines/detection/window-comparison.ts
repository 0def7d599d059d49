/**
 * The two ways of scoring every window of a scene (fully-convolutional.ts), run and timed in the
 * browser: the sliding window classifies the windows at the stride asked, a few per slice of GPU
 * work; the fully convolutional net computes the whole stride-4 map in one pass. Both are timed
 * as awaited work (from queueing to the values read), after an untimed warm-up of each (a
 * backend compiles its kernels on first use). Also returns how far apart their scores are.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import { runSliced } from '../../tf/slices.ts';
import { yieldToEventLoop } from '../yield.ts';
import { fullyConvolutionalScores, windowCrops, windowsAtStride, windowScores, type WindowNet } from './fully-convolutional.ts';
import { mapAtStride } from './window-detections.ts';

/** Windows classified per step of the sliding window (a step is one batch through the net). */
export const WINDOWS_PER_STEP = 6;

export interface WindowComparison {
  stride: number;
  windows: number;
  /** The fully convolutional scores at stride 4, [P × P × classes]. */
  map: Float32Array;
  /** The sliding window's scores at `stride`, [P' × P' × classes]. */
  sliding: Float32Array;
  maxDifference: number;
  slidingMs: number;
  fcnMs: number;
}

const sceneTensor = (tf: Tf, pixels: Float32Array, size: number): Tensor => tf.tensor4d(pixels, [1, size, size, 1]);

async function mapPass(tf: Tf, net: WindowNet, pixels: Float32Array, size: number, signal?: AbortSignal): Promise<Float32Array> {
  let map = new Float32Array(0);
  await runSliced(tf, 1, () => tf.tidy(() => fullyConvolutionalScores(tf, net, sceneTensor(tf, pixels, size))), { signal, onValues: (v) => (map = Float32Array.from(v)) });
  return map;
}

/** The fully convolutional score map [P × P × classes] of one scene, as one awaited slice. */
export async function scoreMap(tf: Tf, net: WindowNet, pixels: Float32Array, size: number, signal?: AbortSignal): Promise<Float32Array> {
  // On wasm and cpu the pass runs on the page's thread: it gets a task of its own, not the end of the caller's.
  await yieldToEventLoop();
  return mapPass(tf, net, pixels, size, signal);
}

async function slidingScores(tf: Tf, net: WindowNet, scene: Tensor, stride: number, count: number, signal?: AbortSignal): Promise<Float32Array> {
  const classes = net['fc2.b'].shape[0]!;
  const windows = windowsAtStride(scene.shape[1]!, stride) ** 2;
  const out = new Float32Array(Math.min(count, windows) * classes);
  const batches = Math.ceil(Math.min(count, windows) / WINDOWS_PER_STEP);
  await runSliced(tf, batches, (i) => tf.tidy(() => {
    const range = { start: i * WINDOWS_PER_STEP, end: Math.min(windows, count, (i + 1) * WINDOWS_PER_STEP) };
    return windowScores(tf, net, windowCrops(tf, scene, stride, range));
  }), { signal, onValues: (values, i) => out.set(values as Float32Array, i * WINDOWS_PER_STEP * classes) });
  return out;
}

export async function compareWindows(tf: Tf, net: WindowNet, pixels: Float32Array, size: number, stride: number, signal?: AbortSignal): Promise<WindowComparison> {
  const scene = sceneTensor(tf, pixels, size);
  try {
    await scoreMap(tf, net, pixels, size, signal);
    await slidingScores(tf, net, scene, stride, WINDOWS_PER_STEP, signal);
    await yieldToEventLoop();
    let started = performance.now();
    const map = await mapPass(tf, net, pixels, size, signal);
    const fcnMs = performance.now() - started;
    started = performance.now();
    const sliding = await slidingScores(tf, net, scene, stride, Infinity, signal);
    const slidingMs = performance.now() - started;
    const classes = net['fc2.b'].shape[0]!;
    const same = mapAtStride(map, size, stride, classes);
    let maxDifference = 0;
    for (let k = 0; k < same.length; k++) maxDifference = Math.max(maxDifference, Math.abs(same[k]! - sliding[k]!));
    return { stride, windows: sliding.length / classes, map, sliding, maxDifference, slidingMs, fcnMs };
  } finally {
    scene.dispose();
  }
}
