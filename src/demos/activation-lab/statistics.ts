/**
 * The activation lab's statistics mode: load digits, take one batch through configurations A and B
 * (same weights' N(0,1) draws, same batch), draw each layer's activations and gradients; then
 * the run is done until a setting changes. The sweeps run in a Web Worker where the backend
 * runs there (on wasm one sweep is seconds of work the page would feel), else on the page's
 * thread (data-computes-in: worker or main).
 */
import { standardize, type LabConfig, type LabShape } from '../../engines/activation-lab/network.ts';
import type { SweepInit, SweepRequest } from '../../engines/activation-lab/sweep-engine.ts';
import type { SweepResult } from '../../engines/activation-lab/sweep.ts';
import { yieldToEventLoop } from '../../engines/yield.ts';
import { startEngine } from '../../tf/engine-thread.ts';
import { demoEngine } from '../demo-worker.ts';
import { createLayerHistograms, renderStatsTable } from '../../views/activation-lab/histograms.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { toCsv } from '../export.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import type { ACTIVATION_LAB_SPEC } from './spec.ts';
import { loadDigits } from './digits.ts';
import { describeSweep } from './summary.ts';

type Spec = typeof ACTIVATION_LAB_SPEC;

export async function createStatisticsRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  const { settings: s } = context;
  const configs: Record<'A' | 'B', LabConfig> = {
    A: { activation: s.aActivation, init: s.aInit, batchNorm: s.aBatchNorm, dropout: s.aDropout },
    B: { activation: s.bActivation, init: s.bInit, batchNorm: s.bBatchNorm, dropout: s.bDropout },
  };
  const figure = context.part('[data-figure]');
  const table = context.part<HTMLTableElement>('[data-stats]');
  figure.replaceChildren();
  table.replaceChildren();
  const data = await loadDigits(context);
  const shape: LabShape = { inputs: 784, layers: s.layers, width: s.width, classes: 10, batch: s.batch, seed: s.seed };
  const input: SweepInit = { x: standardize(data.images, 0, s.batch), labels: data.labels.slice(0, s.batch) };
  const engine = await startEngine<SweepInit, SweepRequest, SweepResult>({
    tf: context.tf, backend: context.backend, signal: context.signal, init: input,
    ...demoEngine('activation-lab-sweep', 'Activation lab sweep'),
  });
  context.root.dataset['computesIn'] = engine.where;
  const histograms = createLayerHistograms(figure, { width: fitWidth(figure, 360, 900), layers: s.layers });
  const results: Partial<Record<'A' | 'B', SweepResult>> = {};

  return {
    async advance() {
      // No progress messages: they would replace a notice about a refused setting (data-busy shows the work).
      for (const name of ['A', 'B'] as const) {
        results[name] = await engine.request({ shape, config: configs[name] });
        if (context.signal.aborted) return false;
      }
      const { A, B } = results as Record<'A' | 'B', SweepResult>;
      histograms.update([
        { title: 'A: activations', color: 'var(--sl-color-accent)', layers: A.layers.map((l) => l.activations) },
        { title: 'A: gradients', color: 'var(--sl-color-accent-high)', layers: A.layers.map((l) => l.gradients) },
        { title: 'B: activations', color: '#d95f02', layers: B.layers.map((l) => l.activations) },
        { title: 'B: gradients', color: '#a6480a', layers: B.layers.map((l) => l.gradients) },
      ]);
      // The figure and the table in separate tasks: each is a layout of the page.
      await yieldToEventLoop();
      renderStatsTable(table, [
        { name: 'A', layers: A.layers, tanh: configs.A.activation === 'tanh' },
        { name: 'B', layers: B.layers, tanh: configs.B.activation === 'tanh' },
      ]);
      return false;
    },
    summary() {
      const { A, B } = results;
      if (!A || !B) return 'Computing the statistics…';
      return `${describeSweep('A', configs.A, A.layers, A.loss)} ${describeSweep('B', configs.B, B.layers, B.loss)}`;
    },
    exportData() {
      const rows: (string | number)[][] = [];
      for (const name of ['A', 'B'] as const) results[name]?.layers.forEach((l, i) => rows.push([name, i + 1, l.activations.mean, l.activations.std, l.activations.saturated, l.activations.dead, l.gradients.mean, l.gradients.std]));
      return {
        csv: toCsv(['config', 'layer', 'activation_mean', 'activation_std', 'saturated', 'dead', 'gradient_mean', 'gradient_std'], rows),
        json: { shape, configs, results },
      };
    },
    figure: () => histograms.svg,
    offThreadTensors: () => engine.offThreadTensors(),
    dispose() {
      engine.dispose();
      delete context.root.dataset['computesIn'];
    },
  };
}
