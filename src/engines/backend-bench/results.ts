/**
 * What a benchmark run records (and what a saved file holds): one entry per measured op and
 * size, the training-step comparison per backend, and what was skipped or failed, with why.
 */
import type { BackendName } from '../../tf/types.ts';
import type { OpName } from './cases.ts';

export const RESULTS_FORMAT = 'cs231n-backend-bench';
export const RESULTS_VERSION = 1;

export interface OpResult {
  backend: BackendName;
  op: OpName;
  size: number;
  flops: number;
  /** Median wall time of one run, ms (warm-up excluded). */
  wallMs: number;
  /** Median kernel time of one run, ms, where the backend measures it. */
  kernelMs: number | null;
  /** flops / wall time. */
  gflops: number;
  samplesMs: number[];
  /** Runs per timed sample. */
  inner: number;
}

export interface TrainResult {
  backend: BackendName;
  eagerMs: number;
  fusedMs: number;
  eagerKernels: number;
  fusedKernels: number;
  /** Largest difference between the two ways' gradients: they compute the same step. */
  gradientGap: number;
}

export interface SkipNote {
  backend: BackendName;
  what: string;
  reason: string;
}

export interface BenchResults {
  format: typeof RESULTS_FORMAT;
  version: typeof RESULTS_VERSION;
  /** The browser that measured (navigator.userAgent). */
  userAgent: string;
  ops: OpResult[];
  train: TrainResult[];
  skipped: SkipNote[];
  failed: { backend: BackendName; message: string }[];
  /** What each backend computed on (a GPU's name, or a software emulation of one). */
  devices: { backend: BackendName; device: string; emulated: boolean }[];
  /** Wall time each backend's suite took, ms, and whether it ran in a worker. */
  backends: { backend: BackendName; where: 'worker' | 'main'; totalMs: number }[];
}

export function emptyResults(userAgent: string): BenchResults {
  return { format: RESULTS_FORMAT, version: RESULTS_VERSION, userAgent, ops: [], train: [], skipped: [], failed: [], devices: [], backends: [] };
}

/**
 * The size from which `gpu` beats `cpu` (WebAssembly) at every size both measured, or undefined
 * where it never does at the largest. Undefined also when they share no size.
 */
export function crossoverSize(ops: readonly OpResult[], op: OpName, gpu: BackendName, cpu: BackendName = 'wasm'): number | undefined {
  const at = (backend: BackendName) => new Map(ops.filter((r) => r.op === op && r.backend === backend).map((r) => [r.size, r.gflops]));
  const [fast, slow] = [at(gpu), at(cpu)];
  const common = [...fast.keys()].filter((size) => slow.has(size)).sort((a, b) => a - b);
  let from: number | undefined;
  for (const size of common) {
    if (fast.get(size)! > slow.get(size)!) from ??= size;
    else from = undefined;
  }
  return from;
}
