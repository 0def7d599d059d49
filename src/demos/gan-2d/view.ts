/** The 2-D GAN's figure and loss chart, drawn from what the run holds. */
import type { Gan2dSnapshot } from '../../engines/gan2d/gan2d.ts';
import { seriesColor } from '../../views/colors.ts';
import { createGanPlot } from '../../views/gan2d/gan-plot.ts';
import { createLineChart } from '../../views/line-chart.ts';
import { smooth } from './summary.ts';

export interface Gan2dFrame {
  real: Float32Array;
  snapshot: Gan2dSnapshot | undefined;
  arrows: boolean;
  drawn: readonly [number, number][];
  losses: { d: number[]; g: number[] } | undefined;
}

export interface Gan2dView {
  svg: SVGSVGElement;
  draw(frame: Gan2dFrame): void;
}

export function createGan2dView(figure: HTMLElement, side: HTMLElement, o: { size: number; extent: number; gridSize: number; onPick?: (x: number, y: number) => void }): Gan2dView {
  figure.replaceChildren();
  side.replaceChildren();
  const plot = createGanPlot(figure, { size: o.size, extent: o.extent, fakeColor: seriesColor(4), ...(o.onPick ? { onPick: o.onPick } : {}) });
  const chart = createLineChart(side, { width: o.size, height: 170, xLabel: 'step', yLabel: 'loss', label: 'Discriminator and generator loss over training steps' });
  return {
    svg: plot.svg,
    draw({ real, snapshot, arrows, drawn, losses }) {
      plot.update({ real, fake: snapshot?.fake ?? new Float32Array(0), dGrid: snapshot?.dGrid, gridSize: o.gridSize, arrows: arrows ? snapshot?.arrows : undefined, drawn });
      if (!losses) return;
      chart.update([
        { label: 'D loss', color: seriesColor(5), values: smooth(losses.d) },
        { label: 'G loss', color: seriesColor(4), values: smooth(losses.g) },
      ]);
    },
  };
}
