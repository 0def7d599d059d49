/** Settings of the gradient-flow demo (shell, element and URL hash share this declaration). */
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'rnn-gradient-flow';

export const FLOW_SPEC = defineSettings({
  hidden: { kind: 'int', label: 'Hidden size H', min: 8, max: 256, default: 64, restarts: true },
  length: { kind: 'int', label: 'Steps back k, up to', min: 10, max: 100, default: 100, restarts: true },
  scale: { kind: 'number', label: 'Your RNN\'s weight scale s', min: 0.1, max: 4, step: 0.05, default: 0.75, restarts: true, help: 'W_hh ~ N(0, s²/H): σ_max(W_hh) ≈ 2s' },
  clip: { kind: 'bool', label: 'Clip the gradient', default: false, help: 'g ← g · θ/‖g‖ if ‖g‖ > θ, g = all ∂L/∂h' },
  threshold: { kind: 'number', label: 'Clipping threshold θ', min: 0.001, max: 100, step: 0.001, default: 1 },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 1, restarts: true, help: 'Weights and the input characters' },
});
