/** Settings of the sliding-window demo (shell, element and URL hash share this declaration). */
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'sliding-window';
/** Held-out scenes to pick from. */
export const HELD_OUT = 100;

const classOptions = [
  { value: 'digit', label: 'any digit (1 − background)' },
  ...Array.from({ length: 10 }, (_, d) => ({ value: String(d), label: `digit ${d}` })),
  { value: 'background', label: 'background' },
] as const;

export const SLIDING_SPEC = defineSettings({
  scene: { kind: 'int', label: 'Held-out scene', min: 0, max: HELD_OUT - 1, default: 0, help: 'Digits the network never trained on; or draw on the scene.' },
  stride: { kind: 'int', label: 'Stride (pixels)', min: 4, max: 28, step: 4, default: 4, help: 'The window moves this far between positions: a multiple of 4.' },
  show: { kind: 'choice', label: 'Score map of', options: classOptions, default: 'digit', help: 'Each window\'s softmax probability of this class, drawn at its centre.' },
  threshold: { kind: 'number', label: 'Score threshold', min: 0, max: 1, step: 0.01, default: 0.8, help: 'A window proposes a box if its best class is a digit with at least this probability.' },
  maxDigits: { kind: 'int', label: 'Digits per scene (most)', min: 0, max: 5, default: 4, help: 'Held-out scenes have 1 to this many digits.' },
  trainScenes: { kind: 'int', label: 'Training scenes', min: 5, max: 200, default: 60, restarts: true, help: 'Seeded scenes of training digits whose windows teach the background class.' },
  steps: { kind: 'int', label: 'Training steps', min: 1, max: 2000, default: 300, restarts: true, help: 'Adam steps on fc2 (128 windows each) to learn the background class.' },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 1, restarts: true, help: 'Training scenes, held-out scenes and the order of the training windows.' },
});
