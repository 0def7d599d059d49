/**
 * The CNN viewer's settings: one declaration used by the shell (build time), the element (run
 * time) and the URL hash. Training settings apply to "trained here from scratch".
 */
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'cnn-viewer';
/** Held-out digits the reader can pick (the test split of the site's MNIST assets). */
export const HELD_OUT_DIGITS = 2000;
/** Held-out digits the training run evaluates on, every EVAL_EVERY steps. */
export const EVAL_DIGITS = 1000;
export const EVAL_EVERY = 50;
/** The held-out accuracy training from scratch aims at (the curve's dashed line, data-reached97-ms). */
export const GOAL = 0.97;

export const CNN_VIEWER_SPEC = defineSettings({
  weights: {
    kind: 'choice',
    label: 'Weights',
    options: [
      { value: 'pretrained', label: 'Pretrained (shipped with the site)' },
      { value: 'scratch', label: 'Trained here, from scratch' },
    ],
    default: 'pretrained',
    restarts: true,
  },
  digit: { kind: 'int', label: 'Test digit', min: 1, max: HELD_OUT_DIGITS, default: 1, help: `One of the ${HELD_OUT_DIGITS.toLocaleString('en')} held-out digits, never used for training.` },
  lr: { kind: 'number', label: 'Learning rate α', min: 1e-5, max: 0.1, step: 1e-5, default: 0.003, help: 'Adam’s step size at step 0.' },
  decay: { kind: 'number', label: 'Decay per 100 steps', min: 0.5, max: 1, step: 0.01, default: 0.85, help: 'α_t = α · decay^(t/100)' },
  batch: { kind: 'int', label: 'Batch size', min: 8, max: 256, default: 64, restarts: true, help: 'Digits per gradient step.' },
  augment: { kind: 'bool', label: 'Augment: random rotation (±9°), scale (±10%), shift (±2 px)', default: true },
  steps: { kind: 'int', label: 'Training steps', min: 50, max: 20000, default: 2000 },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 1, restarts: true, help: 'Initial weights, minibatch order and augmentation.' },
});
