/**
 * One run of the backend benchmark: each advance measures (or skips) one case on one backend,
 * in that backend's worker (suite-thread.ts), and redraws the chart and tables. The run waits
 * for the reader's Play or Step: a benchmark loads the machine for up to a minute or more.
 */
import { OP_LABELS, SIZE_LABELS, suiteCases } from '../../engines/backend-bench/cases.ts';
import { createThroughputChart } from '../../views/backend-bench/throughput-chart.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { toCsv } from '../export.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { chartLines, chartMarks, sizesOf } from './chart-data.ts';
import { wireComparison } from './compare-files.ts';
import { backendsToMeasure, type BACKEND_BENCH_SPEC } from './spec.ts';
import { createSuite } from './suite.ts';
import { benchLimits, startBenchThread } from './suite-thread.ts';
import { describeBench } from './summary.ts';
import { showNotes, showOpRows, showTrainRows } from './tables.ts';

type Spec = typeof BACKEND_BENCH_SPEC;

export async function createBackendBenchRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  const { settings, signal } = context;
  let show = settings.show;
  const suite = createSuite({
    backends: backendsToMeasure(settings.backends, context.backend),
    cases: suiteCases(settings.largest),
    userAgent: navigator.userAgent,
    start: (backend) => startBenchThread(context, backend),
    limits: (backend, where) => benchLimits(settings, backend, where),
    now: () => performance.now(),
  });
  const figure = context.part('[data-figure]');
  figure.replaceChildren();
  const width = fitWidth(figure, 300, 720);
  const chart = createThroughputChart(figure, { width, height: Math.round(Math.min(380, width * 0.62)), label: 'Throughput in GFLOP/s against problem size, per backend' });
  const compare = wireComparison({ input: context.part('[data-compare-file]'), clear: context.part('[data-compare-clear]'), sentence: context.part('[data-compare-summary]') }, { signal, current: () => suite.results, say: context.say, changed: () => draw() });
  let done = false;
  let readerAsked = false;
  // Play and Step are the reader's: only then does the loop's advance measure.
  context.root.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('[data-action="play"], [data-action="step"]')) readerAsked = true;
  }, { signal });

  const draw = () => {
    chart.update({ lines: chartLines(suite.results, compare.saved, show), marks: chartMarks(suite.results, show), sizes: sizesOf(show, settings.largest), xLabel: `${OP_LABELS[show]}: ${SIZE_LABELS[show]}`, empty: 'No measurements yet: press Play (or Step for one case).' });
    context.part('[data-op-caption]').textContent = `${OP_LABELS[show]}: every measurement (median of ${settings.repeats} timed runs)`;
    showOpRows(context.part('[data-op-rows]'), suite.results, show);
    showTrainRows(context.part('[data-train-rows]'), suite.results);
    showNotes({ list: context.part('[data-notes]'), skipped: context.part('[data-skipped]'), skippedBox: context.part('[data-skipped-box]'), skippedSummary: context.part('[data-skipped-summary]') }, suite.results);
    compare.refresh();
  };
  draw();
  if (settings.largest & (settings.largest - 1)) context.say(`Matrix sizes run in powers of two: up to ${sizesOf('matmul', settings.largest).at(-1)} (largest ${settings.largest}).`);

  return {
    async advance(steps, source) {
      if (source === 'loop' && !readerAsked) {
        context.pause();
        context.say('Ready: press Play to measure every case, or Step for one. Each backend takes up to its time budget.');
        return true;
      }
      for (let i = 0; i < steps && !done; i++) done = !(await suite.next());
      draw();
      return !done;
    },
    applySettings(next) {
      show = next.show;
      draw();
    },
    summary: () => describeBench(suite.results, { current: suite.current, done, op: show }),
    exportData: () => ({
      csv: toCsv(['backend', 'op', 'size', 'flops', 'wall_ms', 'kernel_ms', 'gflops'], suite.results.ops.map((r) => [r.backend, r.op, r.size, r.flops, r.wallMs, r.kernelMs ?? Number.NaN, r.gflops])),
      json: suite.results,
    }),
    figure: () => chart.svg,
    offThreadTensors: () => suite.offThreadTensors(),
    dispose: () => suite.dispose(),
  };
}
