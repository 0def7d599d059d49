/** What the throughput chart draws for one op: a line per backend and saved run, and crossover marks. */
import { ALEXNET_SIZES, MATMUL_SIZES, VGG_SIZES, type OpName } from '../../engines/backend-bench/cases.ts';
import { crossoverSize, type BenchResults } from '../../engines/backend-bench/results.ts';
import { BACKENDS, type BackendName } from '../../tf/types.ts';
import type { ThroughputLine, ThroughputMark } from '../../views/backend-bench/throughput-chart.ts';
import { seriesColor } from '../../views/colors.ts';

export const SHORT_LABELS: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU (JavaScript)' };
const COLORS: Record<BackendName, string> = { webgpu: seriesColor(4), webgl: seriesColor(0), wasm: seriesColor(5), cpu: seriesColor(3) };

export interface SavedRunView {
  name: string;
  results: BenchResults;
}

export function sizesOf(op: OpName, largestMatmul: number): number[] {
  return op === 'matmul' ? MATMUL_SIZES.filter((n) => n <= largestMatmul) : op === 'vgg' ? [...VGG_SIZES] : [...ALEXNET_SIZES];
}

export function chartLines(current: BenchResults, saved: readonly SavedRunView[], op: OpName): ThroughputLine[] {
  const runs = [{ name: '', results: current, style: 'solid' as const }, ...saved.map((s, i) => ({ ...s, style: i === 0 ? ('dashed' as const) : ('dotted' as const) }))];
  return runs.flatMap((run) =>
    BACKENDS.map((backend) => ({
      label: run.name ? `${SHORT_LABELS[backend]} · ${run.name}` : SHORT_LABELS[backend],
      color: COLORS[backend],
      style: run.style,
      points: run.results.ops.filter((r) => r.op === op && r.backend === backend).map((r) => ({ size: r.size, gflops: r.gflops })),
    })).filter((line) => line.points.length > 0),
  );
}

/** Where each GPU backend of this run overtakes WebAssembly (and stays ahead). */
export function chartMarks(current: BenchResults, op: OpName): ThroughputMark[] {
  return (['webgpu', 'webgl'] as const).flatMap((gpu) => {
    const size = crossoverSize(current.ops, op, gpu);
    return size === undefined ? [] : [{ size, color: COLORS[gpu], label: `${SHORT_LABELS[gpu]} overtakes WebAssembly at ${size}` }];
  });
}
