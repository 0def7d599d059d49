/**
 * One run of the CNN viewer: the ConvNet with the shipped weights, or one trained here from
 * scratch (in a Web Worker where the backend allows, ./training.ts; the held-out accuracy every
 * EVAL_EVERY steps). The reader's input (a test digit or a drawing) goes through the network
 * whenever it changes, and during training about once a second with the weights the trainer
 * sends back, so the activations, the first-layer filters and the prediction change as the
 * reader draws and as the network learns.
 * Created by <cnn-viewer> when the demo nears the viewport; disposed on reset, backend change,
 * a change of weights or seed, or removal.
 */
import { initCnnWeights } from '../../engines/cnn/architecture.ts';
import { assignCnnWeights, cnnVariables } from '../../engines/cnn/cnn-model.ts';
import { createRandom } from '../../engines/random.ts';
import { yieldToEventLoop } from '../../engines/yield.ts';
import { isAbort } from '../../tf/slices.ts';
import { heldOutDigit, loadCnnAssets } from '../cnn/assets.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { viewerExport } from './export-data.ts';
import { createViewerFigures } from './figures.ts';
import { createViewerInference } from './inference.ts';
import { createViewerInput } from './input.ts';
import type { CNN_VIEWER_SPEC } from './spec.ts';
import { describeViewer, filtersCaption, pretrainedNote, trainingNote, wrapDigit } from './summary.ts';
import { startViewerTraining } from './training.ts';

type Spec = typeof CNN_VIEWER_SPEC;

export async function createCnnViewerRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  const { tf, root } = context;
  let settings = context.settings;
  const { data, pretrained } = await loadCnnAssets(context);
  const { architecture, training: shipped, test } = pretrained.manifest;
  const initial = settings.weights === 'scratch' ? initCnnWeights(architecture, createRandom(settings.seed)) : pretrained.weights;
  const training = settings.weights === 'scratch' ? await startViewerTraining(context, data, initial) : undefined;
  const params = cnnVariables(tf, initial);
  const link = Object.assign(document.createElement('a'), { href: pretrained.logUrl, textContent: 'training log' });
  const [before, after] = pretrainedNote(shipped, test);
  const figures = createViewerFigures(context, architecture, training ? [trainingNote(data.manifest.trainCount)] : [before, link, after]);
  const inference = createViewerInference(context, params, architecture, figures.network, () => input);
  const input = createViewerInput(root, {
    onChange: () => void inference.request().catch((error: unknown) => isAbort(error) || context.say(`Could not classify: ${(error as Error).message}`)),
    onPick: (delta) => context.setSettings({ digit: wrapDigit(settings.digit + delta) }),
  });
  const showDigit = (n: number) => {
    const digit = heldOutDigit(data, n);
    input.showTestDigit(wrapDigit(n), digit.pixels, digit.label);
  };

  showDigit(settings.digit);
  figures.drawFilters(initial.values['conv1.w'], filtersCaption(training?.step));
  figures.drawCurves([], []);
  context.say('');

  return {
    async advance(steps, source) {
      if (!training) return false;
      const round = await training.advance(steps, settings, source === 'step');
      if (round.weights) {
        assignCnnWeights(tf, params, round.weights);
        figures.drawCurves(training.smoothed, training.evaluations);
        figures.drawFilters(round.weights['conv1.w'], filtersCaption(training.step));
        // The forward pass and its drawing in a task of their own: each stays well under 50 ms.
        await yieldToEventLoop();
        await inference.request();
      }
      return round.more;
    },
    stepsPerFrame: () => training?.stepsPerFrame() ?? 1,
    applySettings(next) {
      const digitChanged = next.digit !== settings.digit;
      settings = next;
      if (digitChanged) showDigit(settings.digit);
    },
    // The prediction for the current input has its own live line next to the pad.
    summary: () => describeViewer(training
      ? { training: { step: training.step, total: settings.steps, batch: settings.batch, trainCount: data.manifest.trainCount, trainingMs: training.trainingMs, evaluation: training.evaluations.at(-1), reached: training.reached } }
      : { pretrained: test }),
    exportData: () => viewerExport({ architecture, input, prediction: inference.last, training, shipped }),
    figure: () => figures.network.svg,
    offThreadTensors: () => training?.offThreadTensors() ?? 0,
    dispose() {
      input.dispose();
      figures.dispose();
      training?.dispose();
      tf.dispose(Object.values(params));
    },
  };
}
