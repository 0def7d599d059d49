/** Settings of the loss-landscape demo (shell, element and URL hash share this declaration). */
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'loss-landscape';

export const LOSS_LANDSCAPE_SPEC = defineSettings({
  model: {
    kind: 'choice',
    label: 'Model',
    options: [
      { value: 'linear-svm', label: 'Linear classifier, multiclass SVM loss' },
      { value: 'linear-softmax', label: 'Linear classifier, softmax loss' },
      { value: 'mlp', label: 'MLP trained in the page (784 → width → 10)' },
    ],
    default: 'linear-svm',
    restarts: true,
  },
  digits: { kind: 'int', label: 'Training digits N', min: 100, max: 8000, default: 1000, restarts: true, help: 'L = (1/N) Σᵢ Lᵢ over the first N MNIST training digits' },
  lambda: { kind: 'number', label: 'Regularization λ', min: 0, max: 1, step: 1e-6, default: 0.001, restarts: true, help: 'L = data loss + λ ΣW²' },
  width: { kind: 'int', label: 'Hidden width', min: 2, max: 128, default: 32, restarts: true, help: 'Units in the MLP\'s hidden layer.' },
  steps: { kind: 'int', label: 'Training steps', min: 10, max: 2000, default: 300, restarts: true, help: 'Full-batch Adam steps (linear) or minibatch SGD steps (MLP).' },
  plane: {
    kind: 'choice',
    label: 'Plane',
    options: [
      { value: 'random', label: 'Two random directions (filter-normalized)' },
      { value: 'pca', label: 'Two principal directions of the training path' },
    ],
    default: 'random',
    restarts: true,
  },
  resolution: { kind: 'int', label: 'Grid resolution', min: 5, max: 51, default: 41, restarts: true, help: 'Points per side: resolution² losses.' },
  range: { kind: 'number', label: 'Range', min: 0.05, max: 10, step: 0.05, default: 1, restarts: true, help: 'Half-width of the slice, in units of the directions.' },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 7, restarts: true, help: 'Initial weights and random directions.' },
});
