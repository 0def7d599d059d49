/** Settings of the segmentation demo (shell, element and URL hash share this declaration). */
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'segmentation';
/** Held-out scenes the segmenter is judged on. */
export const HELD_OUT = 50;

export const SEGMENTATION_SPEC = defineSettings({
  inputSide: { kind: 'int', label: 'Input grid side', min: 2, max: 5, default: 3, help: 'The small grid the transposed convolution reads.' },
  kernel: { kind: 'int', label: 'Kernel size k', min: 1, max: 5, default: 3 },
  stride: { kind: 'int', label: 'Stride s', min: 1, max: 3, default: 2, help: 'Output side n = (m − 1)s + k − 2p.' },
  padding: { kind: 'int', label: 'Padding p', min: 0, max: 2, default: 0, help: 'Cropped from each side of the output.' },
  scene: { kind: 'int', label: 'Held-out scene', min: 0, max: HELD_OUT - 1, default: 0 },
  maxDigits: { kind: 'int', label: 'Digits per scene (most)', min: 0, max: 5, default: 5, restarts: true },
  steps: { kind: 'int', label: 'Training steps', min: 1, max: 3000, default: 300, restarts: true },
  batch: { kind: 'int', label: 'Scenes per batch', min: 1, max: 16, default: 8, restarts: true },
  lr: { kind: 'number', label: 'Learning rate (Adam)', min: 1e-4, max: 0.05, step: 1e-4, default: 0.003 },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 1, restarts: true },
});
