/**
 * Where each backend's benchmark runs: a Web Worker started on that backend, so that on
 * WebAssembly and plain JavaScript a 2048 product (one op, seconds long, that cannot be cut into
 * slices) never blocks the page, and so that every backend gets a fresh tfjs of its own while
 * the page's demos keep theirs. Where a worker cannot start, the page's own backend runs on the
 * page's thread with its runs capped to fit the 50 ms a task may take; another backend is then
 * reported as unavailable rather than measured on the wrong one.
 */
import { createBenchEngine } from '../../engines/backend-bench/bench-engine.ts';
import type { BenchInit, BenchReply, BenchRequest } from '../../engines/backend-bench/bench-engine.ts';
import type { PlanLimits } from '../../engines/backend-bench/plan.ts';
import { startEngine } from '../../tf/engine-thread.ts';
import { demoEngine } from '../demo-worker.ts';
import { BACKEND_LABELS, type BackendName } from '../../tf/types.ts';
import type { DemoContext } from '../types.ts';
import type { BACKEND_BENCH_SPEC } from './spec.ts';
import type { SuiteEngine } from './suite.ts';

const SEED = 1;

export function startBenchThread(context: DemoContext<typeof BACKEND_BENCH_SPEC>, backend: BackendName): Promise<SuiteEngine> {
  return startEngine<BenchInit, BenchRequest, BenchReply>({
    tf: context.tf, backend, signal: context.signal, init: { seed: SEED },
    ...demoEngine('backend-bench', `Benchmark on ${backend}`),
    local: async () => {
      if (backend !== context.backend) throw new Error(`it cannot start in a Web Worker here, and this page runs ${BACKEND_LABELS[context.backend]}`);
      return createBenchEngine;
    },
  });
}

/** Caps for one backend: the reader's, tightened on the page's thread where ops block it. */
export function benchLimits(settings: { runCap: number; budget: number; repeats: number }, backend: BackendName, where: 'worker' | 'main'): PlanLimits {
  const blocking = where === 'main' && (backend === 'wasm' || backend === 'cpu');
  return {
    runCapMs: blocking ? Math.min(40, settings.runCap * 1000) : settings.runCap * 1000,
    budgetMs: settings.budget * 1000,
    repeats: settings.repeats,
    targetSampleMs: blocking ? 30 : 25,
  };
}
