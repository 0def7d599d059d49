/** Settings of the activation lab (shell, element and URL hash share this declaration). */
import { decaySetting } from '../decay-setting.ts';
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'activation-lab';
/** Held-out digits (the test split) the training mode scores every EVAL_EVERY steps. */
export const EVAL_DIGITS = 1000;
export const EVAL_EVERY = 50;

const activation = (label: string, value: 'tanh' | 'relu') => ({
  kind: 'choice' as const,
  label,
  options: [
    { value: 'tanh', label: 'tanh' },
    { value: 'relu', label: 'ReLU' },
  ] as const,
  default: value,
  restarts: true,
  help: 'a = f(s): tanh saturates at ±1, ReLU is max(0, s).',
});
const init = (label: string, value: 'small' | 'xavier' | 'he') => ({
  kind: 'choice' as const,
  label,
  options: [
    { value: 'small', label: '0.01·N(0,1)' },
    { value: 'xavier', label: 'Xavier: N(0,1)/√n' },
    { value: 'he', label: 'He: N(0,1)·√(2/n)' },
  ] as const,
  default: value,
  restarts: true,
  help: 'The scale of W in s = Wx (n inputs per unit).',
});
const batchNorm = (label: string) => ({ kind: 'bool' as const, label, default: false, restarts: true, help: 's ← (s − μ_B)/√(σ²_B + ε) before the nonlinearity.' });
const dropout = (label: string) => ({ kind: 'number' as const, label, min: 0, max: 0.9, step: 0.05, default: 0, restarts: true, help: 'Each unit is zeroed with probability p, the rest scaled by 1/(1 − p).' });

export const ACTIVATION_LAB_SPEC = defineSettings({
  mode: {
    kind: 'choice',
    label: 'Mode',
    options: [
      { value: 'statistics', label: 'Statistics at initialization' },
      { value: 'train', label: 'Train A and B on MNIST' },
      { value: 'overfit', label: 'Overfit 20 digits' },
    ],
    default: 'statistics',
    restarts: true,
    help: 'Training: the same minibatches in the same order for A and B, Adam.',
  },
  aActivation: activation('A: nonlinearity', 'tanh'),
  aInit: init('A: initialization', 'small'),
  aBatchNorm: batchNorm('A: batch norm'),
  aDropout: dropout('A: dropout p'),
  bActivation: activation('B: nonlinearity', 'tanh'),
  bInit: init('B: initialization', 'xavier'),
  bBatchNorm: batchNorm('B: batch norm'),
  bDropout: dropout('B: dropout p'),
  layers: { kind: 'int', label: 'Hidden layers', min: 1, max: 10, default: 10, restarts: true, help: 'Depth of the fully connected stack.' },
  width: { kind: 'int', label: 'Width', min: 10, max: 500, default: 500, restarts: true, help: 'Units per hidden layer (n in the scales above).' },
  batch: { kind: 'int', label: 'Batch', min: 10, max: 1000, default: 500, restarts: true, help: 'MNIST digits in the batch the statistics are taken over.' },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 1, restarts: true, help: 'The same N(0,1) draws for A and B (and, training, the same minibatches).' },
  lr: { kind: 'number', label: 'Learning rate α', min: 1e-5, max: 0.1, step: 1e-5, default: 0.004, help: 'Adam: W ← W − α_t·m̂/(√v̂ + ε), α_t from α by the decay below' },
  decay: { ...decaySetting('the steps'), restarts: true },
  trainBatch: { kind: 'int', label: 'Minibatch', min: 8, max: 256, default: 128, restarts: true, help: 'Digits per training step (overfitting uses all 20 at once).' },
  steps: { kind: 'int', label: 'Training steps', min: 10, max: 20000, default: 250, restarts: true, help: 'Adam steps of each configuration (T of the cosine decay).' },
});
