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
