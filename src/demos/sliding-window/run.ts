/**
 * One run of the sliding-window demo: the site's ConvNet with a background class trained on scene
 * windows (fc2 only), its score map over a held-out or drawn scene, the boxes it finds, and the
 * sliding window against the same net made fully convolutional: same scores, timed here.
 */
import { createBackgroundTrainer, shippedWindowNet } from '../../engines/detection/background-class.ts';
import { compareWindows, scoreMap, type WindowComparison } from '../../engines/detection/window-comparison.ts';
import { loadCnnAssets } from '../cnn/assets.ts';
import { latestOnly } from '../latest-only.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { slidingExport } from './export-data.ts';
import { scenePicture } from './picture.ts';
import { emptySceneProblem, heldOutScenes, trainingScenes } from './scenes.ts';
import { HELD_OUT, type SLIDING_SPEC } from './spec.ts';
import { describeBoxes, describeComparison, describeTraining, snapStride } from './summary.ts';
import { createSlidingViews } from './views.ts';

export async function createSlidingWindowRun(context: DemoContext<typeof SLIDING_SPEC>): Promise<DemoRun<typeof SLIDING_SPEC>> {
  const { tf, signal } = context;
  let settings = context.settings;
  const { data, pretrained } = await loadCnnAssets(context);
  let scenes = heldOutScenes(data, settings.seed, HELD_OUT, settings.maxDigits);
  const size = scenes[0]!.size;
  const shipped = shippedWindowNet(tf, pretrained.weights);
  const trainer = createBackgroundTrainer({ tf, net: shipped, seed: settings.seed, batchSize: 128, learningRate: 0.01, signal });
  let [drawn, map, comparison]: [Float32Array?, Float32Array?, WindowComparison?] = [];
  const pixels = () => drawn ?? scenes[settings.scene]!.pixels;
  const stride = () => snapStride(settings.stride).stride;
  const training = () => describeTraining({ step: trainer.step, steps: settings.steps, loss: trainer.losses.at(-1), windows: trainer.windows.count, digitWindows: trainer.windows.digits });
  const draw = () => {
    const problem = emptySceneProblem(pixels(), drawn !== undefined);
    if (problem) context.say(problem);
    const picture = map ? scenePicture(map, size, stride(), settings.show, settings.threshold) : undefined;
    views.picture({ pixels: pixels(), size, truth: drawn ? [] : scenes[settings.scene]!.objects, overlay: picture?.overlay, boxes: picture?.boxes ?? [] });
    views.text('training', training());
    views.text('compare', comparison ? describeComparison(comparison) : 'Comparing the sliding window with the fully convolutional net…');
    views.text('boxes', picture ? describeBoxes(picture.boxes.length, settings.threshold, drawn ? undefined : scenes[settings.scene]!.objects.length) : '');
    views.losses(trainer.losses);
  };
  const compare = latestOnly(async () => {
    const asked = snapStride(settings.stride);
    if (asked.problem) context.say(asked.problem);
    comparison = await compareWindows(tf, trainer.net(), pixels(), size, asked.stride, signal);
    map = comparison.map;
    draw();
  }, { signal, track: context.track });
  const views = createSlidingViews(context, size, {
    start: pixels,
    onStroke: (next) => ((drawn = next), void compare()),
    onClear: () => ((drawn = new Float32Array(size * size)), void compare()),
  });
  await compare();

  return {
    async advance(steps) {
      if (trainer.step >= settings.steps) return false;
      await trainer.prepare(() => trainingScenes(data, settings.seed, settings.trainScenes));
      await trainer.train(Math.min(steps, settings.steps - trainer.step));
      if (trainer.step < settings.steps) map = await scoreMap(tf, trainer.net(), pixels(), size, signal);
      else await compare();
      draw();
      return trainer.step < settings.steps;
    },
    stepsPerFrame: () => 10,
    applySettings(next) {
      if (next.maxDigits !== settings.maxDigits) scenes = heldOutScenes(data, next.seed, HELD_OUT, next.maxDigits);
      const newScene = next.scene !== settings.scene || next.maxDigits !== settings.maxDigits;
      if (newScene) drawn = undefined;
      const recompute = newScene || next.stride !== settings.stride;
      settings = next;
      if (recompute) void compare();
      else draw();
    },
    summary: () => `${training()} ${comparison ? describeComparison(comparison) : ''}`.trim(),
    exportData: () => slidingExport(map ? scenePicture(map, size, stride(), settings.show, settings.threshold).boxes : [], trainer.losses, comparison),
    figure: () => views.svg,
    dispose: () => (trainer.dispose(), tf.dispose(Object.values(shipped))),
  };
}
