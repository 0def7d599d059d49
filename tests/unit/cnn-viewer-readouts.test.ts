/** The CNN viewer's readouts, training rounds and export, as pure functions: exact strings and values. */
import { describe, expect, test } from 'vitest';
import { CNN_ARCHITECTURE } from '../../src/engines/cnn/architecture.ts';
import { viewerExport } from '../../src/demos/cnn-viewer/export-data.ts';
import { appendSmoothed, gapBefore, planRound, stepsPerRound } from '../../src/demos/cnn-viewer/rounds.ts';
import { describeViewer, filtersCaption, predictionText, pretrainedNote, trainingNote, wrapDigit } from '../../src/demos/cnn-viewer/summary.ts';

describe('summary', () => {
  test('the pretrained network states its accuracy on the held-out digits', () => {
    expect(describeViewer({ pretrained: { accuracy: 0.9815, count: 2000 } })).toBe('Pretrained network: 98.15% correct on 2,000 held-out digits.');
  });

  test('training states step, epochs, time, the last evaluation and when 97% was reached', () => {
    const training = { step: 250, total: 2000, batch: 64, trainCount: 8000, trainingMs: 12_345, evaluation: undefined, reached: undefined };
    expect(describeViewer({ training })).toBe('Training from scratch: step 250 of 2000 (2.0 epochs), 12.3 s.');
    expect(describeViewer({ training: { ...training, evaluation: { step: 250, accuracy: 0.9612, correct: 961 } } })).toBe(
      'Training from scratch: step 250 of 2000 (2.0 epochs), 12.3 s. Held-out accuracy 96.1% on 1,000 digits at step 250.',
    );
    expect(describeViewer({ training: { ...training, step: 300, evaluation: { step: 300, accuracy: 0.97, correct: 970 }, reached: { step: 300, ms: 14_960 } } })).toBe(
      'Training from scratch: step 300 of 2000 (2.4 epochs), 12.3 s. Held-out accuracy 97.0% on 1,000 digits at step 300. Reached 97% at step 300, after 15.0 s of training.',
    );
  });

  test('the prediction line says whether a test digit was classified correctly', () => {
    expect(predictionText(undefined, undefined)).toBe('The pad is empty: draw a digit, or pick a test digit.');
    expect(predictionText({ predicted: 5, probability: 0.9934 }, 5)).toBe('Prediction: 5 (99.3%), correct.');
    expect(predictionText({ predicted: 3, probability: 0.51 }, 8)).toBe('Prediction: 3 (51.0%), but the label is 8.');
    expect(predictionText({ predicted: 7, probability: 0.8 }, undefined)).toBe('Prediction: 7 (80.0%).');
  });

  test('captions and notes', () => {
    expect(filtersCaption(undefined)).toBe('First-layer filters (5×5), pretrained');
    expect(filtersCaption(0)).toBe('First-layer filters (5×5) at step 0');
    expect(trainingNote(8000)).toBe('Adam on 8,000 training digits; every 50 steps the network classifies 1,000 held-out digits it never trains on.');
    const [before, after] = pretrainedNote({ steps: 3000, trainDigits: 8000, batchSize: 64, augment: true, seed: 1 }, { accuracy: 0.98, count: 2000 });
    expect(before).toBe('These weights were trained beforehand with the code this page runs (3,000 steps of Adam on 8,000 digits, batches of 64, with augmentation, seed 1): 98.00% correct on the 2,000 held-out digits (');
    expect(after).toBe('). Press “Train from scratch” to train a new network here.');
  });

  test('test digit numbers wrap around at both ends', () => {
    expect(wrapDigit(0)).toBe(2000);
    expect(wrapDigit(2001)).toBe(1);
    expect(wrapDigit(17)).toBe(17);
    expect(wrapDigit(-1)).toBe(1999);
  });
});

describe('training rounds', () => {
  test('a round never crosses an evaluation and evaluates at every 50th step and at the end', () => {
    expect(planRound(0, 2000, 13)).toEqual({ steps: 13, evaluate: false });
    expect(planRound(40, 2000, 13)).toEqual({ steps: 10, evaluate: true });
    expect(planRound(50, 2000, 500)).toEqual({ steps: 50, evaluate: true });
    expect(planRound(1990, 1995, 13)).toEqual({ steps: 5, evaluate: true });
    expect(planRound(7, 2000, 0)).toEqual({ steps: 1, evaluate: false });
  });

  test('a round takes about the wanted time at the measured speed, 1 to 50 steps', () => {
    expect(stepsPerRound(30, 400)).toBe(13);
    expect(stepsPerRound(2, 400)).toBe(50);
    expect(stepsPerRound(900, 100)).toBe(1);
  });

  test('the loss curve is an exponential moving average starting at the first loss', () => {
    const smoothed: number[] = [];
    appendSmoothed(smoothed, [2]);
    appendSmoothed(smoothed, [1, 1]);
    expect(smoothed).toEqual([2, 0.95 * 2 + 0.05, 0.95 * (0.95 * 2 + 0.05) + 0.05]);
  });

  test('time between rounds counts as training only when it is short (not a pause)', () => {
    expect(gapBefore(0, 500)).toBe(0);
    expect(gapBefore(1000, 1016)).toBe(16);
    expect(gapBefore(1000, 5000)).toBe(0);
  });
});

describe('export', () => {
  const input = { description: 'Test digit 1 (label 5)', label: 5, pixels: new Float32Array([0, 0.5]) };

  test('training exports one row per step, with the held-out accuracy where it was measured', () => {
    const training = { step: 3, losses: [2.5, 2, 1.5], evaluations: [{ step: 2, accuracy: 0.5, correct: 500 }], reached: undefined, trainingMs: 900 };
    const { csv, json } = viewerExport({ architecture: CNN_ARCHITECTURE, input, prediction: undefined, training, shipped: { seed: 1 } });
    expect(csv).toBe('"step","loss","held_out_accuracy"\n1,2.5,\n2,2,0.5\n3,1.5,\n');
    expect(json).toMatchObject({ weights: 'scratch', training: { steps: 3, losses: [2.5, 2, 1.5], reached97: null, milliseconds: 900 }, prediction: null, input: { label: 5, pixels: [0, 0.5] } });
  });

  test('the pretrained network exports the prediction\'s classes and how the shipped weights were trained', () => {
    const prediction = { scores: new Float32Array([1, 3]), probabilities: new Float32Array([0.25, 0.75]), predicted: 1 };
    const { csv, json } = viewerExport({ architecture: CNN_ARCHITECTURE, input, prediction, training: undefined, shipped: { seed: 1 } });
    expect(csv).toBe('"class","score","probability"\n0,1,0.25\n1,3,0.75\n');
    expect(json).toMatchObject({ weights: 'pretrained', prediction: { class: 1, scores: [1, 3], probabilities: [0.25, 0.75] }, training: { seed: 1 } });
  });
});
