/** The explorer's readouts, as pure functions of what the run knows (unit-tested). */
import type { ArchitectureReport } from '../../engines/architectures/analyze.ts';
import type { TimingReply } from '../../engines/architectures/timing-engine.ts';

/** 60,965,224 → "61.0 M"; 1,582,671,872 → "1.58 G". */
export function formatAmount(n: number): string {
  for (const [unit, scale] of [['G', 1e9], ['M', 1e6], ['k', 1e3]] as const) {
    if (n >= scale) return `${(n / scale).toPrecision(3)} ${unit}`;
  }
  return String(n);
}

export const formatMegabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Parameters, multiply-adds and the memory of one report, in one sentence. */
export function describeReport(report: ArchitectureReport): string {
  const { totals, architecture, input } = report;
  return `${architecture.name} on ${input.join('×')}: ${totals.depth} layers with weights, ${formatAmount(totals.params)} parameters, ${formatAmount(totals.macs)} multiply-adds, ${formatAmount(totals.activations)} activations (${formatMegabytes(totals.forwardBytes)} for a forward pass, ${formatMegabytes(totals.trainingBytes)} to train, weights included).`;
}

/** Where the parameters and the work sit: the share of fully connected layers. */
export function describeShares(report: ArchitectureReport): string {
  const fc = report.rows.filter((r) => r.kind === 'fc');
  const share = (key: 'params' | 'macs') => fc.reduce((s, r) => s + r[key], 0) / Math.max(1, report.totals[key]);
  return `Fully connected layers hold ${(100 * share('params')).toFixed(0)}% of its parameters and do ${(100 * share('macs')).toFixed(1)}% of its multiply-adds.`;
}

/** A timing in words: both passes and the rate (a multiply-add is two floating-point operations). */
export function describeTiming(name: string, backend: string, macs: number, timing: TimingReply, where: 'worker' | 'main'): string {
  const rate = (2 * macs) / (timing.warmMs * 1e6);
  return `${name} on ${backend}, ${where === 'worker' ? 'in a Web Worker' : 'on the page\'s thread'}: weights built in ${Math.round(timing.buildMs)} ms; first pass ${Math.round(timing.coldMs)} ms (kernels compiled, memory allocated), second pass ${Math.round(timing.warmMs)} ms: ${rate.toFixed(2)} GFLOP/s (2 × ${formatAmount(macs)} multiply-adds per pass).`;
}

export function describeExplorer(reports: readonly ArchitectureReport[], timing: string | undefined): string {
  const [first, second] = reports;
  if (!first) return 'Choose a network.';
  const ratio = second ? ` ${second.architecture.name}: ${formatAmount(second.totals.params)} parameters, ${formatAmount(second.totals.macs)} multiply-adds (${(second.totals.macs / first.totals.macs).toFixed(2)}× the work).` : '';
  return [`${describeReport(first)} ${describeShares(first)}${ratio}`, timing ?? ''].filter(Boolean).join(' ');
}
