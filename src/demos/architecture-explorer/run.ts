/**
 * One run of the architecture explorer: the accounting of the chosen network (and of a second to
 * compare) computed from its spec, drawn as totals, per-layer bars, a cumulative chart and a
 * sortable table; "Time it here" runs one forward pass on the reader's backend, off the page's
 * thread where it can.
 */
import { analyzeArchitecture, ArchitectureError, type ArchitectureReport } from '../../engines/architectures/analyze.ts';
import { architectureById, type ArchitectureId } from '../../engines/architectures/zoo.ts';
import { isAbort } from '../../tf/slices.ts';
import { BACKEND_LABELS } from '../../tf/types.ts';
import { toCsv } from '../export.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import type { ARCHITECTURE_EXPLORER_SPEC } from './spec.ts';
import { describeExplorer, describeTiming } from './summary.ts';
import { timeForwardPass } from './timing.ts';
import { createExplorerViews } from './views.ts';

type Spec = typeof ARCHITECTURE_EXPLORER_SPEC;

export async function createArchitectureExplorerRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  let settings = context.settings;
  // A new run: what the last one said (an input that did not fit) no longer holds.
  context.say('');
  const views = createExplorerViews(context);
  const button = context.part<HTMLButtonElement>('[data-time]');
  const output = context.part('[data-timing]');
  const ids = [settings.network, settings.compare].filter((id, i, all): id is ArchitectureId => id !== 'none' && all.indexOf(id) === i);
  let reports: ArchitectureReport[] = [];
  let timing: { text: string; record: object } | undefined;

  const time = async () => {
    const report = reports[0];
    if (!report) return;
    if (report.architecture.id === 'vgg16' && !settings.heavy) return context.say('VGG-16 is heavy (553 MB of weights, 15.5 G multiply-adds per pass): tick "Allow timing VGG-16" to time it.');
    button.disabled = true;
    context.say(`Timing one forward pass of ${report.architecture.name} on ${BACKEND_LABELS[context.backend]}…`);
    try {
      const reply = await timeForwardPass(context, { architecture: report.architecture.id as ArchitectureId, input: report.input, seed: settings.seed });
      const text = describeTiming(report.architecture.name, BACKEND_LABELS[context.backend], report.totals.macs, reply, reply.where);
      timing = { text, record: { architecture: report.architecture.id, backend: context.backend, macs: report.totals.macs, ...reply } };
      output.textContent = text;
      context.say('');
    } catch (error) {
      if (!isAbort(error)) context.say(`Timing ${report.architecture.name} failed on ${BACKEND_LABELS[context.backend]}: ${(error as Error).message}. The counts above do not depend on it.`);
    } finally {
      button.disabled = false;
    }
  };
  const onClick = () => context.track(time());
  button.addEventListener('click', onClick);
  button.disabled = false;

  return {
    async advance() {
      try {
        reports = ids.map((id) => analyzeArchitecture(architectureById(id), settings.input > 0 ? [settings.input, settings.input, 3] : undefined));
      } catch (error) {
        if (!(error instanceof ArchitectureError)) throw error;
        reports = [];
        context.say(`${error.message} (Input side ${settings.input}.)`);
      }
      views.draw(reports, settings.metric, settings.sort);
      return false;
    },
    applySettings(next) {
      settings = next;
      views.draw(reports, settings.metric, settings.sort);
    },
    summary: () => describeExplorer(reports, timing?.text),
    exportData: () => ({
      csv: toCsv(['network', 'layer', 'block', 'kind', 'output', 'params', 'macs', 'activations'], reports.flatMap((r) => r.rows.map((row) => [r.architecture.id, row.name, row.block, row.kind, row.output.join('x'), row.params, row.macs, row.activations]))),
      json: { reports: reports.map((r) => ({ id: r.architecture.id, input: r.input, totals: r.totals, rows: r.rows })), timing: timing?.record },
    }),
    figure: () => views.svg,
    dispose() {
      button.removeEventListener('click', onClick);
      button.disabled = true;
    },
  };
}
