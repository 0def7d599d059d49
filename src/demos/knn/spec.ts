/** Settings of the kNN demo (shell, element and URL hash share this declaration). */
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'knn';
/** Training digits the loop versions are timed against (small: two loops are slow by design). */
export const LOOP_TRAIN = 250;

export const KNN_SPEC = defineSettings({
  trainSize: { kind: 'int', label: 'Training digits', min: 10, max: 8000, default: 5000, restarts: true, help: 'The first N of the 8,000 training digits, cut into folds.' },
  folds: { kind: 'int', label: 'Folds', min: 2, max: 20, default: 5, restarts: true, help: 'Each fold is validated once, on kNN trained with the others.' },
  metric: {
    kind: 'choice',
    label: 'Distance',
    options: [
      { value: 'l2', label: 'L2: √Σ(a − b)²' },
      { value: 'l1', label: 'L1: Σ|a − b| (slower)' },
    ],
    default: 'l2',
    restarts: true,
  },
  heldOut: { kind: 'int', label: 'Held-out digits scored', min: 10, max: 2000, default: 2000, restarts: true, help: 'Scored once, at the k cross-validation picks.' },
  loopQueries: { kind: 'int', label: 'Digits timed with loops', min: 1, max: 50, default: 10, restarts: true, help: `Held-out digits × ${LOOP_TRAIN} training digits, with two loops, one loop and none.` },
  k: { kind: 'int', label: 'k for the digit below', min: 0, max: 8000, default: 0, help: '0: the k cross-validation picks.' },
  digit: { kind: 'int', label: 'Held-out digit', min: 1, max: 2000, default: 1 },
});
