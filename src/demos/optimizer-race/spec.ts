/**
 * The optimizer race's settings: one declaration used by the shell (build time), the element
 * (run time) and the URL hash. Learning rates have a preset per problem, applied when the reader
 * changes problem, because a good rate for Rosenbrock diverges on the MLP and vice versa.
 */
import { OPTIMIZERS, OPTIMIZER_LABELS, type OptimizerName } from '../../engines/optimizers/update-rules.ts';
import { SURFACES, SURFACE_IDS } from '../../engines/optimizers/surfaces.ts';
import { defineSettings, type BoolSpec, type NumberSpec, type SettingsOf } from '../settings.ts';

export const DEMO_ID = 'optimizer-race';
export const PROBLEMS = [...SURFACE_IDS, 'mlp'] as const;
export type Problem = (typeof PROBLEMS)[number];

export const LEARNING_RATE_PRESETS: Record<Problem, Record<OptimizerName, number>> = {
  valley: { sgd: 0.35, momentum: 0.05, nesterov: 0.05, adagrad: 1.5, rmsprop: 0.05, adam: 0.2 },
  rosenbrock: { sgd: 0.001, momentum: 0.0002, nesterov: 0.0002, adagrad: 0.3, rmsprop: 0.005, adam: 0.05 },
  saddle: { sgd: 0.05, momentum: 0.01, nesterov: 0.01, adagrad: 0.3, rmsprop: 0.01, adam: 0.05 },
  wells: { sgd: 0.5, momentum: 0.1, nesterov: 0.1, adagrad: 0.5, rmsprop: 0.02, adam: 0.05 },
  mlp: { sgd: 0.1, momentum: 0.05, nesterov: 0.05, adagrad: 0.02, rmsprop: 0.002, adam: 0.002 },
};

/** Each optimizer's on/off switch and learning rate, under keys named after it. */
type RacerSpecs = { [N in OptimizerName as `${N}.on`]: BoolSpec } & { [N in OptimizerName as `${N}.lr`]: NumberSpec };

function racerSpecs(): RacerSpecs {
  const entries = OPTIMIZERS.flatMap((name) => [
    [`${name}.on`, { kind: 'bool', label: `Race ${OPTIMIZER_LABELS[name]}`, default: true } satisfies BoolSpec],
    [`${name}.lr`, { kind: 'number', label: `${OPTIMIZER_LABELS[name]} learning rate`, min: 1e-6, max: 10, step: 1e-6, default: LEARNING_RATE_PRESETS.valley[name] } satisfies NumberSpec],
  ]);
  // Object.fromEntries types its keys as string: the entries above are exactly RacerSpecs' keys.
  return Object.fromEntries(entries) as RacerSpecs;
}

export const OPTIMIZER_RACE_SPEC = defineSettings({
  problem: {
    kind: 'choice',
    label: 'Problem',
    options: [...SURFACE_IDS.map((id) => ({ value: id, label: SURFACES[id].label })), { value: 'mlp', label: 'MLP on MNIST digits' }],
    default: 'valley',
    restarts: true,
  },
  speed: { kind: 'int', label: 'Steps per frame', min: 1, max: 50, default: 3, help: 'How many updates each optimizer makes per animation frame.' },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 1, restarts: true, help: 'Initial weights and minibatch order.' },
  startX: { kind: 'number', label: 'Start x', min: -10, max: 10, step: 0.01, default: SURFACES.valley.start[0], restarts: true },
  startY: { kind: 'number', label: 'Start y', min: -10, max: 10, step: 0.01, default: SURFACES.valley.start[1], restarts: true },
  ...racerSpecs(),
  'momentum.mu': { kind: 'number', label: 'Momentum μ', min: 0, max: 0.999, step: 0.001, default: 0.9, help: 'v = μv − lr·dx' },
  'nesterov.mu': { kind: 'number', label: 'Nesterov μ', min: 0, max: 0.999, step: 0.001, default: 0.9, help: 'x += −μ·v_prev + (1 + μ)·v' },
  'adagrad.eps': { kind: 'number', label: 'Adagrad ε', min: 1e-12, max: 0.1, step: 1e-12, default: 1e-8 },
  'rmsprop.decay': { kind: 'number', label: 'RMSProp decay', min: 0, max: 0.9999, step: 0.0001, default: 0.99, help: 'cache = decay·cache + (1 − decay)·dx²' },
  'rmsprop.eps': { kind: 'number', label: 'RMSProp ε', min: 1e-12, max: 0.1, step: 1e-12, default: 1e-8 },
  'adam.beta1': { kind: 'number', label: 'Adam β₁', min: 0, max: 0.999, step: 0.001, default: 0.9, help: 'm = β₁m + (1 − β₁)dx' },
  'adam.beta2': { kind: 'number', label: 'Adam β₂', min: 0, max: 0.99999, step: 0.00001, default: 0.999, help: 'v = β₂v + (1 − β₂)dx²' },
  'adam.eps': { kind: 'number', label: 'Adam ε', min: 1e-12, max: 0.1, step: 1e-12, default: 1e-8 },
});

export type RaceSettings = SettingsOf<typeof OPTIMIZER_RACE_SPEC>;

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'string' && (PROBLEMS as readonly string[]).includes(value);
}
