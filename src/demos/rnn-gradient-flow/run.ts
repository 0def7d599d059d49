/**
 * One run of the gradient-flow demo: for each model (tanh RNNs at several weight scales, LSTMs
 * with forget bias 0 and 1), ‖∂L_t/∂h_{t−k}‖ for every k by autodiff in a Web Worker, checked
 * against the notes' backward pass; drawn on a log scale with σ_max(W_hh) beside each curve.
 */
import type { FlowCurve, FlowModel } from '../../engines/char-rnn/gradient-flow.ts';
import { startEngine } from '../../tf/engine-thread.ts';
import { demoEngine } from '../demo-worker.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createLineChart } from '../../views/line-chart.ts';
import { toCsv } from '../export.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { clipNorms, curveSpecs, log10Values } from './curves.ts';
import type { FLOW_SPEC } from './spec.ts';
import { describeAgreement, describeCurve } from './summary.ts';

type Spec = typeof FLOW_SPEC;

export async function createFlowRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  let settings = context.settings;
  const specs = curveSpecs(settings.hidden, settings.length, settings.scale, settings.seed);
  const engine = await startEngine<undefined, FlowModel, FlowCurve>({
    tf: context.tf, backend: context.backend, signal: context.signal, init: undefined,
    ...demoEngine('rnn-gradient-flow', 'Gradient flow'),
  });
  const chartBox = context.part('[data-chart]');
  const legend = context.part('[data-legend]');
  chartBox.replaceChildren();
  const chart = createLineChart(chartBox, { width: fitWidth(chartBox, 280, 640), height: 260, xLabel: 'steps back k', yLabel: 'log₁₀ ‖∂L_t/∂h_{t−k}‖', label: 'Gradient norm against steps back, one line per model' });
  const curves: FlowCurve[] = [];
  const draw = () => {
    const shown = curves.map((c) => (settings.clip ? clipNorms(c.norms, settings.threshold) : { norms: c.norms, factor: 1 }));
    const xs = Array.from({ length: settings.length }, (_, k) => k);
    chart.update(shown.map((s, i) => ({ label: specs[i]!.label, color: specs[i]!.color, values: log10Values(s.norms), xs })));
    legend.replaceChildren(...shown.map((s, i) => {
      const row = document.createElement('li');
      row.style.setProperty('--swatch', specs[i]!.color);
      row.textContent = describeCurve(specs[i]!.label, curves[i]!, settings.length, s.factor);
      return row;
    }));
    if (curves.length === specs.length) context.say(describeAgreement(curves, specs.map((s) => s.label)));
  };
  return {
    async advance() {
      if (curves.length === specs.length) return false;
      context.say(`Measuring ${specs[curves.length]!.label}…`);
      curves.push(await engine.request(specs[curves.length]!.model));
      draw();
      return curves.length < specs.length;
    },
    applySettings(next) {
      settings = next;
      if (curves.length > 0) draw();
    },
    summary: () => curves.length === 0
      ? `${specs.length} models of ${settings.hidden} units, ${settings.length} steps: press Play to measure.`
      : `${curves.length} of ${specs.length} models measured. ${curves.map((c, i) => `${specs[i]!.label}: ${(c.norms[settings.length - 1]! / c.norms[0]!).toExponential(1)} of its k = 0 norm at k = ${settings.length - 1}`).join('; ')}.`,
    exportData: () => ({
      csv: toCsv(['k', ...specs.slice(0, curves.length).map((s) => s.label)], Array.from({ length: settings.length }, (_, k) => [k, ...curves.map((c) => c.norms[k]!)])),
      json: { models: specs.map((s) => s.model), curves },
    }),
    figure: () => chart.svg,
    offThreadTensors: () => engine.offThreadTensors(),
    dispose: () => engine.dispose(),
  };
}
