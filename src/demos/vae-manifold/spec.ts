/** Settings of the VAE manifold demo (shell, element and URL hash share this declaration). */
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'vae-manifold';

export const VAE_MANIFOLD_SPEC = defineSettings({
  gridSize: { kind: 'int', label: 'Grid size n', min: 3, max: 30, default: 20, help: 'n × n decoded digits' },
  spacing: {
    kind: 'choice',
    label: 'Grid spacing',
    options: [
      { value: 'quantiles', label: 'By prior probability: Φ⁻¹((k + ½)/n)' },
      { value: 'uniform', label: 'Even steps over [−extent, extent]' },
    ],
    default: 'quantiles',
  },
  extent: { kind: 'number', label: 'Extent of the plane', min: 0.5, max: 6, step: 0.5, default: 3, help: 'the plane and the even grid span [−extent, extent]²' },
  points: { kind: 'int', label: 'Test digits shown', min: 100, max: 2000, step: 100, default: 2000, help: 'held-out digits, never trained on' },
});
