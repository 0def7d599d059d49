/**
 * The linear-classifier demo's views: the ten templates, the sweep's heatmap (sweep runs only),
 * the loss curve, training and validation accuracy, and the test digit's scores.
 */
import { template } from '../../engines/linear-classifier/linear-reference.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createLineChart } from '../../views/line-chart.ts';
import { createDigitScores, type DigitScoresData } from '../../views/linear-classifier/digit-scores.ts';
import { createSweepHeatmap, type SweepHeatmapData } from '../../views/linear-classifier/sweep-heatmap.ts';
import { createTemplatesFigure } from '../../views/linear-classifier/templates.ts';
import type { DemoContext } from '../types.ts';
import type { LINEAR_CLASSIFIER_SPEC } from './spec.ts';
import type { Evaluation } from './training.ts';

export function createLinearViews(context: DemoContext<typeof LINEAR_CLASSIFIER_SPEC>) {
  const boxes = ['[data-figure]', '[data-sweep]', '[data-chart]', '[data-digit]'].map((selector) => context.part(selector));
  const [figure, sweepBox, charts, digitBox] = boxes as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
  boxes.forEach((box) => box.replaceChildren());
  const sweeping = context.settings.mode === 'sweep';
  sweepBox.hidden = !sweeping;
  const templates = createTemplatesFigure(figure, fitWidth(figure, 280, 720));
  const heatmap = sweeping ? createSweepHeatmap(sweepBox, fitWidth(sweepBox, 280, 480)) : undefined;
  const chartWidth = fitWidth(charts, 260, 420);
  const loss = createLineChart(charts, { width: chartWidth, height: 140, xLabel: 'step', yLabel: 'minibatch loss', label: 'Loss of each minibatch step' });
  const accuracy = createLineChart(charts, { width: chartWidth, height: 140, xLabel: 'step', yLabel: 'accuracy', label: 'Training and validation accuracy' });
  const digit = createDigitScores(digitBox, fitWidth(digitBox, 280, 420));
  return {
    /** What PNG and SVG export: the heatmap of a sweep, else the templates. */
    figure: () => heatmap?.svg ?? templates.svg,
    drawTraining(weights: Float32Array | undefined, losses: readonly number[], evaluations: readonly Evaluation[], caption: string, winner: number | undefined) {
      if (weights) templates.update(Array.from({ length: 10 }, (_, c) => template(weights, c)), caption, winner);
      const every = Math.max(1, Math.ceil(losses.length / 500));
      const xs = Array.from({ length: Math.ceil(losses.length / every) }, (_, k) => k * every + 1);
      loss.update([{ label: 'loss', color: 'var(--sl-color-accent)', values: xs.map((x) => losses[x - 1]!), xs }]);
      const steps = evaluations.map((e) => e.step);
      accuracy.update([
        { label: 'training', color: '#E69F00', values: evaluations.map((e) => e.train), xs: steps },
        { label: 'validation', color: '#0072B2', values: evaluations.map((e) => e.validation), xs: steps, dashed: true },
      ]);
    },
    drawSweep: (data: SweepHeatmapData) => heatmap?.update(data),
    drawDigit: (data: DigitScoresData) => digit.update(data),
  };
}
