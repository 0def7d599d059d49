/** The benchmark's readouts in words (the aria-live summary), as pure functions of its results. */
import { caseLabel, OP_LABELS, type OpName } from '../../engines/backend-bench/cases.ts';
import { compareRuns, overallRatio } from '../../engines/backend-bench/compare.ts';
import { crossoverSize, type BenchResults, type TrainResult } from '../../engines/backend-bench/results.ts';
import type { BackendName } from '../../tf/types.ts';
import { SHORT_LABELS } from './chart-data.ts';

const fixed = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toPrecision(2));

/** "WebAssembly: matmul peaks at 9.8 GFLOP/s (n = 1024); step 2.1 ms eager (102 kernels), 1.3 ms fused (63), 1.6× faster." */
export function describeBackend(results: BenchResults, backend: BackendName): string {
  const parts: string[] = [];
  const matmul = results.ops.filter((r) => r.backend === backend && r.op === 'matmul');
  if (matmul.length > 0) {
    const best = matmul.reduce((a, b) => (b.gflops > a.gflops ? b : a));
    parts.push(`matmul peaks at ${fixed(best.gflops)} GFLOP/s (n = ${best.size})`);
  }
  const step = results.train.find((t) => t.backend === backend);
  if (step) parts.push(describeStep(step));
  return parts.length > 0 ? `${SHORT_LABELS[backend]}: ${parts.join('; ')}.` : '';
}

export function describeStep(step: TrainResult): string {
  return `training step ${fixed(step.eagerMs)} ms eager (${step.eagerKernels} kernels), ${fixed(step.fusedMs)} ms fused (${step.fusedKernels}), ${(step.eagerMs / step.fusedMs).toFixed(1)}× faster fused`;
}

export function describeCrossovers(results: BenchResults, op: OpName): string {
  const found = (['webgpu', 'webgl'] as const).flatMap((gpu) => {
    const size = crossoverSize(results.ops, op, gpu);
    return size === undefined ? [] : [`${SHORT_LABELS[gpu]} overtakes WebAssembly at ${size}`];
  });
  return found.length > 0 ? `${OP_LABELS[op]}: ${found.join(', ')}.` : '';
}

/** The honest caveat: a GPU backend on a software rasterizer measures the processor. */
export function describeEmulation(results: BenchResults): string {
  const emulated = results.devices.filter((d) => d.emulated);
  if (emulated.length === 0) return '';
  const names = emulated.map((d) => `${SHORT_LABELS[d.backend]} (${d.device})`).join(' and ');
  return `${names} ran on a software emulation of a GPU: ${emulated.length > 1 ? 'their' : 'its'} figures measure this processor, not a graphics card.`;
}

export function describeBench(results: BenchResults, state: { current?: { backend: BackendName; next: string } | undefined; done: boolean; op: OpName }): string {
  const measured = [...new Set([...results.ops.map((r) => r.backend), ...results.train.map((t) => t.backend)])];
  const lead = state.done ? 'Done.' : state.current ? `Measuring on ${SHORT_LABELS[state.current.backend]}, next: ${state.current.next}.` : 'Press Play to measure.';
  const problems = [
    results.skipped.length > 0 ? `${results.skipped.length} skipped` : '',
    results.failed.length > 0 ? `${results.failed.length} failed` : '',
  ].filter(Boolean);
  return [
    lead,
    ...measured.map((backend) => describeBackend(results, backend)),
    describeCrossovers(results, state.op),
    describeEmulation(results),
    problems.length > 0 ? `${problems.join(', ')} (listed under the tables).` : '',
  ].filter(Boolean).join(' ');
}

/** One sentence comparing two runs over what both measured: "desktop.json against laptop.json: 2.1× …". */
export function describeComparison(first: { name: string; results: BenchResults }, second: { name: string; results: BenchResults }): string {
  const points = compareRuns(first.results, second.results);
  const overall = overallRatio(points);
  if (overall === undefined) return `${second.name} and ${first.name} measured nothing in common (other backends or sizes).`;
  const widest = points.reduce((a, b) => (Math.abs(Math.log(b.ratio)) > Math.abs(Math.log(a.ratio)) ? b : a));
  return `${second.name} against ${first.name}: ${overall.toFixed(2)}× the throughput overall (geometric mean over ${points.length} measurements in both); the largest gap is ${caseLabel({ kind: 'op', op: widest.op, size: widest.size })} on ${SHORT_LABELS[widest.backend]}, ${fixed(widest.first)} against ${fixed(widest.second)} GFLOP/s.`;
}
