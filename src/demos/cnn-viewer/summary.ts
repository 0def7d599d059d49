/** The CNN viewer's readouts, as pure functions of what the run knows (unit-tested). */
import type { Evaluation } from '../../engines/cnn/cnn-trainer.ts';
import { EVAL_DIGITS, EVAL_EVERY, HELD_OUT_DIGITS } from './spec.ts';

export interface TrainingState {
  step: number;
  /** The steps the reader asked for. */
  total: number;
  batch: number;
  trainCount: number;
  trainingMs: number;
  evaluation: Evaluation | undefined;
  reached: { step: number; ms: number } | undefined;
}

/** The aria-live summary: the pretrained network's accuracy, or where training stands. */
export function describeViewer(state: { pretrained: { accuracy: number; count: number } } | { training: TrainingState }): string {
  if ('pretrained' in state) return `Pretrained network: ${(100 * state.pretrained.accuracy).toFixed(2)}% correct on ${state.pretrained.count.toLocaleString('en')} held-out digits.`;
  const t = state.training;
  const epochs = (t.step * t.batch) / t.trainCount;
  const accuracy = t.evaluation ? ` Held-out accuracy ${(100 * t.evaluation.accuracy).toFixed(1)}% on ${EVAL_DIGITS.toLocaleString('en')} digits at step ${t.evaluation.step}.` : '';
  const goal = t.reached ? ` Reached 97% at step ${t.reached.step}, after ${(t.reached.ms / 1000).toFixed(1)} s of training.` : '';
  return `Training from scratch: step ${t.step} of ${t.total} (${epochs.toFixed(1)} epochs), ${(t.trainingMs / 1000).toFixed(1)} s.${accuracy}${goal}`;
}

/** The line next to the pad: the predicted class, and whether it matches a test digit's label. */
export function predictionText(prediction: { predicted: number; probability: number } | undefined, label: number | undefined): string {
  if (!prediction) return 'The pad is empty: draw a digit, or pick a test digit.';
  const verdict = label === undefined ? '' : label === prediction.predicted ? ', correct' : `, but the label is ${label}`;
  return `Prediction: ${prediction.predicted} (${(100 * prediction.probability).toFixed(1)}%)${verdict}.`;
}

export function filtersCaption(step: number | undefined): string {
  return step === undefined ? 'First-layer filters (5×5), pretrained' : `First-layer filters (5×5) at step ${step}`;
}

/** The note under the filters about the shipped weights: the text before and after the log's link. */
export function pretrainedNote(training: { steps: number; trainDigits: number; batchSize: number; augment: boolean; seed: number }, test: { accuracy: number; count: number }): [string, string] {
  return [
    `These weights were trained beforehand with the code this page runs (${training.steps.toLocaleString('en')} steps of Adam on ${training.trainDigits.toLocaleString('en')} digits, batches of ${training.batchSize}, ${training.augment ? 'with augmentation, ' : ''}seed ${training.seed}): ${(100 * test.accuracy).toFixed(2)}% correct on the ${test.count.toLocaleString('en')} held-out digits (`,
    '). Press “Train from scratch” to train a new network here.',
  ];
}

export function trainingNote(trainCount: number): string {
  return `Adam on ${trainCount.toLocaleString('en')} training digits; every ${EVAL_EVERY} steps the network classifies ${EVAL_DIGITS.toLocaleString('en')} held-out digits it never trains on.`;
}

/** Test digit numbers wrap around: after the last comes the first. */
export function wrapDigit(n: number): number {
  return ((((Math.round(n) - 1) % HELD_OUT_DIGITS) + HELD_OUT_DIGITS) % HELD_OUT_DIGITS) + 1;
}
