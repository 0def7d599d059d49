/** The segmentation demo's views: transposed-convolution mechanics, the scene with its masks, the loss curve. */
import { convMatrix, resizeThenConv, transposedConv, transposedOutputSide, type ConvGeometry } from '../../engines/segmentation/transposed-conv.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createLineChart } from '../../views/line-chart.ts';
import { createMaskFigure } from '../../views/segmentation/masks.ts';
import { createMechanics } from '../../views/segmentation/mechanics.ts';
import type { DemoContext } from '../types.ts';
import type { SEGMENTATION_SPEC } from './spec.ts';
import { describeClassIous, describeMechanics } from './summary.ts';

export function createSegmentationViews(context: DemoContext<typeof SEGMENTATION_SPEC>) {
  const mechanicsBox = context.part('[data-mechanics]');
  const figure = context.part('[data-figure]');
  const charts = context.part('[data-chart]');
  const mechanicsText = context.part('[data-mechanics-text]');
  const iouText = context.part('[data-iou-text]');
  for (const part of [mechanicsBox, figure, charts]) part.replaceChildren();
  const mechanics = createMechanics(mechanicsBox, { width: fitWidth(mechanicsBox, 300, 560) });
  const masks = createMaskFigure(figure, { width: fitWidth(figure, 280, 420) });
  const loss = createLineChart(charts, { width: fitWidth(charts, 240, 400), height: 150, xLabel: 'step', yLabel: 'training loss', log: true, label: 'Training loss of the encoder-decoder' });
  return {
    svg: masks.svg,
    /** Draws the mechanics for input side m; the all-ones input and kernel make each output cell a count. */
    mechanics(m: number, g: ConvGeometry) {
      const ones = (k: number) => new Float64Array(k).fill(1);
      const counts = transposedConv(ones(m * m), m, ones(g.kernel * g.kernel), g);
      const n = transposedOutputSide(m, g);
      mechanics.update({ m, n, counts, resizedSide: m * g.stride, resized: resizeThenConv(ones(m * m), m, ones(g.kernel * g.kernel), g.stride, g.kernel), matrix: convMatrix(n, ones(g.kernel * g.kernel), g) });
      mechanicsText.textContent = describeMechanics(m, g, counts);
    },
    masks: masks.update,
    curves(losses: readonly number[], perClass: readonly (number | undefined)[] | undefined) {
      loss.update([{ label: 'loss', color: 'var(--sl-color-accent)', values: losses }]);
      iouText.textContent = perClass ? describeClassIous(perClass) : '';
    },
  };
}
