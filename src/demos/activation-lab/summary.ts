/** The activation lab's readouts, as pure functions of a sweep (unit-tested with exact strings). */
import type { LabConfig } from '../../engines/activation-lab/network.ts';
import type { LayerReport } from '../../engines/activation-lab/sweep.ts';

const INIT_LABELS = { small: '0.01·N(0,1)', xavier: 'Xavier', he: 'He' } as const;

export function describeConfig(config: LabConfig): string {
  const parts = [config.activation === 'tanh' ? 'tanh' : 'ReLU', INIT_LABELS[config.init]];
  if (config.batchNorm) parts.push('batch norm');
  if (config.dropout > 0) parts.push(`dropout ${config.dropout}`);
  return parts.join(', ');
}

/** A number for a small table cell: 3 significant digits, scientific below 1e-3. */
export function formatValue(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  return magnitude < 1e-3 || magnitude >= 1e4 ? value.toExponential(2) : value.toPrecision(3);
}

export function formatPercent(fraction: number): string {
  return `${(100 * fraction).toFixed(1)}%`;
}

/** One configuration in a sentence: how the activations' and gradients' spread changes with depth. */
export function describeSweep(name: string, config: LabConfig, layers: readonly LayerReport[], loss: number): string {
  const first = layers[0]!;
  const last = layers[layers.length - 1]!;
  const extra = config.activation === 'tanh'
    ? `${formatPercent(last.activations.saturated)} saturated (|a| > 0.99)`
    : `${formatPercent(last.activations.dead)} dead units`;
  return `${name} (${describeConfig(config)}): activation std ${formatValue(first.activations.std)} at layer 1, ${formatValue(last.activations.std)} at layer ${layers.length} (${extra}); gradient std ${formatValue(first.gradients.std)} at layer 1, ${formatValue(last.gradients.std)} at layer ${layers.length}; initial loss ${loss.toFixed(3)} (ln 10 = 2.303).`;
}

export interface TrainingState {
  mode: 'train' | 'overfit';
  step: number;
  steps: number;
  batch: number;
  configs: readonly { name: string; config: LabConfig; losses: readonly number[]; accuracy: number | undefined; ratios: readonly number[] }[];
}

/** An update/weight ratio, always in powers of ten (to read against the notes' ~1e-3). */
export function formatRatio(value: number): string {
  return value.toExponential(1);
}

/** The ratios' range over the layers, e.g. "2.1e-4 to 3.5e-3". */
function ratioRange(ratios: readonly number[]): string {
  if (ratios.length === 0) return '';
  return `, update/weight ratio ${formatRatio(Math.min(...ratios))} to ${formatRatio(Math.max(...ratios))} over the layers`;
}

/** Training in a sentence per configuration: loss now and at step 0 (against ln 10), accuracy, ratios. */
export function describeTraining(state: TrainingState): string {
  const what = state.mode === 'overfit' ? 'on the same 20 digits, no dropout' : `minibatches of ${state.batch}`;
  const head = `Step ${state.step} of ${state.steps} (${what}).`;
  const accuracyName = state.mode === 'overfit' ? 'accuracy on the 20' : 'held-out accuracy';
  const parts = state.configs.map(({ name, config, losses, accuracy, ratios }) => {
    if (losses.length === 0) return '';
    const shown = state.mode === 'overfit' ? { ...config, dropout: 0 } : config;
    const score = accuracy === undefined ? '' : `, ${accuracyName} ${formatPercent(accuracy)}`;
    return `${name} (${describeConfig(shown)}): loss ${formatValue(losses.at(-1)!)}, initial loss ${losses[0]!.toFixed(3)} (ln 10 = 2.303)${score}${ratioRange(ratios)}.`;
  });
  return [head, ...parts].filter(Boolean).join(' ');
}
