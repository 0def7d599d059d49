/** The benchmark suite across backends with scripted engines, and its readouts in words. */
import { describe, expect, test } from 'vitest';
import type { BenchReply, BenchRequest } from '../../src/engines/backend-bench/bench-engine.ts';
import { opFlops, suiteCases } from '../../src/engines/backend-bench/cases.ts';
import { emptyResults, type BenchResults, type OpResult } from '../../src/engines/backend-bench/results.ts';
import { chartLines, chartMarks } from '../../src/demos/backend-bench/chart-data.ts';
import { backendsToMeasure } from '../../src/demos/backend-bench/spec.ts';
import { createSuite, type SuiteEngine } from '../../src/demos/backend-bench/suite.ts';
import { describeBench, describeComparison, describeEmulation } from '../../src/demos/backend-bench/summary.ts';
import type { BackendName } from '../../src/tf/types.ts';

/** An engine whose op runs take `msPerGflop` per GFLOP; `failAt` makes that request fail (a lost device, say). */
function scripted(backend: BackendName, msPerGflop: number, failAt?: number): SuiteEngine & { requests: BenchRequest[]; disposed: boolean } {
  const engine = {
    where: 'worker' as const,
    requests: [] as BenchRequest[],
    disposed: false,
    async request(request: BenchRequest): Promise<BenchReply> {
      engine.requests.push(request);
      if ('describe' in request) return { kind: 'device', device: backend === 'webgl' ? 'Google SwiftShader' : 'the processor', emulated: backend === 'webgl' };
      if (engine.requests.length - 1 === failAt) throw new Error('the GPU device was lost');
      const c = request.case;
      if (c.kind === 'train') return { kind: 'train', eagerMs: 4, fusedMs: 2, eagerKernels: 102, fusedKernels: 63, gradientGap: 1e-7 };
      const wallMs = (opFlops(c.op, c.size) / 1e9) * msPerGflop;
      return { kind: 'op', wallMs, kernelMs: null, samplesMs: [wallMs], inner: 1 };
    },
    offThreadTensors: () => 0,
    dispose() {
      engine.disposed = true;
    },
  };
  return engine;
}

const limits = { runCapMs: 1000, budgetMs: 25_000, repeats: 5, targetSampleMs: 20 };

async function runAll(suite: ReturnType<typeof createSuite>): Promise<number> {
  let calls = 0;
  while (await suite.next()) calls++;
  return calls + 1;
}

describe('the suite across backends', () => {
  test('measures each backend in turn, skipping sizes over the cap with the reason', async () => {
    const engines = new Map<BackendName, ReturnType<typeof scripted>>();
    // wasm: 100 ms per GFLOP (10 GFLOP/s); cpu: 2 s per GFLOP (0.5 GFLOP/s). The clock does not move.
    const suite = createSuite({
      backends: ['wasm', 'cpu'], cases: suiteCases(2048), userAgent: 'test', now: () => 0, limits: () => limits,
      start: async (backend) => engines.set(backend, scripted(backend, backend === 'wasm' ? 100 : 2000)).get(backend)!,
    });
    await runAll(suite);
    const sizes = (backend: BackendName) => suite.results.ops.filter((r) => r.backend === backend && r.op === 'matmul').map((r) => r.size);
    // wasm: 2048 (17.2 GFLOP) would take 1.7 s, over the 1 s cap. cpu: 512 (0.27 GFLOP) takes 0.54 s and fits; 1024 would take 4.3 s.
    expect(sizes('wasm')).toEqual([64, 128, 256, 512, 1024]);
    expect(sizes('cpu')).toEqual([64, 128, 256, 512]);
    expect(suite.results.skipped.find((s) => s.backend === 'wasm')).toEqual({ backend: 'wasm', what: 'matmul 2048×2048', reason: 'one run would take about 1.7 s here, over the 1 s cap per run' });
    expect(suite.results.ops.find((r) => r.backend === 'wasm' && r.size === 1024)!.gflops).toBeCloseTo(10, 10);
    expect(suite.results.train.map((t) => t.backend)).toEqual(['wasm', 'cpu']);
    expect(suite.results.backends.map((b) => b.backend)).toEqual(['wasm', 'cpu']);
    expect([...engines.values()].every((e) => e.disposed)).toBe(true);
    expect(suite.current).toBeUndefined();
  });

  test('a backend that fails mid-benchmark keeps what it measured, and the next backend still runs', async () => {
    const suite = createSuite({
      backends: ['webgl', 'wasm'], cases: suiteCases(256), userAgent: 'test', now: () => 0, limits: () => limits,
      // Request 0 describes the device; 1-3 are matmul 64, 128, 256, 4 the training step; request 5 (VGG on 14×14) fails.
      start: async (backend) => scripted(backend, 50, backend === 'webgl' ? 5 : undefined),
    });
    await runAll(suite);
    expect(suite.results.ops.filter((r) => r.backend === 'webgl').map((r) => r.size)).toEqual([64, 128, 256]);
    expect(suite.results.failed).toEqual([{ backend: 'webgl', message: 'WebGL failed at VGG 3×3 conv on 14×14: the GPU device was lost' }]);
    expect(suite.results.ops.filter((r) => r.backend === 'wasm')).toHaveLength(3 + 3 + 3);
    expect(suite.results.train.map((t) => t.backend)).toEqual(['webgl', 'wasm']);
  });

  test('a backend that cannot start is reported and skipped', async () => {
    const suite = createSuite({
      backends: ['webgpu', 'wasm'], cases: suiteCases(64), userAgent: 'test', now: () => 0, limits: () => limits,
      start: async (backend) => {
        if (backend === 'webgpu') throw new Error('this browser has no WebGPU here');
        return scripted(backend, 50);
      },
    });
    await runAll(suite);
    expect(suite.results.failed).toEqual([{ backend: 'webgpu', message: 'WebGPU could not start: this browser has no WebGPU here' }]);
    expect(suite.results.ops.every((r) => r.backend === 'wasm')).toBe(true);
  });

  test('a spent time budget skips the remaining cases of that backend only', async () => {
    let clock = 0;
    const suite = createSuite({
      backends: ['cpu'], cases: suiteCases(128), userAgent: 'test', now: () => clock, limits: () => ({ ...limits, budgetMs: 6000 }),
      start: async (backend) => {
        const engine = scripted(backend, 10);
        const request = engine.request.bind(engine);
        // Every measurement takes 2 s of the clock.
        engine.request = async (r) => ('describe' in r ? request(r) : ((clock += 2000), request(r)));
        return engine;
      },
    });
    await runAll(suite);
    // 64 and 128 spend 4 s; the training step (about 1.5 s) still fits the 6 s budget, then nothing does.
    expect(suite.results.ops.map((r) => r.size)).toEqual([64, 128]);
    expect(suite.results.train).toHaveLength(1);
    expect(suite.results.skipped.map((s) => s.what)).toEqual(['VGG 3×3 conv on 14×14', 'VGG 3×3 conv on 28×28', 'VGG 3×3 conv on 56×56', 'AlexNet 11×11 conv on 59×59', 'AlexNet 11×11 conv on 115×115', 'AlexNet 11×11 conv on 227×227']);
    expect(suite.results.skipped[0]!.reason).toBe('the 6 s time budget for this backend would be spent');
  });

  test('the page’s backend comes first; a choice names its backends', () => {
    expect(backendsToMeasure('all', 'wasm')).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
    expect(backendsToMeasure('wasm-cpu', 'webgl')).toEqual(['wasm', 'cpu']);
    expect(backendsToMeasure('page', 'cpu')).toEqual(['cpu']);
  });
});

const op = (backend: BackendName, size: number, gflops: number): OpResult => ({ backend, op: 'matmul', size, flops: opFlops('matmul', size), wallMs: 1, kernelMs: null, gflops, samplesMs: [1], inner: 1 });
const withOps = (ops: OpResult[]): BenchResults => ({ ...emptyResults('t'), ops });

describe('readouts', () => {
  const results: BenchResults = {
    ...withOps([op('wasm', 64, 2), op('wasm', 128, 4.5), op('webgl', 64, 0.8), op('webgl', 128, 12)]),
    train: [{ backend: 'wasm', eagerMs: 3.2, fusedMs: 1.6, eagerKernels: 102, fusedKernels: 63, gradientGap: 0 }],
    skipped: [{ backend: 'cpu', what: 'matmul 2048×2048', reason: 'x' }],
    devices: [{ backend: 'webgl', device: 'Google SwiftShader', emulated: true }, { backend: 'wasm', device: 'the processor', emulated: false }],
  };

  test('the summary names peaks, the training step, the crossover, the emulation and what was skipped', () => {
    expect(describeBench(results, { done: true, op: 'matmul' })).toBe(
      'Done. WebAssembly: matmul peaks at 4.5 GFLOP/s (n = 128); training step 3.2 ms eager (102 kernels), 1.6 ms fused (63), 2.0× faster fused. '
      + 'WebGL: matmul peaks at 12.0 GFLOP/s (n = 128). Matrix multiply (n×n by n×n): WebGL overtakes WebAssembly at 128. '
      + 'WebGL (Google SwiftShader) ran on a software emulation of a GPU: its figures measure this processor, not a graphics card. 1 skipped (listed under the tables).',
    );
    expect(describeBench(emptyResults('t'), { done: false, op: 'matmul' })).toBe('Press Play to measure.');
    expect(describeBench(emptyResults('t'), { current: { backend: 'cpu', next: 'matmul 64×64' }, done: false, op: 'vgg' })).toBe('Measuring on CPU (JavaScript), next: matmul 64×64.');
    expect(describeEmulation({ ...results, devices: [] })).toBe('');
  });

  test('two saved runs compare in one sentence', () => {
    const laptop = { name: 'laptop.json', results: withOps([op('wasm', 64, 2), op('wasm', 128, 4)]) };
    const desktop = { name: 'desktop.json', results: withOps([op('wasm', 64, 4), op('wasm', 128, 16)]) };
    expect(describeComparison(laptop, desktop)).toBe('desktop.json against laptop.json: 2.83× the throughput overall (geometric mean over 2 measurements in both); the largest gap is matmul 128×128 on WebAssembly, 4.0 against 16.0 GFLOP/s.');
    expect(describeComparison(laptop, { name: 'phone.json', results: withOps([op('cpu', 64, 1)]) })).toBe('phone.json and laptop.json measured nothing in common (other backends or sizes).');
  });

  test('the chart draws this run solid and saved runs dashed, with the crossover marked', () => {
    const lines = chartLines(results, [{ name: 'laptop.json', results: withOps([op('wasm', 64, 1)]) }], 'matmul');
    expect(lines.map((l) => [l.label, l.style, l.points.length])).toEqual([['WebGL', 'solid', 2], ['WebAssembly', 'solid', 2], ['WebAssembly · laptop.json', 'dashed', 1]]);
    expect(chartMarks(results, 'matmul').map((m) => [m.size, m.label])).toEqual([[128, 'WebGL overtakes WebAssembly at 128']]);
    expect(chartMarks(results, 'vgg')).toEqual([]);
  });
});
