/**
 * One run of a Lecture 12 demo on the shipped ConvNet: a saliency map or an occlusion map,
 * computed once (the run is then done), or a fooling image, built step by step (one frame = a
 * few gradient-sign steps) until the network is fooled. Each change of setting is a new run.
 */
import { cnnScores, cnnVariables } from '../../engines/cnn/cnn-model.ts';
import { imageTensor } from '../../engines/cnn/saliency.ts';
import { createImagePanels } from '../../views/cnn/image-panels.ts';
import { argMax, heldOutDigit, loadCnnAssets, softmax } from '../cnn/assets.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { createFoolingStage } from './fooling-stage.ts';
import { createOcclusionStage } from './occlusion-stage.ts';
import { createSaliencyStage } from './saliency-stage.ts';
import { HELD_OUT_DIGITS } from '../cnn-viewer/spec.ts';
import { isInsightTool, type InsightTool } from './spec.ts';
import type { StageContext } from './stage.ts';

const PANELS: Record<InsightTool, { bars: boolean; label: string }> = {
  'cnn-saliency': { bars: false, label: 'A test digit, the absolute gradient of a class score with respect to its pixels, and the signed gradient' },
  'cnn-occlusion': { bars: false, label: 'A test digit, the class probability for each position of an occluding patch, and the digit occluded where it hurts most' },
  'cnn-fooling': { bars: true, label: 'A test digit, the perturbation found by gradient ascent, the perturbed digit, and the class probabilities' },
};

export async function createInsightRun(context: DemoContext): Promise<DemoRun> {
  const { tf, root } = context;
  const tool = root.dataset['demo'];
  if (!isInsightTool(tool)) throw new Error(`unknown demo ${String(tool)}`);
  const figure = root.querySelector<HTMLElement>('[data-cnn-figure]');
  if (!figure) throw new Error('the demo shell has no figure');
  figure.replaceChildren();
  const { data, pretrained } = await loadCnnAssets(context);
  const params = cnnVariables(tf, pretrained.weights);
  const n = Number(context.settings['digit']);
  const digit = { number: n, ...heldOutDigit(data, n) };
  const scoreTensor = tf.tidy(() => cnnScores(tf, params, imageTensor(tf, digit.pixels)));
  const scores = Float32Array.from(await scoreTensor.data());
  scoreTensor.dispose();
  const probabilities = softmax(scores);
  const width = Math.round(Math.min(620, Math.max(280, figure.clientWidth || 620)));
  const panels = createImagePanels(figure, { width, count: 3, ...PANELS[tool] });
  const stageContext: StageContext = {
    tf, params, settings: context.settings, digit, scores, probabilities, predicted: argMax(probabilities), panels,
    mainThread: context.backend === 'wasm' || context.backend === 'cpu', say: context.say,
  };
  const stage = tool === 'cnn-saliency' ? createSaliencyStage(stageContext) : tool === 'cnn-occlusion' ? createOcclusionStage(stageContext) : await createFoolingStage(stageContext);

  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-cnn-input]')];
  const signal = new AbortController();
  for (const button of buttons) {
    button.disabled = false;
    button.addEventListener('click', () => {
      const next = ((n - 1 + (button.dataset['cnnInput'] === 'previous' ? -1 : 1) + HELD_OUT_DIGITS) % HELD_OUT_DIGITS) + 1;
      context.setSettings({ digit: next });
    }, { signal: signal.signal });
  }
  return {
    advance: (steps) => stage.advance(steps),
    stepsPerFrame: () => stage.stepsPerFrame(),
    applySettings() {
      // Every setting of these demos restarts the run.
    },
    summary: () => stage.summary(),
    exportData: () => stage.exportData(),
    figure: () => panels.svg,
    dispose() {
      signal.abort();
      for (const button of buttons) button.disabled = true;
      stage.dispose();
      tf.dispose(Object.values(params));
    },
  };
}
