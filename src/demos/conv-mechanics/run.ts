/**
 * One run of the convolution-mechanics demo. It builds the layer from the settings (seeded input
 * and filters), computes the output with tfjs on the page's backend, checks it against the
 * plain-TS reference, and draws it. Playing slides the window over the output cells; clicking a
 * cell or moving with the keyboard pauses and shows that cell's dot product. A settings change
 * rebuilds the layer in place (no restart), keeping the selected cell where it still exists.
 */
import { buildLayer, computeLayer, referenceOutput, windowTerms, type LayerMode, type LayerSettings, type MechanicsLayer } from '../../engines/conv/layer.ts';
import { formatNumber } from '../../engines/conv/size-text.ts';
import { BACKEND_LABELS } from '../../tf/types.ts';
import { createMechanicsFigure, type OutputCell } from '../../views/conv-mechanics/mechanics-figure.ts';
import { renderLayerFormula, renderWindowTerms } from '../../views/conv-mechanics/panels.ts';
import { toCsv } from '../export.ts';
import type { Settings } from '../settings.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { cellAt, cellCount, cellIndex, clampCell, moveCell, type OutputDims } from './cursor.ts';

/** Layers up to this size are also computed whole by the reference, to check every output. */
const REFERENCE_LIMIT = 5e6;

export function layerSettings(settings: Settings): LayerSettings {
  const n = (key: string) => Number(settings[key]);
  const mode = String(settings['mode']);
  return {
    mode: (mode === 'max' || mode === 'avg' ? mode : 'conv') as LayerMode,
    width: n('width'),
    height: n('height'),
    depth: n('depth'),
    filters: n('filters'),
    size: n('size'),
    stride: n('stride'),
    pad: n('pad'),
    dilation: n('dilation'),
    seed: n('seed'),
  };
}

export async function createConvMechanicsRun(context: DemoContext): Promise<DemoRun> {
  const part = (selector: string): HTMLElement => {
    const element = context.root.querySelector<HTMLElement>(selector);
    if (!element) throw new Error(`the convolution-mechanics shell has no ${selector}`);
    return element;
  };
  const figureBox = part('[data-figure]');
  const formulaBox = part('[data-formula]');
  const windowBox = part('[data-window]');
  const announce = part('[data-announce]');
  const summaryBox = context.root.querySelector<HTMLElement>('[data-summary]');
  figureBox.replaceChildren();
  // On main-thread backends a big layer is computed a few filters per task (tf-conv.ts).
  const multiplyAddsPerTask = context.backend === 'cpu' ? 2e6 : context.backend === 'wasm' ? 20e6 : Number.POSITIVE_INFINITY;
  const backendLabel = BACKEND_LABELS[context.backend];

  let settings = context.settings;
  let layer: MechanicsLayer = buildLayer(layerSettings(settings));
  let output: Float32Array | undefined;
  let check: { outputs: number; largestDifference: number } | undefined;
  let computeMs = 0;
  let cell: OutputCell | undefined;
  let version = 0;
  let disposed = false;
  let lastMove = performance.now();

  const figure = createMechanicsFigure(figureBox, {
    width: Math.round(Math.min(720, Math.max(300, figureBox.clientWidth || 720))),
    onPick: (picked) => {
      context.pause();
      show(picked, true);
    },
  });

  const dims = (): OutputDims => ({ maps: layer.shape.depth, rows: layer.shape.height.positions, cols: layer.shape.width.positions });

  function show(next: OutputCell | undefined, byReader: boolean): void {
    cell = next;
    figure.select(cell);
    if (!cell) {
      windowBox.replaceChildren();
      windowBox.textContent = 'No output to select.';
      return;
    }
    const d = dims();
    const terms = windowTerms(layer, cell.k, cell.i, cell.j);
    const computed = output?.[(cell.i * d.cols + cell.j) * d.maps + cell.k];
    renderWindowTerms(windowBox, layer, cell, terms, computed, backendLabel);
    if (byReader) announce.textContent = `Output o[${cell.i},${cell.j},${cell.k}] = ${formatNumber(terms.value)}.`;
  }

  async function rebuild(): Promise<void> {
    const mine = ++version;
    layer = buildLayer(layerSettings(settings));
    output = undefined;
    check = undefined;
    renderLayerFormula(formulaBox, layer);
    figure.render(layer, undefined);
    const d = dims();
    show(cellCount(d) > 0 ? clampCell(cell ?? { k: 0, i: 0, j: 0 }, d) : undefined, false);
    // The element refreshes the summary while playing; a paused or finished run refreshes it here.
    if (!layer.computable) {
      if (summaryBox) summaryBox.textContent = summary();
      return;
    }
    const started = performance.now();
    const result = await computeLayer(context.tf, layer, { multiplyAddsPerTask });
    if (mine !== version || disposed) return;
    if (result.height !== d.rows || result.width !== d.cols || result.depth !== d.maps) {
      throw new Error(`tfjs returned ${result.width}×${result.height}×${result.depth}, the rule says ${d.cols}×${d.rows}×${d.maps}`);
    }
    computeMs = performance.now() - started;
    output = result.data;
    if (layer.shape.multiplyAdds <= REFERENCE_LIMIT) {
      const reference = referenceOutput(layer).data;
      let largestDifference = 0;
      for (let n = 0; n < reference.length; n++) largestDifference = Math.max(largestDifference, Math.abs(reference[n]! - output[n]!));
      check = { outputs: reference.length, largestDifference };
    }
    figure.render(layer, output);
    show(cell, false);
    if (summaryBox) summaryBox.textContent = summary();
  }

  function summary(): string {
    const s = layer.settings;
    const { shape } = layer;
    const what = s.mode === 'conv' ? `${s.filters} filter${s.filters > 1 ? 's' : ''} of ${s.size}×${s.size}×${s.depth}` : `${s.mode === 'max' ? 'max' : 'average'} pooling over ${s.size}×${s.size} windows`;
    const parts = [`Input ${s.width}×${s.height}×${s.depth}, ${what}, stride ${s.stride}, padding ${s.pad}${layer.dilation > 1 ? `, dilation ${layer.dilation}` : ''}: output ${shape.width.positions}×${shape.height.positions}×${shape.depth}.`];
    if (layer.problems.length > 0) parts.push('It does not fit as set: see the note under the formula.');
    if (output) parts.push(`Computed in ${Math.round(computeMs)} ms on ${backendLabel}.`);
    if (check) parts.push(`All ${formatNumber(check.outputs)} outputs match the plain-TS reference (largest difference ${check.largestDifference.toExponential(1)}).`);
    return parts.join(' ');
  }

  let building = rebuild();
  await building;

  const onKey = (event: KeyboardEvent) => {
    if (!cell) return;
    const next = moveCell(cell, event.key, dims());
    if (!next) return;
    event.preventDefault();
    context.pause();
    show(next, true);
  };
  figureBox.addEventListener('keydown', onKey);

  return {
    async advance(steps) {
      await building;
      const total = cellCount(dims());
      if (total === 0) return false;
      if (steps <= 0) return true;
      lastMove = performance.now();
      const index = (cell ? cellIndex(cell, dims()) : -1) + steps;
      show(cellAt(Math.min(index, total - 1), dims()), false);
      return index < total - 1;
    },
    // Zero while the window waits for its next move: `speed` positions per second.
    stepsPerFrame() {
      const speed = Number(settings['speed']) || 2;
      const due = Math.floor(((performance.now() - lastMove) * speed) / 1000);
      return Math.min(due, Math.max(1, Math.ceil(speed / 20)));
    },
    applySettings(next) {
      const before = JSON.stringify(layerSettings(settings));
      settings = next;
      if (JSON.stringify(layerSettings(settings)) !== before) {
        building = rebuild().catch((error: unknown) => context.say(`Could not compute this layer: ${(error as Error).message}`));
      }
    },
    summary,
    exportData() {
      const d = dims();
      const reference = layer.computable && layer.shape.multiplyAdds <= REFERENCE_LIMIT ? referenceOutput(layer).data : undefined;
      const rows: (string | number)[][] = [];
      if (output) for (let n = 0; n < cellCount(d); n++) {
        const { k, i, j } = cellAt(n, d);
        const at = (i * d.cols + j) * d.maps + k;
        rows.push([k, i, j, output[at]!, reference ? reference[at]! : '']);
      }
      return {
        csv: toCsv(['map', 'row', 'column', 'tfjs', 'reference'], rows),
        json: {
          layer: layer.settings,
          shape: { width: layer.shape.width, height: layer.shape.height, depth: layer.shape.depth, parameters: layer.shape.parameters, multiplyAdds: layer.shape.multiplyAdds },
          problems: layer.problems,
          input: { layout: 'height × width × depth', data: Array.from(layer.input.data) },
          filters: layer.bank && { layout: 'F × F × D × K', weights: Array.from(layer.bank.weights), bias: Array.from(layer.bank.bias) },
          output: output && { layout: 'height × width × depth', data: Array.from(output) },
        },
      };
    },
    figure: () => figure.svg,
    dispose() {
      disposed = true;
      version++;
      figureBox.removeEventListener('keydown', onKey);
    },
  };
}
