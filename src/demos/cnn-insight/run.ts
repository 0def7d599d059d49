/**
 * One run of a Lecture 12 demo on the shipped ConvNet: a saliency map or an occlusion map,
 * computed once (the run is then done), or a fooling image, built step by step (one frame = a
 * few gradient-sign steps) until the network is fooled. Each change of setting is a new run.
 */
import { cnnScores, cnnVariables } from '../../engines/cnn/cnn-model.ts';
import { imageTensor } from '../../engines/cnn/saliency.ts';
import { createImagePanels } from '../../views/cnn/image-panels.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { argMax, heldOutDigit, loadCnnAssets, softmax } from '../cnn/assets.ts';
import { wrapDigit } from '../cnn-viewer/summary.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { createFoolingStage } from './fooling-stage.ts';
import { createOcclusionStage } from './occlusion-stage.ts';
import { createSaliencyStage } from './saliency-stage.ts';
import { isInsightTool, type InsightSpec, type InsightTool } from './spec.ts';
import type { InsightStage, StageContext } from './stage.ts';

const PANELS: Record<InsightTool, { bars: boolean; label: string }> = {
  'cnn-saliency': { bars: false, label: 'A test digit, the absolute gradient of a class score with respect to its pixels, and the signed gradient' },
  'cnn-occlusion': { bars: false, label: 'A test digit, the class probability for each position of an occluding patch, and the digit occluded where it hurts most' },
  'cnn-fooling': { bars: true, label: 'A test digit, the perturbation found by gradient ascent, the perturbed digit, and the class probabilities' },
};

export async function createInsightRun(context: DemoContext<InsightSpec>): Promise<DemoRun<InsightSpec>> {
  const { tf, root, settings } = context;
  const tool = root.dataset['demo'];
  if (!isInsightTool(tool)) throw new Error(`unknown demo ${String(tool)}`);
  const figure = context.part('[data-cnn-figure]');
  figure.replaceChildren();
  const { data, pretrained } = await loadCnnAssets(context);
  const params = cnnVariables(tf, pretrained.weights);
  const digit = { number: settings.digit, ...heldOutDigit(data, settings.digit) };
  const scoreTensor = tf.tidy(() => cnnScores(tf, params, imageTensor(tf, digit.pixels)));
  const scores = Float32Array.from(await scoreTensor.data());
  scoreTensor.dispose();
  const probabilities = softmax(scores);
  const panels = createImagePanels(figure, { width: fitWidth(figure, 280, 620), count: 3, ...PANELS[tool] });
  const common: Omit<StageContext<unknown>, 'settings'> = { tf, params, digit, scores, probabilities, predicted: argMax(probabilities), panels, mainThread: context.mainThread, signal: context.signal, say: context.say };
  // Each tool's spec has a setting the others lack: the settings say which stage they are for.
  let stage: InsightStage;
  if ('target' in settings) stage = await createFoolingStage({ ...common, settings });
  else if ('patch' in settings) stage = createOcclusionStage({ ...common, settings });
  else stage = createSaliencyStage({ ...common, settings });

  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-cnn-input]')];
  const wiring = new AbortController();
  for (const button of buttons) {
    button.disabled = false;
    button.addEventListener('click', () => context.setSettings({ digit: wrapDigit(settings.digit + (button.dataset['cnnInput'] === 'previous' ? -1 : 1)) }), { signal: wiring.signal });
  }
  return {
    advance: (steps) => stage.advance(steps),
    stepsPerFrame: () => stage.stepsPerFrame(),
    summary: () => stage.summary(),
    exportData: () => stage.exportData(),
    figure: () => panels.svg,
    dispose() {
      wiring.abort();
      for (const button of buttons) button.disabled = true;
      stage.dispose();
      tf.dispose(Object.values(params));
    },
  };
}
