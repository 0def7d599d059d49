/**
 * One run of the detector demo: two boxes to drag for IoU; the grid detector trained in a worker
 * on fresh scenes; on the held-out scene shown, its candidate boxes and NMS step by step; the
 * loss, and precision-recall curves, AP per digit and mAP on all held-out scenes.
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { nmsSteps } from '../../engines/detection/boxes.ts';
import { decodeCells } from '../../engines/detection/grid-targets.ts';
import { heldOutScenes, SCENE_SIZE } from '../../engines/detection/scenes.ts';
import type { DrawnBox } from '../../views/detection/scene-boxes.ts';
import { toCsv } from '../export.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { formatBox, HELD_OUT, parseBox, type DETECTOR_SPEC } from './spec.ts';
import { describeDetector, describeIou, nmsProgress } from './summary.ts';
import { startDetectorTraining, type DetectorTraining } from './training.ts';
import { createDetectorViews } from './views.ts';

export async function createDetectorRun(context: DemoContext<typeof DETECTOR_SPEC>): Promise<DemoRun<typeof DETECTOR_SPEC>> {
  let settings = context.settings;
  let loading = false;
  const { images, labels } = await loadMnist(context.base, () => { loading = true; context.say('Loading the MNIST digits…'); });
  if (loading) context.say('');
  const scenes = heldOutScenes(images, labels, settings.seed, HELD_OUT, settings.maxDigits);
  const views = createDetectorViews(context, (which, box) => context.setSettings(which === 0 ? { boxA: formatBox(box) } : { boxB: formatBox(box) }));
  let drawn: DrawnBox[] = [];
  const draw = () => {
    const a = parseBox(settings.boxA);
    const b = parseBox(settings.boxB);
    views.iou([a, b], describeIou(a, b));
    const scene = scenes[settings.scene]!;
    const raw = training?.state.last?.raw;
    const candidates = raw ? decodeCells(raw, 0, SCENE_SIZE, settings.scoreThreshold) : [];
    const steps = nmsSteps(candidates, candidates.map((c) => c.score), settings.nmsThreshold, candidates.map((c) => c.label));
    const describe = (i: number) => `a ${candidates[i]!.label} scored ${candidates[i]!.score.toFixed(2)}`;
    const progress = nmsProgress(steps, candidates.length, settings.nmsSteps, describe, settings.nmsThreshold);
    const truth = scene.objects.map((o) => ({ ...o, state: 'truth' as const }));
    drawn = [...truth, ...candidates.map((c, i) => ({ ...c, state: progress.states[i]! }))];
    views.scene(scene.pixels, scene.size, drawn, raw ? progress.text : 'Press Play to train the detector; its boxes on this scene appear here.');
    views.curves(training?.losses ?? [], training?.state.evaluation?.perClass);
  };
  let training: DetectorTraining | undefined;
  if (settings.maxDigits === 0) context.say('The scenes have no digits (digits per scene is 0): there is nothing to detect or learn. Set it to 1 or more.');
  else {
    training = await startDetectorTraining(context, { images, labels, seed: settings.seed, batchSize: settings.batch, testCount: HELD_OUT, maxDigits: settings.maxDigits });
    await training.round(0, settings.scene, settings.lr, settings.steps);
  }
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
      if (sceneChanged && training) context.track(training.round(0, settings.scene, settings.lr, settings.steps).then(draw));
      else draw();
    },
    summary: () => describeDetector({ step: training?.state.step ?? 0, steps: settings.steps, batch: settings.batch, trainSeconds: (training?.state.trainMs ?? 0) / 1000, heldOut: HELD_OUT, evaluation: training?.state.evaluation }),
    exportData() {
      // The boxes of the scene shown (true, and the detector's after the NMS steps shown); AP and curves in the JSON.
      const rows = drawn.map((b) => [b.state, b.label, b.score ?? '', b.x0, b.y0, b.x1, b.y1]);
      return { csv: toCsv(['box', 'digit', 'score', 'x0', 'y0', 'x1', 'y1'], rows), json: { losses: training?.losses, evaluation: training?.state.evaluation, boxes: drawn } };
    },
    figure: () => views.svg,
    offThreadTensors: () => training?.offThreadTensors() ?? 0,
    dispose: () => training?.dispose(),
  };
}
