/**
 * The activation lab's training figure: the training loss of A and B (log scale, with ln 10 the
 * loss of a uniform guess), their accuracy on the evaluation digits, and each layer's
 * update/weight ratio at the last step against the ~1e-3 the notes suggest; plus a table of the
 * ratios and the initial losses (data-value on each cell: what tests read).
 */
import { formatRatio, formatValue } from '../../demos/activation-lab/summary.ts';
import { createLineChart } from '../line-chart.ts';

export const RATIO_BAND = 1e-3;
const GUIDE = '#999999';

export interface TrainingChartsData {
  names: readonly string[];
  colors: readonly string[];
  losses: readonly (readonly number[])[];
  evaluations: readonly { step: number; accuracies: readonly number[] }[];
  ratios: readonly (readonly number[])[];
}

/** Which colour is which configuration, and what the dashed lines are. */
function legend(names: readonly string[], colors: readonly string[]): HTMLElement {
  const line = document.createElement('p');
  line.className = 'activation-lab-legend';
  names.forEach((name, k) => {
    const swatch = Object.assign(document.createElement('span'), { textContent: `━ ${name}  ` });
    swatch.style.color = colors[k]!;
    line.append(swatch);
  });
  line.append('┅ ln 10 (loss), 10⁻³ (ratio)');
  return line;
}

export function createTrainingCharts(container: HTMLElement, table: HTMLTableElement, options: { width: number; accuracyLabel: string; names: readonly string[]; colors: readonly string[] }) {
  const { width } = options;
  container.replaceChildren(legend(options.names, options.colors));
  const chartWidth = Math.max(260, Math.min(420, Math.floor(width / 2) - 8));
  const loss = createLineChart(container, { width: chartWidth, height: 170, xLabel: 'step', yLabel: 'training loss', log: true, label: 'Training loss of A and B, with ln 10 dashed' });
  const accuracy = createLineChart(container, { width: chartWidth, height: 170, xLabel: 'step', yLabel: options.accuracyLabel, label: `A and B: ${options.accuracyLabel}` });
  const ratio = createLineChart(container, { width: chartWidth, height: 170, xLabel: 'layer (the last: the classifier)', yLabel: '‖ΔW‖ / ‖W‖', log: true, label: 'Update/weight ratio per layer at the last step, with 1e-3 dashed' });
  return {
    svg: loss.svg,
    update(data: TrainingChartsData) {
      const steps = Math.max(1, ...data.losses.map((l) => l.length));
      loss.update([
        ...data.names.map((name, k) => ({ label: name, color: data.colors[k]!, values: data.losses[k]! })),
        { label: 'ln 10', color: GUIDE, values: [Math.log(10), Math.log(10)], xs: [0, steps - 1], dashed: true },
      ]);
      const xs = data.evaluations.map((e) => e.step);
      accuracy.update(data.names.map((name, k) => ({ label: name, color: data.colors[k]!, values: data.evaluations.map((e) => e.accuracies[k]!), xs })));
      const layers = data.ratios[0]?.length ?? 0;
      const layerXs = Array.from({ length: layers }, (_, l) => l + 1);
      ratio.update([
        ...data.names.map((name, k) => ({ label: name, color: data.colors[k]!, values: data.ratios[k] ?? [], xs: layerXs })),
        ...(layers > 0 ? [{ label: '1e-3', color: GUIDE, values: [RATIO_BAND, RATIO_BAND], xs: [1, layers], dashed: true }] : []),
      ]);
      renderRatioTable(table, data);
    },
  };
}

function cell(text: string, stat: string, value: number): HTMLTableCellElement {
  const td = Object.assign(document.createElement('td'), { textContent: text });
  td.dataset['stat'] = stat;
  td.dataset['value'] = String(value);
  return td;
}

function renderRatioTable(table: HTMLTableElement, data: TrainingChartsData) {
  const head = document.createElement('tr');
  for (const text of ['', ...data.names]) head.append(Object.assign(document.createElement('th'), { textContent: text, scope: 'col' }));
  const rows: HTMLTableRowElement[] = [];
  const initial = document.createElement('tr');
  initial.dataset['row'] = 'initial-loss';
  initial.append(Object.assign(document.createElement('th'), { textContent: 'initial loss (ln 10 = 2.303)', scope: 'row' }));
  data.names.forEach((name, k) => {
    const first = data.losses[k]![0];
    initial.append(first === undefined ? document.createElement('td') : cell(first.toFixed(3), `${name}-initial-loss`, first));
  });
  const now = document.createElement('tr');
  now.dataset['row'] = 'loss';
  now.append(Object.assign(document.createElement('th'), { textContent: 'training loss now', scope: 'row' }));
  data.names.forEach((name, k) => {
    const last = data.losses[k]!.at(-1);
    now.append(last === undefined ? document.createElement('td') : cell(formatValue(last), `${name}-loss`, last));
  });
  rows.push(initial, now);
  (data.ratios[0] ?? []).forEach((_, l) => {
    const row = document.createElement('tr');
    row.dataset['layer'] = String(l + 1);
    const last = l === data.ratios[0]!.length - 1;
    row.append(Object.assign(document.createElement('th'), { textContent: `‖ΔW‖/‖W‖, ${last ? 'classifier' : `layer ${l + 1}`}`, scope: 'row' }));
    data.names.forEach((name, k) => {
      const value = data.ratios[k]![l]!;
      row.append(cell(formatRatio(value), `${name}-ratio`, value));
    });
    rows.push(row);
  });
  table.replaceChildren(document.createElement('thead'), document.createElement('tbody'));
  table.tHead!.append(head);
  table.tBodies[0]!.append(...rows);
}
