/**
 * The suite across backends: one backend at a time, each in its own engine (a Web Worker
 * started on that backend), one case per next() call. What one backend measured is kept when a
 * later case fails on it or when another backend cannot start: the failure is recorded with its
 * message and the suite goes on with the next backend. Pure logic around an injected start(), so
 * Node tests drive it with scripted engines.
 */
import { caseLabel, opFlops, type BenchCase } from '../../engines/backend-bench/cases.ts';
import type { BenchReply, BenchRequest } from '../../engines/backend-bench/bench-engine.ts';
import { planCase, type PlanLimits } from '../../engines/backend-bench/plan.ts';
import { emptyResults, type BenchResults, type OpResult } from '../../engines/backend-bench/results.ts';
import { gflopsPerSecond } from '../../engines/backend-bench/stats.ts';
import { isAbort } from '../../tf/slices.ts';
import { BACKEND_LABELS, type BackendName } from '../../tf/types.ts';

export interface SuiteEngine {
  readonly where: 'worker' | 'main';
  request(request: BenchRequest): Promise<BenchReply>;
  offThreadTensors(): number;
  dispose(): void;
}

export interface SuiteOptions {
  backends: BackendName[];
  cases: BenchCase[];
  userAgent: string;
  start(backend: BackendName): Promise<SuiteEngine>;
  limits(backend: BackendName, where: 'worker' | 'main'): PlanLimits;
  /** Time source (performance.now in the page). */
  now(): number;
}

export interface Suite {
  readonly results: BenchResults;
  /** The backend being measured, and the case that comes next (undefined when all are done). */
  readonly current: { backend: BackendName; next: string } | undefined;
  /** Measures (or skips) the next case; resolves false once every backend is done. */
  next(): Promise<boolean>;
  offThreadTensors(): number;
  dispose(): void;
}

export function createSuite(options: SuiteOptions): Suite {
  const results = emptyResults(options.userAgent);
  let backendIndex = 0;
  let caseIndex = 0;
  let engine: SuiteEngine | undefined;
  let startedAt = 0;
  let measured: OpResult[] = [];

  const finishBackend = (backend: BackendName) => {
    if (engine) results.backends.push({ backend, where: engine.where, totalMs: options.now() - startedAt });
    engine?.dispose();
    engine = undefined;
    measured = [];
    caseIndex = 0;
    backendIndex++;
  };

  const record = (backend: BackendName, c: BenchCase, reply: BenchReply) => {
    if (c.kind === 'op' && reply.kind === 'op') {
      const flops = opFlops(c.op, c.size);
      const result: OpResult = { backend, op: c.op, size: c.size, flops, wallMs: reply.wallMs, kernelMs: reply.kernelMs, gflops: gflopsPerSecond(flops, reply.wallMs), samplesMs: reply.samplesMs, inner: reply.inner };
      measured.push(result);
      results.ops.push(result);
    } else if (c.kind === 'train' && reply.kind === 'train') {
      results.train.push({ backend, eagerMs: reply.eagerMs, fusedMs: reply.fusedMs, eagerKernels: reply.eagerKernels, fusedKernels: reply.fusedKernels, gradientGap: reply.gradientGap });
    }
  };

  return {
    results,
    get current() {
      const backend = options.backends[backendIndex];
      const c = options.cases[caseIndex];
      return backend && c ? { backend, next: caseLabel(c) } : undefined;
    },
    async next() {
      const backend = options.backends[backendIndex];
      if (!backend) return false;
      if (!engine) {
        try {
          engine = await options.start(backend);
          startedAt = options.now();
          const described = await engine.request({ describe: true });
          if (described.kind === 'device') results.devices.push({ backend, device: described.device, emulated: described.emulated });
        } catch (error) {
          if (isAbort(error)) throw error;
          results.failed.push({ backend, message: `${BACKEND_LABELS[backend]} could not start: ${messageOf(error)}` });
          finishBackend(backend);
          return backendIndex < options.backends.length;
        }
      }
      const c = options.cases[caseIndex]!;
      const limits = options.limits(backend, engine.where);
      const plan = planCase(c, measured, options.now() - startedAt, limits);
      if (!plan.run) {
        results.skipped.push({ backend, what: caseLabel(c), reason: plan.reason });
      } else {
        try {
          record(backend, c, await engine.request({ case: c, repeats: limits.repeats, targetSampleMs: limits.targetSampleMs }));
        } catch (error) {
          if (isAbort(error)) throw error;
          // What this backend measured so far stays; the rest of its suite is not run.
          results.failed.push({ backend, message: `${BACKEND_LABELS[backend]} failed at ${caseLabel(c)}: ${messageOf(error)}` });
          finishBackend(backend);
          return backendIndex < options.backends.length;
        }
      }
      caseIndex++;
      if (caseIndex >= options.cases.length) finishBackend(backend);
      return backendIndex < options.backends.length;
    },
    offThreadTensors: () => engine?.offThreadTensors() ?? 0,
    dispose() {
      engine?.dispose();
      engine = undefined;
    },
  };
}

function messageOf(error: unknown): string {
  return (error as { message?: string } | null)?.message || String(error);
}
