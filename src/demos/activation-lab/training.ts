/**
 * The activation lab's training modes: configurations A and B trained side by side by Adam on
 * the same minibatches of MNIST in the same order (the weights start from the same N(0,1) draws),
 * or both fitting the same 20 digits with dropout off, Lecture 6's first sanity check. The
 * training runs in a Web Worker where the backend runs there (./training-session.ts).
 */
import type { LabConfig } from '../../engines/activation-lab/network.ts';
import { OVERFIT_DIGITS, OVERFIT_STEPS } from '../../engines/activation-lab/trainer.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createTrainingCharts } from '../../views/activation-lab/training-charts.ts';
import { toCsv } from '../export.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { loadDigits } from './digits.ts';
import { EVAL_DIGITS, EVAL_EVERY, type ACTIVATION_LAB_SPEC } from './spec.ts';
import { describeTraining } from './summary.ts';
import { startLabTraining } from './training-session.ts';

type Spec = typeof ACTIVATION_LAB_SPEC;
const NAMES = ['A', 'B'] as const;
const COLORS = ['var(--sl-color-accent)', '#d95f02'];

export async function createTrainingRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  let s = context.settings;
  const overfit = s.mode === 'overfit';
  const configs: LabConfig[] = [
    { activation: s.aActivation, init: s.aInit, batchNorm: s.aBatchNorm, dropout: overfit ? 0 : s.aDropout },
    { activation: s.bActivation, init: s.bInit, batchNorm: s.bBatchNorm, dropout: overfit ? 0 : s.bDropout },
  ];
  const box = context.part('[data-training]');
  const accuracyLabel = overfit ? 'accuracy on the 20' : `accuracy, ${EVAL_DIGITS} held out`;
  const charts = createTrainingCharts(box, context.part<HTMLTableElement>('[data-ratios]'), { width: fitWidth(box, 300, 900), accuracyLabel, names: NAMES, colors: COLORS });
  const data = await loadDigits(context);
  const trainCount = overfit ? OVERFIT_DIGITS : data.manifest.trainCount;
  const shape = { inputs: 784, layers: s.layers, width: s.width, classes: 10, batch: overfit ? OVERFIT_DIGITS : s.trainBatch, seed: s.seed };
  const evaluation = overfit ? { start: 0, count: OVERFIT_DIGITS } : { start: data.manifest.trainCount, count: EVAL_DIGITS };
  const training = await startLabTraining(context, { data: { images: data.images, labels: data.labels }, shape, configs, trainCount, evaluation });
  const total = () => (overfit ? OVERFIT_STEPS : s.steps);
  const every = overfit ? 10 : EVAL_EVERY;
  const draw = () => charts.update({
    names: NAMES, colors: COLORS, losses: training.losses, ratios: training.ratios,
    evaluations: training.evaluations.map((e) => ({ step: e.step, accuracies: e.results.map((r) => r.accuracy) })),
  });
  context.say(overfit ? `Both configurations fit the same ${OVERFIT_DIGITS} training digits, dropout off: the loss should go to nearly zero.` : '');

  return {
    async advance(_steps, source) {
      if (training.step >= total()) return false;
      const evaluate = (from: number, to: number) => to >= total() || Math.floor(to / every) > Math.floor(from / every) || from === 0;
      const reply = await training.round(source === 'step' ? 1 : undefined, total() - training.step, { learningRate: s.lr, decay: overfit ? 'none' : s.decay, totalSteps: total() }, evaluate);
      draw();
      if (reply.losses.some((losses) => losses.some((loss) => !Number.isFinite(loss)))) {
        context.say(`A loss became infinite or NaN at step ${training.step}: learning rate ${s.lr} is too large. Lower it and press Reset.`);
        return false;
      }
      return training.step < total();
    },
    applySettings(next) {
      s = next;
    },
    summary: () => describeTraining({
      mode: overfit ? 'overfit' : 'train', step: training.step, steps: total(), batch: shape.batch,
      configs: NAMES.map((name, k) => ({ name, config: configs[k]!, losses: training.losses[k]!, accuracy: training.evaluations.at(-1)?.results[k]!.accuracy, ratios: training.ratios[k] ?? [] })),
    }),
    exportData() {
      const rows = training.losses[0]!.map((loss, i) => [i + 1, loss, training.losses[1]![i]!]);
      return {
        csv: toCsv(['step', 'A_loss', 'B_loss'], rows),
        json: { mode: s.mode, shape, configs, learningRate: s.lr, decay: overfit ? 'none' : s.decay, losses: training.losses, evaluations: training.evaluations, ratios: training.ratios },
      };
    },
    figure: () => charts.svg,
    offThreadTensors: () => training.offThreadTensors(),
    dispose: () => training.dispose(),
  };
}
