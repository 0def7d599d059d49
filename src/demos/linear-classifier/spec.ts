/** Settings of the linear-classifier demo (shell, element and URL hash share this declaration). */
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'linear-classifier';
/** The held-out digits the reader can pick (the test split of the site's MNIST). */
export const TEST_DIGITS = 2000;

export const LINEAR_CLASSIFIER_SPEC = defineSettings({
  loss: {
    kind: 'choice',
    label: 'Loss',
    options: [
      { value: 'softmax', label: 'Softmax (cross-entropy)' },
      { value: 'svm', label: 'Multiclass SVM (hinge, Δ = 1)' },
    ],
    default: 'softmax',
    restarts: true,
  },
  mode: {
    kind: 'choice',
    label: 'Run',
    options: [
      { value: 'train', label: 'Train with the learning rate and λ below' },
      { value: 'sweep', label: 'Sweep learning rate × λ, then retrain the best' },
    ],
    default: 'train',
    restarts: true,
  },
  lr: { kind: 'number', label: 'Learning rate', min: 1e-5, max: 10, step: 1e-5, default: 0.5, help: 'W ← W − lr · ∇W, every step' },
  lambda: { kind: 'number', label: 'Regularization λ', min: 0, max: 1, step: 1e-6, default: 5e-4, help: 'L = mean data loss + λ ΣW²' },
  batch: { kind: 'int', label: 'Batch size', min: 1, max: 1000, default: 200, restarts: true, help: 'Training digits per step, drawn without replacement within an epoch.' },
  steps: { kind: 'int', label: 'Steps', min: 10, max: 20000, default: 1000, restarts: true, help: 'SGD steps of the classifier (in a sweep: of the retrained best).' },
  size: { kind: 'int', label: 'Grid size', min: 2, max: 7, default: 5, restarts: true, help: 'Values per axis, log-spaced: lr from 0.00316 to 3.16, λ from 10⁻⁵ to 10⁻¹.' },
  cellSteps: { kind: 'int', label: 'Steps per cell', min: 10, max: 2000, default: 300, restarts: true, help: 'Each cell trains a fresh W for this many steps.' },
  digit: { kind: 'int', label: 'Test digit', min: 1, max: TEST_DIGITS, default: 1, help: `One of the ${TEST_DIGITS.toLocaleString('en')} held-out digits, never trained on.` },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 1, restarts: true, help: 'The initial W, 0.001·N(0, 1), and the order of the minibatches.' },
});
