/**
 * Times one operation the way the benchmark reports it: two warm-up runs that are not counted
 * (the first compiles shaders and allocates; the second says how long one run takes), then
 * `repeats` timed samples, each of enough back-to-back runs to outlast the timer's resolution.
 *
 * Wall time runs from queueing the first op of a sample until a one-number summary of the last
 * result has come back, so on a GPU it covers the work and one small read. Kernel time is what
 * tf.time reports for the same sample where the backend can measure it (GPU timer queries; on
 * wasm and cpu, the time the ops ran on the thread). Between samples the signal is checked and
 * the thread yields, so a stop lands within one sample.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import { yieldToEventLoop } from '../yield.ts';
import { median, repeatsPerSample } from './stats.ts';

export interface Timing {
  /** Median wall time of one run, ms. */
  wallMs: number;
  /** Median kernel time of one run, ms; null where the backend cannot time its kernels. */
  kernelMs: number | null;
  /** Each timed sample's wall time per run, ms (warm-up excluded). */
  samplesMs: number[];
  /** Runs per sample. */
  inner: number;
}

export interface MeasureOptions {
  repeats: number;
  /** About how long one sample should last, ms. */
  targetSampleMs: number;
  /** Ask tf.time for kernel times (false where it would only return zeros). */
  kernelTimes: boolean;
  signal: AbortSignal;
}

export const WARM_UP_RUNS = 2;

/** `run()` queues one operation and returns its result (the caller's inputs stay alive). */
export async function measureOp(tf: Tf, run: () => Tensor, options: MeasureOptions): Promise<Timing> {
  let runMs = 0;
  for (let i = 0; i < WARM_UP_RUNS; i++) {
    options.signal.throwIfAborted();
    runMs = (await sample(tf, run, 1, false)).wallMs;
  }
  const inner = repeatsPerSample(runMs, options.targetSampleMs);
  const walls: number[] = [];
  const kernels: number[] = [];
  for (let i = 0; i < options.repeats; i++) {
    await yieldToEventLoop();
    options.signal.throwIfAborted();
    const timed = await sample(tf, run, inner, options.kernelTimes);
    walls.push(timed.wallMs / inner);
    if (timed.kernelMs !== null) kernels.push(timed.kernelMs / inner);
  }
  return { wallMs: median(walls), kernelMs: kernels.length === walls.length ? median(kernels) : null, samplesMs: walls, inner };
}

async function sample(tf: Tf, run: () => Tensor, count: number, kernelTimes: boolean): Promise<{ wallMs: number; kernelMs: number | null }> {
  let last: Tensor | undefined;
  const queue = () => {
    for (let k = 0; k < count; k++) {
      last?.dispose();
      last = run();
    }
  };
  const started = performance.now();
  let kernelMs: number | null = null;
  try {
    if (kernelTimes) {
      const info = await tf.time(queue);
      // webgl says { error } instead of a number when its timer queries are off.
      kernelMs = typeof info.kernelMs === 'number' && info.kernelMs > 0 ? info.kernelMs : null;
    } else {
      queue();
    }
    const probe = tf.sum(last!);
    try {
      await probe.data();
    } finally {
      probe.dispose();
    }
    return { wallMs: performance.now() - started, kernelMs };
  } finally {
    last?.dispose();
  }
}
