/** Settings of the residual race (shell, element and URL hash share this declaration). */
import { MAX_DEPTH, MIN_DEPTH } from '../../engines/residual-race/race-net.ts';
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'residual-race';

export const RESIDUAL_RACE_SPEC = defineSettings({
  depth: { kind: 'int', label: 'Depth', min: MIN_DEPTH, max: MAX_DEPTH, step: 2, default: 20, restarts: true, help: 'Layers with weights: 1 + 2 per block + 1. Plain: x ← ReLU(F(x)); residual: x ← ReLU(F(x) + x).' },
  batchNorm: { kind: 'bool', label: 'Batch norm', default: false, restarts: true, help: 'After every convolution: γ·(y − μ_B)/√(σ²_B + ε) + β.' },
  lr: { kind: 'number', label: 'Learning rate', min: 0.001, max: 0.5, step: 0.001, default: 0.02, restarts: true, help: 'SGD with momentum: v ← 0.9·v + ∇W, W ← W − lr·v.' },
  batch: { kind: 'int', label: 'Batch size', min: 4, max: 64, default: 16, restarts: true },
  steps: { kind: 'int', label: 'Steps', min: 10, max: 5000, default: 500, restarts: true },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 1, restarts: true, help: 'The same initial weights in both nets, the same minibatches.' },
});
