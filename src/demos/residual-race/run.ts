/**
 * One run of the residual race: 14×14 MNIST digits, a plain and a residual net of the chosen
 * depth trained side by side in a Web Worker from the same weights on the same minibatches;
 * loss, accuracy and gradient-norm charts redrawn after every round.
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { downsampleDigits } from '../../engines/residual-race/digits14.ts';
import { toCsv } from '../export.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import type { RESIDUAL_RACE_SPEC } from './spec.ts';
import { describeRace } from './summary.ts';
import { startRaceTraining } from './training.ts';
import { createRaceViews } from './views.ts';

type Spec = typeof RESIDUAL_RACE_SPEC;
const TRAIN_DIGITS = 10_000;
const HELD_OUT = 1000;
/** Steps per round when playing: a fraction of a second on wasm, so pause feels immediate. */
const ROUND_STEPS = 4;

export async function createResidualRaceRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  const { settings } = context;
  // Blocks have two layers: an odd depth (from a link) becomes the even one below it.
  const depth = settings.depth - (settings.depth % 2);
  const notice = depth !== settings.depth ? `Depth ${settings.depth}: each block has two layers, so the depth is even; using ${depth}.` : '';
  const data = await loadMnist(context.base, (loaded) => context.say(`Loading MNIST digits… ${(loaded / 1e6).toFixed(1)} MB`));
  const start = data.manifest.trainCount;
  const init = {
    train: { images: downsampleDigits(data.images, 0, TRAIN_DIGITS), labels: data.labels.slice(0, TRAIN_DIGITS) },
    heldOut: { images: downsampleDigits(data.images, start, HELD_OUT), labels: data.labels.slice(start, start + HELD_OUT) },
    depth, batchNorm: settings.batchNorm, seed: settings.seed, batchSize: settings.batch, learningRate: settings.lr,
  };
  const views = createRaceViews(context);
  const training = await startRaceTraining(context, init);
  context.say(notice);
  const { history } = training;
  views.draw(history);

  return {
    async advance(_steps, source) {
      if (training.step >= settings.steps) return false;
      await training.round(source === 'step' ? 1 : ROUND_STEPS, settings.steps - training.step);
      views.draw(history);
      if (![history.losses.plain.at(-1), history.losses.residual.at(-1)].every((v) => Number.isFinite(v))) {
        context.say(`A loss became infinite or NaN at step ${training.step}: learning rate ${settings.lr} is too large for this depth${settings.batchNorm ? '' : ' without batch norm'}. Lower it.`);
        return false;
      }
      return training.step < settings.steps;
    },
    summary: () => describeRace({ step: training.step, steps: settings.steps, depth, batchNorm: settings.batchNorm, losses: history.losses, accuracy: history.accuracies.at(-1), firstNorms: history.norms[0] }),
    exportData: () => ({
      csv: toCsv(['step', 'plain_loss', 'residual_loss'], history.losses.plain.map((loss, i) => [i, loss, history.losses.residual[i]!])),
      json: { depth, layers: history.layers, losses: history.losses, accuracies: history.accuracies, gradientNorms: history.norms },
    }),
    figure: () => views.svg,
    offThreadTensors: () => training.offThreadTensors(),
    dispose: () => training.dispose(),
  };
}
