/** The spiral demo's views: the decision map, the loss and accuracy curves, the point's path panel. */
import type { SpiralModel } from '../../engines/spiral/spiral-trainer.ts';
import { EXTENT } from '../../engines/spiral/spiral-trainer.ts';
import { createDecisionMap, type DecisionMapData } from '../../views/spiral/decision-map.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createLineChart } from '../../views/line-chart.ts';
import type { DemoContext } from '../types.ts';
import type { SPIRAL_SPEC } from './spec.ts';
import type { PathRow } from './summary.ts';

type History = Record<SpiralModel, { losses: number[]; accuracies: number[] }>;
const COLORS = { linear: '#999999', net: 'var(--sl-color-accent)' };
const NAMES = { linear: 'softmax linear', net: '2-layer net' };

export function createSpiralViews(context: DemoContext<typeof SPIRAL_SPEC>, onClick: (x: number, y: number, nearest: number | undefined) => void) {
  const figure = context.part('[data-figure]');
  const charts = context.part('[data-chart]');
  const panel = context.part('[data-inspect]');
  figure.replaceChildren();
  charts.replaceChildren();
  const size = fitWidth(figure, 260, 420);
  const map = createDecisionMap(figure, { size, extent: EXTENT, onClick });
  const chartWidth = fitWidth(charts, 260, 420);
  const loss = createLineChart(charts, { width: chartWidth, height: 150, xLabel: 'step', yLabel: 'loss', log: true, label: 'Training loss of both models' });
  const accuracy = createLineChart(charts, { width: chartWidth, height: 150, xLabel: 'step', yLabel: 'training accuracy', label: 'Training accuracy of both models' });
  const series = (history: History, key: 'losses' | 'accuracies') =>
    (['linear', 'net'] as const).map((model) => ({ label: NAMES[model], color: COLORS[model], ...thin(history[model][key]) }));
  return {
    svg: map.svg,
    draw(data: DecisionMapData, history: History | undefined) {
      map.update(data);
      if (history) {
        loss.update(series(history, 'losses'));
        accuracy.update(series(history, 'accuracies'));
      }
    },
    inspect(rows: readonly PathRow[]) {
      panel.hidden = rows.length === 0;
      panel.replaceChildren();
      if (rows.length === 0) return;
      const table = document.createElement('table');
      const head = table.createTHead().insertRow();
      for (const text of ['stage', 'value (forward)', 'gradient ∂Lᵢ/∂ (backward, this point\'s loss)']) head.append(Object.assign(document.createElement('th'), { textContent: text, scope: 'col' }));
      const body = table.createTBody();
      for (const row of rows) {
        const tr = body.insertRow();
        tr.dataset['stage'] = row.stage;
        tr.append(Object.assign(document.createElement('th'), { textContent: row.stage, scope: 'row' }));
        tr.insertCell().textContent = row.value;
        tr.insertCell().textContent = row.gradient;
      }
      panel.append(table);
    },
  };
}

/** At most ~500 points per curve: every k-th value (a curve of 10,000 steps redrawn each round). */
function thin(values: readonly number[]): { values: number[]; xs: number[] } {
  const every = Math.max(1, Math.ceil(values.length / 500));
  const xs: number[] = [];
  for (let i = 0; i < values.length; i += every) xs.push(i);
  return { values: xs.map((i) => values[i]!), xs };
}
