/**
 * The race's views: training loss of both nets step by step, held-out accuracy at each
 * evaluation, and the gradient norm of every main-path layer (log scale) at step 0 (dashed) and
 * at the latest reading: in a deep plain net it fades toward the input, in the residual net not.
 */
import type { NetKind } from '../../engines/residual-race/race-net.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createLineChart } from '../../views/line-chart.ts';
import type { DemoContext } from '../types.ts';
import type { RESIDUAL_RACE_SPEC } from './spec.ts';
import type { RaceHistory } from './training.ts';

export const NET_COLORS: Record<NetKind, string> = { plain: '#D55E00', residual: '#0072B2' };
const KINDS: NetKind[] = ['plain', 'residual'];

export function createRaceViews(context: DemoContext<typeof RESIDUAL_RACE_SPEC>) {
  const figure = context.part('[data-figure]');
  const side = context.part('[data-chart]');
  figure.replaceChildren();
  side.replaceChildren();
  const width = fitWidth(figure, 280, 460);
  const sideWidth = fitWidth(side, 280, 460);
  const loss = createLineChart(figure, { width, height: 200, xLabel: 'step', yLabel: 'training loss', label: 'Training loss of the plain and the residual net' });
  const accuracy = createLineChart(figure, { width, height: 140, xLabel: 'step', yLabel: 'held-out accuracy', label: 'Held-out accuracy of both nets' });
  const norms = createLineChart(side, { width: sideWidth, height: 240, xLabel: 'layer (input → output)', yLabel: '‖∂L/∂W‖', log: true, label: 'Gradient norm of each layer at step 0 and at the latest reading' });
  const note = side.appendChild(document.createElement('p'));
  note.className = 'race-note';
  return {
    svg: loss.svg,
    draw(history: RaceHistory) {
      loss.update(KINDS.map((k) => ({ label: k, color: NET_COLORS[k], values: history.losses[k] })));
      const steps = history.accuracies.map((a) => a.step);
      accuracy.update(KINDS.map((k) => ({ label: k, color: NET_COLORS[k], values: history.accuracies.map((a) => a[k]), xs: steps })));
      const first = history.norms[0];
      const last = history.norms.at(-1);
      const layerXs = history.layers.map((_, i) => i + 1);
      norms.update([
        ...(first ? KINDS.map((k) => ({ label: `${k}, step 0`, color: NET_COLORS[k], values: first.norms[k], xs: layerXs, dashed: true })) : []),
        ...(last && last !== first ? KINDS.map((k) => ({ label: `${k}, step ${last.step}`, color: NET_COLORS[k], values: last.norms[k], xs: layerXs })) : []),
      ]);
      note.textContent = last ? `Dashed: step 0. Solid: step ${last.step}. Orange: plain; blue: residual.` : '';
    },
  };
}
