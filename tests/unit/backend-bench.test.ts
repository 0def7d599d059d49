/** The backend benchmark's arithmetic, timing logic, planning, saved files and its engine on the CPU backend. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, test } from 'vitest';
import { alexnetLayer, opFlops, suiteCases, vggLayer } from '../../src/engines/backend-bench/cases.ts';
import { compareRuns, overallRatio } from '../../src/engines/backend-bench/compare.ts';
import { convFlops, convOutputSide, matmulFlops } from '../../src/engines/backend-bench/flops.ts';
import { createBenchEngine } from '../../src/engines/backend-bench/bench-engine.ts';
import { measureOp, WARM_UP_RUNS } from '../../src/engines/backend-bench/measure.ts';
import { planCase, predictRunMs, type PlanLimits } from '../../src/engines/backend-bench/plan.ts';
import { crossoverSize, emptyResults, type BenchResults, type OpResult } from '../../src/engines/backend-bench/results.ts';
import { parseSavedRun } from '../../src/engines/backend-bench/saved-file.ts';
import { gflopsPerSecond, median, repeatsPerSample } from '../../src/engines/backend-bench/stats.ts';
import { createTrainSteps } from '../../src/engines/backend-bench/train-step.ts';
import type { BackendName } from '../../src/tf/types.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A naive triple loop that counts its own multiply-adds: the oracle for the formulas. */
function countedConvMacs(layer: ReturnType<typeof vggLayer>): number {
  const side = convOutputSide(layer);
  const padTotal = layer.pad === 'same' ? Math.max(0, (side - 1) * layer.stride + layer.kernel - layer.size) : 0;
  const before = Math.floor(padTotal / 2);
  let macs = 0;
  for (let oy = 0; oy < side; oy++) {
    for (let ox = 0; ox < side; ox++) {
      // Every window cell counts, padded ones included (tfjs multiplies the zeros too).
      let cells = 0;
      for (let ky = 0; ky < layer.kernel; ky++) for (let kx = 0; kx < layer.kernel; kx++) if (oy * layer.stride + ky - before < layer.size + padTotal) cells++;
      macs += cells * layer.inChannels * layer.outChannels;
    }
  }
  return macs;
}

describe('counting floating-point operations', () => {
  test('a matrix product does 2n³ (a multiply-add is two)', () => {
    expect(matmulFlops(64)).toBe(524_288);
    expect(matmulFlops(2048)).toBe(17_179_869_184);
    expect(opFlops('matmul', 1024)).toBe(2 * 1024 ** 3);
  });

  test('output sides agree with tfjs for same and valid padding', () => {
    for (const layer of [vggLayer(14), vggLayer(56), alexnetLayer(227), alexnetLayer(59)]) {
      const image = tf.zeros([1, layer.size, layer.size, 1]) as tf.Tensor4D;
      const out = tf.conv2d(image, tf.zeros([layer.kernel, layer.kernel, 1, 1]) as tf.Tensor4D, layer.stride, layer.pad);
      expect(out.shape[1]).toBe(convOutputSide(layer));
      tf.dispose([image, out]);
    }
    expect(convOutputSide(alexnetLayer(227))).toBe(55);
  });

  test('conv layers: AlexNet conv1 is 105.4 M multiply-adds, VGG 3×3 256→256 on 56×56 is 1.85 G', () => {
    // 55·55 outputs × 96 filters × 11·11·3 weights.
    expect(convFlops(alexnetLayer(227))).toBe(2 * 55 * 55 * 96 * 363);
    expect(convFlops(alexnetLayer(227)) / 2).toBe(105_415_200);
    expect(convFlops(vggLayer(56)) / 2).toBe(56 * 56 * 256 * 256 * 9);
    for (const layer of [vggLayer(14), alexnetLayer(59), alexnetLayer(115)]) expect(convFlops(layer)).toBe(2 * countedConvMacs(layer));
  });

  test('GFLOP/s from flops and milliseconds', () => {
    expect(gflopsPerSecond(2e9, 100)).toBe(20);
    expect(gflopsPerSecond(matmulFlops(1024), 1000)).toBeCloseTo(2.147, 3);
  });
});

describe('timing logic', () => {
  test('median of odd and even counts, unsorted input, and none refused', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 100])).toBe(3.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow();
  });

  test('samples repeat short runs to outlast the timer, never fewer than one', () => {
    expect(repeatsPerSample(0.5, 20)).toBe(32);
    expect(repeatsPerSample(2, 20)).toBe(10);
    expect(repeatsPerSample(40, 20)).toBe(1);
    expect(repeatsPerSample(0, 20)).toBe(32);
  });

  test('warm-up runs are not counted: a slow first run does not reach the median', async () => {
    let calls = 0;
    const a = tf.ones([8, 8]) as tf.Tensor2D;
    // The first call stalls (as a shader compile would); every later one is quick.
    const run = () => {
      calls++;
      if (calls === 1) {
        const until = performance.now() + 60;
        while (performance.now() < until);
      }
      return tf.matMul(a, a);
    };
    const before = tf.memory().numTensors;
    const timing = await measureOp(tf, run, { repeats: 5, targetSampleMs: 1, kernelTimes: true, signal: new AbortController().signal });
    expect(timing.samplesMs).toHaveLength(5);
    expect(Math.max(...timing.samplesMs)).toBeLessThan(30);
    expect(timing.wallMs).toBe(median(timing.samplesMs));
    expect(calls).toBe(WARM_UP_RUNS + 5 * timing.inner);
    expect(timing.kernelMs).not.toBeNull();
    expect(tf.memory().numTensors).toBe(before);
    a.dispose();
  });

  test('a fired signal stops the measurement with an AbortError and leaks nothing', async () => {
    const a = tf.ones([8, 8]) as tf.Tensor2D;
    const before = tf.memory().numTensors;
    const stop = new AbortController();
    stop.abort(new DOMException('stopped', 'AbortError'));
    await expect(measureOp(tf, () => tf.matMul(a, a), { repeats: 3, targetSampleMs: 1, kernelTimes: false, signal: stop.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(tf.memory().numTensors).toBe(before);
    a.dispose();
  });
});

const op = (backend: BackendName, size: number, gflops: number, kind: OpResult['op'] = 'matmul'): OpResult => {
  const flops = opFlops(kind, size);
  return { backend, op: kind, size, flops, wallMs: flops / (gflops * 1e6), kernelMs: null, gflops, samplesMs: [1], inner: 1 };
};

describe('planning and the crossover', () => {
  const limits: PlanLimits = { runCapMs: 1000, budgetMs: 25_000, repeats: 5, targetSampleMs: 20 };

  test('the suite lists matmul sizes up to the largest asked, then the training step and the conv layers', () => {
    const cases = suiteCases(256);
    expect(cases.filter((c) => c.kind === 'op' && c.op === 'matmul').map((c) => c.kind === 'op' && c.size)).toEqual([64, 128, 256]);
    expect(cases).toHaveLength(3 + 3 + 3 + 1);
    expect(cases[3]).toEqual({ kind: 'train' });
    expect(cases.at(-1)).toEqual({ kind: 'op', op: 'alexnet', size: 227 });
  });

  test('a size is predicted from the throughput measured at the last size of the same op', () => {
    const measured = [op('cpu', 256, 1), op('cpu', 512, 0.5)];
    // 2·1024³ flops at 0.5 GFLOP/s.
    expect(predictRunMs({ kind: 'op', op: 'matmul', size: 1024 }, measured)).toBeCloseTo(4295, 0);
    // No conv measured yet: the backend's best throughput stands in.
    expect(predictRunMs({ kind: 'op', op: 'vgg', size: 56 }, measured)).toBeCloseTo(opFlops('vgg', 56) / 1e6, 0);
    expect(predictRunMs({ kind: 'op', op: 'matmul', size: 64 }, [])).toBeUndefined();
  });

  test('runs over the cap and cases over the budget are skipped with the reason', () => {
    const measured = [op('cpu', 512, 0.5)];
    expect(planCase({ kind: 'op', op: 'matmul', size: 64 }, [], 0, limits)).toEqual({ run: true });
    expect(planCase({ kind: 'op', op: 'matmul', size: 1024 }, measured, 0, limits)).toEqual({ run: false, reason: 'one run would take about 4.3 s here, over the 1 s cap per run' });
    // 7 runs of ~537 ms fit in 25 s, not in the 2 s left.
    expect(planCase({ kind: 'op', op: 'matmul', size: 512 }, measured, 0, limits)).toEqual({ run: true });
    expect(planCase({ kind: 'op', op: 'matmul', size: 512 }, measured, 23_000, limits)).toEqual({ run: false, reason: 'the 25 s time budget for this backend would be spent' });
    expect(planCase({ kind: 'train' }, measured, 24_000, limits)).toMatchObject({ run: false });
  });

  test('the GPU overtakes WebAssembly at the smallest size from which it stays ahead', () => {
    const ops = [op('wasm', 64, 4), op('wasm', 128, 6), op('wasm', 256, 8), op('wasm', 512, 9), op('webgl', 64, 0.5), op('webgl', 128, 7), op('webgl', 256, 5), op('webgl', 512, 30)];
    expect(crossoverSize(ops, 'matmul', 'webgl')).toBe(512);
    expect(crossoverSize([...ops, op('webgl', 1024, 40)], 'matmul', 'webgl')).toBe(512);
    expect(crossoverSize(ops.filter((r) => r.size !== 512), 'matmul', 'webgl')).toBeUndefined();
    expect(crossoverSize(ops, 'matmul', 'webgpu')).toBeUndefined();
  });
});

const results = (ops: OpResult[]): BenchResults => ({ ...emptyResults('test'), ops });
const saved = (data: unknown, demo = 'backend-bench') => JSON.stringify({ demo, backend: 'wasm', settings: {}, data });

describe('saved runs', () => {
  test('a saved export reads back as the same results', () => {
    const run = { ...results([op('wasm', 64, 3)]), train: [{ backend: 'wasm', eagerMs: 2, fusedMs: 1, eagerKernels: 80, fusedKernels: 50, gradientGap: 1e-7 }] };
    const read = parseSavedRun('laptop.json', saved(run));
    expect(read.ok && read.results.ops).toEqual(run.ops);
    expect(read.ok && read.results.train).toEqual(run.train);
  });

  test('wrong files get a sentence naming the file and the problem', () => {
    const message = (text: string) => {
      const read = parseSavedRun('x.json', text);
      return read.ok ? 'accepted' : read.message;
    };
    expect(message('not json {')).toBe('“x.json” is not a saved benchmark run: it is not JSON.');
    expect(message('[1, 2]')).toBe('“x.json” is not a saved benchmark run: it is JSON but not an object.');
    expect(message(saved(results([op('wasm', 64, 3)]), 'tsne'))).toBe('“x.json” is not a saved benchmark run: it was saved by the “tsne” demo.');
    expect(message(JSON.stringify({ hello: 1 }))).toMatch(/not saved by this demo/);
    expect(message(saved({ ...results([op('wasm', 64, 3)]), version: 9 }))).toMatch(/format version 9; this page reads version 1/);
    expect(message(saved(results([op('wasm', 64, 3), { ...op('wasm', 128, 3), gflops: -1 }])))).toMatch(/measurement 2 is not a valid measurement/);
    expect(message(saved(results([{ ...op('wasm', 64, 3), backend: 'tpu' as BackendName }])))).toMatch(/measurement 1 is not/);
    expect(message(saved(results([])))).toMatch(/holds no measurements/);
  });

  test('two runs compare point by point, with one overall ratio', () => {
    const laptop = results([op('wasm', 64, 2), op('wasm', 128, 4), op('webgl', 128, 10)]);
    const desktop = results([op('wasm', 64, 4), op('wasm', 128, 16), op('cpu', 64, 1)]);
    const points = compareRuns(laptop, desktop);
    expect(points.map((p) => [p.backend, p.size, p.ratio])).toEqual([['wasm', 64, 2], ['wasm', 128, 4]]);
    expect(overallRatio(points)).toBeCloseTo(Math.sqrt(8), 10);
    expect(overallRatio([])).toBeUndefined();
  });
});

describe('eager and fused training steps', () => {
  test('compute the same gradients and the same update, with fewer kernels fused', async () => {
    const steps = createTrainSteps(tf, 3);
    const twin = createTrainSteps(tf, 3);
    expect(await steps.gradientGap()).toBeLessThan(1e-5);
    // From the same weights, one step each way lands on the same loss next time.
    const losses: number[] = [];
    for (const [engine, mode] of [[steps, 'eager'], [twin, 'fused']] as const) {
      engine.step(mode).dispose();
      const loss = engine.step(mode);
      losses.push((await loss.data())[0]!);
      loss.dispose();
    }
    expect(Math.abs(losses[0]! - losses[1]!)).toBeLessThan(1e-5);
    // tfjs reuses one profile object: read each one's kernels before the next profile.
    const kernelsOf = async (mode: 'eager' | 'fused') => {
      const profile = await tf.profile(() => steps.step(mode));
      tf.dispose(profile.result);
      return profile.kernels.filter((k) => !k.name.endsWith('__op')).map((k) => k.name);
    };
    const eager = await kernelsOf('eager');
    const fused = await kernelsOf('fused');
    // One fused op per layer forward (bias and ReLU inside), no tape bookkeeping.
    expect(fused.filter((name) => name === '_FusedMatMul')).toHaveLength(4);
    expect(eager).not.toContain('_FusedMatMul');
    expect(fused.length).toBeLessThan(eager.length - 30);
    steps.dispose();
    twin.dispose();
  });

  test('training lowers the loss, and steps leave no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const steps = createTrainSteps(tf, 1);
    const held = tf.memory().numTensors;
    const first = steps.step('fused');
    const firstLoss = (await first.data())[0]!;
    first.dispose();
    for (let i = 0; i < 30; i++) steps.step(i % 2 === 0 ? 'eager' : 'fused').dispose();
    expect(tf.memory().numTensors).toBe(held);
    const last = steps.step('eager');
    expect((await last.data())[0]!).toBeLessThan(firstLoss);
    last.dispose();
    steps.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the benchmark engine', () => {
  test('measures a matmul and a conv layer with positive times and leaves no tensors', async () => {
    const engine = createBenchEngine(tf, { seed: 1 }, new AbortController().signal);
    const before = tf.memory().numTensors;
    const matmul = (await engine.handle({ case: { kind: 'op', op: 'matmul', size: 64 }, repeats: 3, targetSampleMs: 2 })).reply;
    expect(matmul.kind).toBe('op');
    if (matmul.kind !== 'op') return;
    expect(matmul.samplesMs).toHaveLength(3);
    expect(matmul.wallMs).toBeGreaterThan(0);
    const conv = (await engine.handle({ case: { kind: 'op', op: 'alexnet', size: 59 }, repeats: 3, targetSampleMs: 2 })).reply;
    expect(conv.kind === 'op' && conv.wallMs).toBeGreaterThan(0);
    const train = (await engine.handle({ case: { kind: 'train' }, repeats: 2, targetSampleMs: 2 })).reply;
    expect(train.kind === 'train' && train.fusedKernels < train.eagerKernels).toBe(true);
    expect(train.kind === 'train' && train.gradientGap).toBeLessThan(1e-5);
    expect(tf.memory().numTensors).toBe(before);
  });
});
