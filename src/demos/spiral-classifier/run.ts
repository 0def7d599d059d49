/**
 * One run of the spiral demo: the spiral (plus the reader's points), both models trained side by
 * side by full-batch gradient descent, the decision regions of the one shown redrawn each round,
 * loss and accuracy curves; a click adds a point, or (near a point) pauses and shows its path.
 */
import { emptyClasses, formatAddedPoints, generateSpiral, parseAddedPoints, withAddedPoints } from '../../engines/spiral/spiral-data.ts';
import { EXTENT, GRID_SIZE } from '../../engines/spiral/spiral-trainer.ts';
import { toCsv } from '../export.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { MAX_ADDED_POINTS, type SPIRAL_SPEC } from './spec.ts';
import { describeEmptyClasses, describePath, describeSpiral } from './summary.ts';
import { createSpiralViews } from './views.ts';
import { startSpiralTraining, type SpiralTraining } from './training.ts';

type Spec = typeof SPIRAL_SPEC;

export async function createSpiralRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  let settings = context.settings;
  const added = parseAddedPoints(settings.points);
  const data = withAddedPoints(generateSpiral({ perClass: settings.perClass, classes: settings.classes, noise: settings.noise, seed: settings.seed }), added);
  const count = data.labels.length;
  const empty = emptyClasses(data);
  let picked: number | undefined;
  const views = createSpiralViews(context, (x, y, nearest) => {
    if (nearest !== undefined) {
      picked = nearest;
      context.pause();
      return refresh();
    }
    if (Math.abs(x) > EXTENT || Math.abs(y) > EXTENT) return;
    if (added.length >= MAX_ADDED_POINTS) return context.say(`At most ${MAX_ADDED_POINTS} added points.`);
    context.setSettings({ points: formatAddedPoints([...added, [x, y, Number(settings.addClass)]]) });
  });
  const draw = () => {
    const reply = training?.last;
    views.draw({ points: data.points, labels: data.labels, picked, map: reply?.map && { ...reply.map, size: GRID_SIZE } }, training?.history);
    views.inspect(picked !== undefined && reply?.path ? describePath(reply.path, data.labels[picked]!) : []);
  };
  const inspect = () => (picked === undefined ? undefined : { point: [data.points[2 * picked]!, data.points[2 * picked + 1]!] as [number, number], label: data.labels[picked]! });
  const hyper = () => ({ learningRate: settings.lr, lambda: settings.lambda });
  // No steps: the map and the picked point's path (values and gradients, from the engine) at the weights it holds now.
  const refresh = () => training && context.track(training.round(0, settings.show, hyper(), undefined, inspect()).then(draw));
  let training: SpiralTraining | undefined;
  if (count === 0) context.say('There are no points: set N above 0 or click on the figure to add some.');
  else {
    training = await startSpiralTraining(context, { points: data.points, labels: data.labels, classes: settings.classes, hidden: settings.hidden, seed: settings.seed, models: ['linear', 'net'] });
    await training.round(0, settings.show, hyper());
    context.say(describeEmptyClasses(empty));
  }
  draw();

  return {
    async advance(_steps, source) {
      if (!training || training.step >= settings.steps) return false;
      const reply = await training.round(source === 'step' ? 1 : undefined, settings.show, hyper(), settings.steps - training.step, inspect());
      draw();
      const diverged = Object.values(reply.losses).some((losses) => losses.some((loss) => !Number.isFinite(loss)));
      if (diverged) {
        context.say(`The loss became infinite or NaN at step ${training.step}: learning rate ${settings.lr} is too large for these weights. Lower it and press Reset.`);
        return false;
      }
      return training.step < settings.steps;
    },
    applySettings(next) {
      const showChanged = next.show !== settings.show;
      settings = next;
      if (showChanged) refresh();
    },
    summary: () => describeSpiral({ step: training?.step ?? 0, steps: settings.steps, points: count, classes: settings.classes, hidden: settings.hidden, linear: training?.latest('linear'), net: training?.latest('net') }),
    exportData() {
      const h = training?.history;
      const rows = (h?.net.losses ?? []).map((loss, i) => [i, h!.linear.losses[i]!, h!.linear.accuracies[i]!, loss, h!.net.accuracies[i]!]);
      return { csv: toCsv(['step', 'linear_loss', 'linear_accuracy', 'net_loss', 'net_accuracy'], rows), json: { points: Array.from(data.points), labels: Array.from(data.labels), history: h, weights: training?.last?.weights } };
    },
    figure: () => views.svg,
    offThreadTensors: () => training?.offThreadTensors() ?? 0,
    dispose: () => training?.dispose(),
  };
}
