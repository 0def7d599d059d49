/**
 * One run of the convolution-mechanics demo. It builds the layer from the settings (seeded input
 * and filters), computes the output with tfjs on the page's backend, checks it against the
 * plain-TS reference, and draws it. Playing slides the window over the output cells; clicking a
 * cell or moving with the keyboard pauses and shows that cell's dot product. A settings change
 * rebuilds the layer in place (no restart), keeping the selected cell where it still exists.
 */
import { buildLayer, type MechanicsLayer } from '../../engines/conv/layer.ts';
import { BACKEND_LABELS } from '../../tf/types.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createMechanicsFigure } from '../../views/conv-mechanics/mechanics-figure.ts';
import { renderLayerFormula } from '../../views/conv-mechanics/panels.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { computeChecked, type ComputedLayer } from './compute.ts';
import { cellAt, cellCount, cellIndex, outputDims } from './cursor.ts';
import { exportLayer } from './layer-export.ts';
import type { CONV_MECHANICS_SPEC } from './spec.ts';
import { describeLayer, layerSettings } from './summary.ts';
import { createWindowPanel } from './window-panel.ts';

type Spec = typeof CONV_MECHANICS_SPEC;

/** On main-thread backends a big layer is computed a few filters per task (tf-conv.ts). */
const MULTIPLY_ADDS_PER_TASK = { cpu: 2e6, wasm: 20e6, webgl: Number.POSITIVE_INFINITY, webgpu: Number.POSITIVE_INFINITY };

export async function createConvMechanicsRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  const { signal, backend } = context;
  const figureBox = context.part('[data-figure]');
  const formulaBox = context.part('[data-formula]');
  const summaryBox = context.part('[data-summary]');
  figureBox.replaceChildren();

  let settings = context.settings;
  let layer: MechanicsLayer = buildLayer(layerSettings(settings));
  let computed: ComputedLayer | undefined;
  let version = 0;
  let lastMove = performance.now();
  const figure = createMechanicsFigure(figureBox, { width: fitWidth(figureBox, 300, 720), onPick: (picked) => {
    context.pause();
    panel.show(picked, true);
  } });
  const panel = createWindowPanel({ figure, figureBox, panel: context.part('[data-window]'), announce: context.part('[data-announce]'), backendLabel: BACKEND_LABELS[backend], layer: () => layer, output: () => computed?.output, onKey: () => context.pause() });
  const summary = () => describeLayer(layer, backend, computed);

  // The element refreshes the summary while playing; a paused or finished run refreshes it here.
  async function rebuild(): Promise<void> {
    const mine = ++version;
    layer = buildLayer(layerSettings(settings));
    computed = undefined;
    renderLayerFormula(formulaBox, layer);
    figure.render(layer, undefined);
    panel.keep();
    if (layer.computable) {
      const result = await computeChecked(context.tf, layer, { multiplyAddsPerTask: MULTIPLY_ADDS_PER_TASK[backend], signal });
      if (mine !== version) return;
      computed = result;
      figure.render(layer, computed.output);
      panel.show(panel.cell, false);
    }
    summaryBox.textContent = summary();
  }
  let building = rebuild();
  await building;

  return {
    async advance(steps) {
      await building;
      const dims = outputDims(layer);
      const total = cellCount(dims);
      if (total === 0) return false;
      if (steps <= 0) return true;
      lastMove = performance.now();
      const index = (panel.cell ? cellIndex(panel.cell, dims) : -1) + steps;
      panel.show(cellAt(Math.min(index, total - 1), dims), false);
      return index < total - 1;
    },
    // Zero while the window waits for its next move: `speed` positions per second.
    stepsPerFrame() {
      const due = Math.floor(((performance.now() - lastMove) * settings.speed) / 1000);
      return Math.min(due, Math.max(1, Math.ceil(settings.speed / 20)));
    },
    applySettings(next) {
      const before = JSON.stringify(layerSettings(settings));
      settings = next;
      if (JSON.stringify(layerSettings(settings)) === before) return;
      building = rebuild().catch((error: unknown) => {
        if (!signal.aborted) context.say(`Could not compute this layer: ${(error as Error).message}`);
      });
    },
    summary,
    exportData: () => exportLayer(layer, computed?.output),
    figure: () => figure.svg,
    dispose() {
      version++;
      panel.dispose();
    },
  };
}
