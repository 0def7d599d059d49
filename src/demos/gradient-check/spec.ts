/** Settings of the gradient-check demo (Assignment 2): the planted bug and the check's knobs. */
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'gradient-check';

export const GRADIENT_CHECK_SPEC = defineSettings({
  bug: {
    kind: 'choice',
    label: 'Backward pass',
    options: [
      { value: 'none', label: 'Correct' },
      { value: 'transposed', label: 'Bug: W2 instead of W2ᵀ' },
      { value: 'missing-factor-2', label: 'Bug: regularization gradient λW, not 2λW' },
      { value: 'no-regularization', label: 'Bug: regularization gradient forgotten' },
      { value: 'bn-no-mean', label: 'Bug: batch-norm backward without the mean terms' },
    ],
    default: 'none',
    restarts: true,
  },
  h: { kind: 'number', label: 'Step h', min: 1e-9, max: 0.1, step: 1e-9, default: 1e-5, restarts: true, help: '(L(θ + h) − L(θ − h)) / 2h' },
  digits: { kind: 'int', label: 'Digits in the batch', min: 2, max: 64, default: 8, restarts: true, help: 'Batch norm needs at least 2.' },
  p: { kind: 'number', label: 'Dropout p', min: 0, max: 0.9, step: 0.05, default: 0.3, restarts: true, help: 'Share of hidden units the fixed mask drops.' },
  lambda: { kind: 'number', label: 'Regularization λ', min: 0, max: 1, step: 1e-4, default: 0.01, restarts: true },
  samples: { kind: 'int', label: 'Entries per tensor', min: 1, max: 40, default: 12, restarts: true },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 5, restarts: true, help: 'Weights, dropout mask and sampled entries.' },
});
