import { describe, expect, test } from 'vitest';
import { describeDivergence, describeSweep, describeTraining } from '../../src/demos/linear-classifier/summary.ts';

describe('linear-classifier readouts', () => {
  test('training: before, during and after the held-out test', () => {
    const base = { kind: 'softmax' as const, step: 0, steps: 1000, learningRate: 0.5, lambda: 0.0005, testDigits: 2000 };
    expect(describeTraining(base)).toBe('Softmax classifier, step 0 of 1000 (learning rate 0.5, λ 0.0005).');
    const during = { ...base, kind: 'svm' as const, step: 250, loss: 0.41234, train: 0.9123, validation: 0.8949 };
    expect(describeTraining(during)).toBe('Multiclass SVM, step 250 of 1000 (learning rate 0.5, λ 0.0005): loss 0.412, training accuracy 91.2%, validation accuracy 89.5%.');
    expect(describeTraining({ ...during, step: 1000, test: 0.907 })).toBe(
      'Multiclass SVM, step 1000 of 1000 (learning rate 0.5, λ 0.0005): loss 0.412, training accuracy 91.2%, validation accuracy 89.5%. Held-out test accuracy 90.7% on 2,000 digits never used before.',
    );
  });

  test('sweep: cells so far, the best one, a grid where everything diverged', () => {
    expect(describeSweep({ done: 3, total: 25 })).toBe('Sweep: 3 of 25 cells trained.');
    const best = { learningRate: 0.178, lambda: 0.0001, validation: 0.903 };
    expect(describeSweep({ done: 7, total: 25, best })).toBe('Sweep: 7 of 25 cells trained. Best: learning rate 0.178, λ 0.0001, validation accuracy 90.3%.');
    expect(describeSweep({ done: 25, total: 25, best })).toBe('Sweep done (25 cells). Best: learning rate 0.178, λ 0.0001, validation accuracy 90.3%. Retrained with it:');
    expect(describeSweep({ done: 4, total: 4 })).toBe('Sweep done (4 cells): every cell diverged, no best cell. Lower the learning rates.');
  });

  test('divergence names the step and the learning rate', () => {
    expect(describeDivergence(12, 10)).toBe('The loss became infinite or NaN at step 12: learning rate 10 is too large for these weights. Lower it and press Reset.');
  });
});
