/** Two benchmark runs side by side: the ratio of throughputs wherever both measured the same thing. */
import type { BackendName } from '../../tf/types.ts';
import type { OpName } from './cases.ts';
import type { BenchResults } from './results.ts';

export interface ComparedPoint {
  backend: BackendName;
  op: OpName;
  size: number;
  /** GFLOP/s in the first and second run. */
  first: number;
  second: number;
  /** second / first: above 1, the second run was faster. */
  ratio: number;
}

export function compareRuns(first: BenchResults, second: BenchResults): ComparedPoint[] {
  const key = (r: { backend: string; op: string; size: number }) => `${r.backend}/${r.op}/${r.size}`;
  const earlier = new Map(first.ops.map((r) => [key(r), r.gflops]));
  return second.ops
    .filter((r) => earlier.has(key(r)))
    .map((r) => {
      const before = earlier.get(key(r))!;
      return { backend: r.backend, op: r.op, size: r.size, first: before, second: r.gflops, ratio: r.gflops / before };
    });
}

/** The geometric mean of the ratios (one number for "how much faster overall"), or undefined. */
export function overallRatio(points: readonly ComparedPoint[]): number | undefined {
  if (points.length === 0) return undefined;
  return Math.exp(points.reduce((sum, p) => sum + Math.log(p.ratio), 0) / points.length);
}
