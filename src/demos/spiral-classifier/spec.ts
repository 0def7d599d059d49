/** Settings of the spiral-classifier demo (shell, element and URL hash share this declaration). */
import { ADDED_POINTS_PATTERN } from '../../engines/spiral/spiral-data.ts';
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'spiral-classifier';
export const MAX_ADDED_POINTS = 200;
const CLASS_OPTIONS = [0, 1, 2, 3, 4].map((c) => ({ value: String(c), label: `Class ${c + 1}` }));

export const SPIRAL_SPEC = defineSettings({
  show: {
    kind: 'choice',
    label: 'Decision regions of',
    options: [
      { value: 'net', label: '2-layer ReLU net' },
      { value: 'linear', label: 'Softmax linear classifier' },
    ],
    default: 'net',
  },
  classes: { kind: 'int', label: 'Classes K', min: 2, max: 5, default: 3, restarts: true, help: 'Arms of the spiral; the score vectors have K entries.' },
  perClass: { kind: 'int', label: 'Points per class N', min: 0, max: 300, default: 100, restarts: true },
  noise: { kind: 'number', label: 'Noise', min: 0, max: 1, step: 0.01, default: 0.2, restarts: true, help: 'Standard deviation added to each point\'s angle.' },
  hidden: { kind: 'int', label: 'Hidden width H', min: 1, max: 500, default: 100, restarts: true, help: 'h = max(0, W1ᵀx + b1) has H units.' },
  lambda: { kind: 'number', label: 'Regularization λ', min: 0, max: 1, step: 1e-4, default: 0.001, help: 'L = data loss + ½λ(ΣW1² + ΣW2²)' },
  lr: { kind: 'number', label: 'Learning rate', min: 1e-4, max: 100, step: 1e-4, default: 1, help: 'W ← W − lr · dW, full batch' },
  steps: { kind: 'int', label: 'Steps', min: 10, max: 20000, default: 10000, restarts: true, help: 'Full-batch gradient descent steps.' },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 1, restarts: true, help: 'The noise and the initial weights 0.01·N(0, 1).' },
  addClass: { kind: 'choice', label: 'Click adds a point of', options: CLASS_OPTIONS, default: '0' },
  points: {
    kind: 'text',
    label: 'Added points',
    pattern: ADDED_POINTS_PATTERN,
    maxLength: MAX_ADDED_POINTS * 14,
    default: '',
    restarts: true,
    help: 'x,y,class; … (class counted from 0)',
  },
});
