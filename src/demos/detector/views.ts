/** The detector demo's views: the IoU boxes, the held-out scene with its boxes, loss and PR curves. */
import type { Box } from '../../engines/detection/boxes.ts';
import type { ClassCurve } from '../../engines/detection/detector-engine.ts';
import { digitColor } from '../../views/colors.ts';
import { createIouBoxes } from '../../views/detection/iou-boxes.ts';
import { createSceneBoxes, type DrawnBox } from '../../views/detection/scene-boxes.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createLineChart } from '../../views/line-chart.ts';
import type { DemoContext } from '../types.ts';
import type { DETECTOR_SPEC } from './spec.ts';
import { describeAps } from './summary.ts';

export function createDetectorViews(context: DemoContext<typeof DETECTOR_SPEC>, onBox: (which: 0 | 1, box: Box) => void) {
  const iouBox = context.part('[data-iou]');
  const figure = context.part('[data-figure]');
  const charts = context.part('[data-chart]');
  const nmsText = context.part('[data-nms]');
  const apText = context.part('[data-ap]');
  for (const part of [iouBox, figure, charts]) part.replaceChildren();
  const iou = createIouBoxes(iouBox, { width: fitWidth(iouBox, 180, 240), onChange: onBox });
  const scene = createSceneBoxes(figure, { width: fitWidth(figure, 240, 336), label: 'A held-out scene: true boxes dashed, the detector\'s boxes in colour' });
  const chartWidth = fitWidth(charts, 240, 400);
  const loss = createLineChart(charts, { width: chartWidth, height: 140, xLabel: 'step', yLabel: 'training loss', log: true, label: 'Training loss of the detector' });
  const pr = createLineChart(charts, { width: chartWidth, height: 180, xLabel: 'recall', yLabel: 'precision', label: 'Precision-recall curve of each digit on the held-out scenes' });
  return {
    svg: scene.svg,
    iou: iou.update,
    scene(pixels: Float32Array, size: number, boxes: DrawnBox[], nms: string) {
      scene.update(pixels, size, boxes);
      nmsText.textContent = nms;
    },
    curves(losses: readonly number[], perClass: readonly ClassCurve[] | undefined) {
      loss.update([{ label: 'loss', color: 'var(--sl-color-accent)', values: losses }]);
      pr.update((perClass ?? []).map((c, digit) => ({ label: String(digit), color: digitColor(digit), values: [1, ...c.precision], xs: [0, ...c.recall] })));
      apText.textContent = perClass ? describeAps(perClass) : '';
    },
  };
}
