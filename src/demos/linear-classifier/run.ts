/**
 * One run of the linear-classifier demo: MNIST loaded, the classifier's engine started (in a
 * worker where it can), then either training rounds straight away, or first one sweep cell per
 * advance and then the best cell's hyperparameters retrained. Each round redraws the templates,
 * the curves and the chosen test digit's scores; the last one measures the held-out accuracy.
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { meanImage, preprocessDigit } from '../../engines/linear-classifier/linear-data.ts';
import { digitReadout } from '../../engines/linear-classifier/linear-reference.ts';
import { bestCell, cellAt, sweepGrid } from '../../engines/linear-classifier/sweep.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import type { LINEAR_CLASSIFIER_SPEC } from './spec.ts';
import { describeDivergence } from './summary.ts';
import { exportLinear, summarizeLinear } from './readouts.ts';
import { startLinearTraining } from './training.ts';
import { createLinearViews } from './views.ts';

type Spec = typeof LINEAR_CLASSIFIER_SPEC;

export async function createLinearRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  let settings = context.settings;
  const kind = settings.loss;
  context.say('Loading MNIST digits…');
  const data = await loadMnist(context.base, (loaded) => context.say(`Loading MNIST digits… ${(loaded / 1e6).toFixed(1)} MB`));
  const training = await startLinearTraining(context, data, kind);
  context.say('');
  const views = createLinearViews(context);
  const mean = meanImage(data.images, training.splits.train);
  const sweep = { grid: sweepGrid(settings.size), accuracies: [] as number[], cells: settings.mode === 'sweep' ? settings.size ** 2 : 0 };
  const best = () => (sweep.cells > 0 ? bestCell(sweep.accuracies) : -1);
  // The hyperparameters of the run's own classifier: the reader's, or the sweep's best cell.
  const hyper = () => (sweep.cells === 0 ? { learningRate: settings.lr, lambda: settings.lambda } : best() < 0 ? undefined : cellAt(sweep.grid, best()));
  const state = () => ({ settings, training, sweep, best: best(), hyper: hyper(), testDigits: training.splits.test.count });

  const drawDigit = () => {
    const weights = training.weights;
    if (!weights) return undefined;
    const index = training.splits.test.start + settings.digit - 1;
    const pixels = data.images.subarray(index * 784, (index + 1) * 784);
    const readout = digitReadout(kind, weights, preprocessDigit(pixels, mean), data.labels[index]!);
    views.drawDigit({ pixels, label: data.labels[index]!, kind, ...readout });
    return readout.winner;
  };
  const draw = () => views.drawTraining(training.weights, training.losses, training.evaluations, `The rows of W after ${training.step} steps`, drawDigit());

  return {
    async advance(_steps, source) {
      if (sweep.accuracies.length < sweep.cells) {
        sweep.accuracies.push(await training.cell(cellAt(sweep.grid, sweep.accuracies.length), settings.cellSteps));
        views.drawSweep({ ...sweep.grid, accuracies: sweep.accuracies, best: best() });
        return true;
      }
      const now = hyper();
      if (!now || training.step >= settings.steps) return false;
      const reply = await training.round(source === 'step' ? 1 : undefined, now, settings.steps - training.step);
      draw();
      if (!reply.losses.every(Number.isFinite)) {
        context.say(describeDivergence(training.step, now.learningRate));
        return false;
      }
      if (training.test !== undefined) context.root.dataset['testAccuracy'] = String(training.test);
      return training.step < settings.steps;
    },
    applySettings(next) {
      const digitChanged = next.digit !== settings.digit;
      settings = next;
      if (digitChanged) draw();
    },
    summary: () => summarizeLinear(state()),
    exportData: () => exportLinear(state()),
    figure: () => views.figure(),
    offThreadTensors: () => training.offThreadTensors(),
    dispose() {
      training.dispose();
      delete context.root.dataset['testAccuracy'];
    },
  };
}
