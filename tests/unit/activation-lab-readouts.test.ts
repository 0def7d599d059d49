import { describe, expect, test } from 'vitest';
import { describeConfig, describeSweep, formatPercent, formatValue } from '../../src/demos/activation-lab/summary.ts';
import type { LayerStats } from '../../src/engines/activation-lab/stats.ts';

const stats = (mean: number, std: number, saturated = 0, dead = 0): LayerStats => ({ mean, std, counts: [], low: -1, high: 1, saturated, dead });

describe('activation lab readouts', () => {
  test('numbers: three significant digits, scientific below 1e-3', () => {
    expect([formatValue(0), formatValue(0.26391), formatValue(-0.0123), formatValue(3.834e-7), formatValue(12345)]).toEqual(['0', '0.264', '-0.0123', '3.83e-7', '1.23e+4']);
    expect(formatPercent(0.16)).toBe('16.0%');
  });

  test('configurations in words', () => {
    expect(describeConfig({ activation: 'tanh', init: 'small', batchNorm: false, dropout: 0 })).toBe('tanh, 0.01·N(0,1)');
    expect(describeConfig({ activation: 'relu', init: 'he', batchNorm: true, dropout: 0.5 })).toBe('ReLU, He, batch norm, dropout 0.5');
  });

  test('a sweep in one sentence: tanh reports saturation, ReLU dead units', () => {
    const layers = [{ activations: stats(0.001, 0.2639), gradients: stats(0, 2.8e-11) }, { activations: stats(0, 3.83e-7, 0.25), gradients: stats(0, 1.89e-5) }];
    expect(describeSweep('A', { activation: 'tanh', init: 'small', batchNorm: false, dropout: 0 }, layers, 2.30258)).toBe(
      'A (tanh, 0.01·N(0,1)): activation std 0.264 at layer 1, 3.83e-7 at layer 2 (25.0% saturated (|a| > 0.99)); gradient std 2.80e-11 at layer 1, 1.89e-5 at layer 2; initial loss 2.303 (ln 10 = 2.303).',
    );
    const relu = [{ activations: stats(0.3, 0.83), gradients: stats(0, 1.29e-4) }, { activations: stats(0.3, 0.849, 0, 0.16), gradients: stats(0, 1.24e-4) }];
    expect(describeSweep('B', { activation: 'relu', init: 'he', batchNorm: false, dropout: 0 }, relu, 2.782)).toBe(
      'B (ReLU, He): activation std 0.830 at layer 1, 0.849 at layer 2 (16.0% dead units); gradient std 1.29e-4 at layer 1, 1.24e-4 at layer 2; initial loss 2.782 (ln 10 = 2.303).',
    );
  });
});
