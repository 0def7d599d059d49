/** Settings of the semantic-gap demo (shell, element and URL hash share this declaration). */
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'semantic-gap';

export const SEMANTIC_GAP_SPEC = defineSettings({
  source: {
    kind: 'choice',
    label: 'Digit',
    options: [
      { value: 'digit', label: 'A held-out MNIST digit' },
      { value: 'drawing', label: 'Your drawing' },
      { value: 'file', label: 'An image from your disk' },
    ],
    default: 'digit',
  },
  digit: { kind: 'int', label: 'Held-out digit number', min: 1, max: 2000, default: 5, help: 'One of the 2,000 test digits; the neighbours come from the 8,000 training digits.' },
  shiftX: { kind: 'int', label: 'Shift right (px)', min: -10, max: 10, default: 2, help: 'Negative moves left. x′(u, v) = x(u − Δu, v − Δv).' },
  shiftY: { kind: 'int', label: 'Shift down (px)', min: -10, max: 10, default: 0, help: 'Negative moves up.' },
  rotate: { kind: 'int', label: 'Rotate (degrees)', min: -180, max: 180, default: 0, help: 'Counter-clockwise about the centre.' },
  brightness: { kind: 'number', label: 'Brightness b', min: -1, max: 1, step: 0.05, default: 0, help: 'x′ = c·(x − ½) + ½ + b, clipped to [0, 1].' },
  contrast: { kind: 'number', label: 'Contrast c', min: 0, max: 3, step: 0.05, default: 1, help: 'Scales every pixel’s distance from mid-grey.' },
  patch: { kind: 'int', label: 'Grey patch side (px)', min: 0, max: 28, default: 0, help: 'Occludes a square; 0 for none.' },
  patchX: { kind: 'int', label: 'Patch left edge (px)', min: 0, max: 27, default: 10 },
  patchY: { kind: 'int', label: 'Patch top edge (px)', min: 0, max: 27, default: 8 },
  noise: { kind: 'number', label: 'Noise σ', min: 0, max: 1, step: 0.01, default: 0, help: 'Gaussian noise added to every pixel.' },
  seed: { kind: 'int', label: 'Noise seed', min: 0, max: 999999, default: 1 },
});
