/**
 * One run of the segmentation demo: the mechanics of a transposed convolution for the grid the
 * reader sets, and an encoder-decoder trained in a worker for per-pixel digit classes, with the
 * predicted mask of a held-out scene and mean IoU over all held-out scenes.
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { heldOutScenes } from '../../engines/detection/scenes.ts';
import { geometryProblem } from '../../engines/segmentation/transposed-conv.ts';
import { toCsv } from '../export.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { HELD_OUT, type SEGMENTATION_SPEC } from './spec.ts';
import { describeSegmenter } from './summary.ts';
import { startSegmenterTraining, type SegmenterTraining } from './training.ts';
import { createSegmentationViews } from './views.ts';

export async function createSegmentationRun(context: DemoContext<typeof SEGMENTATION_SPEC>): Promise<DemoRun<typeof SEGMENTATION_SPEC>> {
  let settings = context.settings;
  let loading = false;
  const { images, labels } = await loadMnist(context.base, () => { loading = true; context.say('Loading the MNIST digits…'); });
  if (loading) context.say('');
  const scenes = heldOutScenes(images, labels, settings.seed, HELD_OUT, settings.maxDigits);
  const views = createSegmentationViews(context);
  const drawMechanics = () => {
    const g = { kernel: settings.kernel, stride: settings.stride, padding: settings.padding };
    const problem = geometryProblem(settings.inputSide, g);
    if (problem) context.say(problem);
    else views.mechanics(settings.inputSide, g);
  };
  const draw = () => {
    const scene = scenes[settings.scene]!;
    views.masks(scene.pixels, scene.mask, training?.state.last?.predicted, scene.size);
    views.curves(training?.losses ?? [], training?.state.evaluation?.perClass);
  };
  let training: SegmenterTraining | undefined;
  if (settings.maxDigits === 0) context.say('The scenes have no digits (digits per scene is 0): every pixel is background, so there is nothing to segment. Set it to 1 or more.');
  else {
    training = await startSegmenterTraining(context, { images, labels, seed: settings.seed, batchSize: settings.batch, testCount: HELD_OUT, maxDigits: settings.maxDigits });
    await training.round(0, settings.scene, settings.lr, settings.steps);
  }
  drawMechanics();
  draw();

  return {
    async advance() {
      if (!training || training.state.step >= settings.steps) return false;
      await training.round(1, settings.scene, settings.lr, settings.steps);
      draw();
      if (!training.losses.every(Number.isFinite)) {
        context.say(`The loss became infinite or NaN by step ${training.state.step}: learning rate ${settings.lr} is too large. Lower it and press Reset.`);
        return false;
      }
      return training.state.step < settings.steps;
    },
    applySettings(next) {
      const sceneChanged = next.scene !== settings.scene;
      settings = next;
      drawMechanics();
      if (sceneChanged && training) context.track(training.round(0, settings.scene, settings.lr, settings.steps).then(draw));
      else draw();
    },
    summary: () => describeSegmenter({ step: training?.state.step ?? 0, steps: settings.steps, batch: settings.batch, trainSeconds: (training?.state.trainMs ?? 0) / 1000, heldOut: HELD_OUT, evaluation: training?.state.evaluation }),
    exportData() {
      const rows = training?.losses.map((loss, i) => [i + 1, loss]) ?? [];
      return { csv: toCsv(['step', 'loss'], rows.length > 0 ? rows : [[0, '']]), json: { losses: training?.losses, evaluation: training?.state.evaluation } };
    },
    figure: () => views.svg,
    offThreadTensors: () => training?.offThreadTensors() ?? 0,
    dispose: () => training?.dispose(),
  };
}
