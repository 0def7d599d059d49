import { describe, expect, test } from 'vitest';
import { describeConfig, describeSweep, describeTraining, formatPercent, formatValue } from '../../src/demos/activation-lab/summary.ts';
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

  test('training in one sentence per configuration: loss, initial loss against ln 10, accuracy, ratio range', () => {
    const he = { activation: 'relu', init: 'he', batchNorm: true, dropout: 0.5 } as const;
    const small = { activation: 'tanh', init: 'small', batchNorm: false, dropout: 0 } as const;
    expect(describeTraining({
      mode: 'train', step: 150, steps: 3000, batch: 64,
      configs: [
        { name: 'A', config: he, losses: [2.871, 0.9, 0.3127], accuracy: 0.912, ratios: [2.1e-3, 8.4e-4, 1.5e-2] },
        { name: 'B', config: small, losses: [2.3026, 2.3025], accuracy: undefined, ratios: [] },
      ],
    })).toBe('Step 150 of 3000 (minibatches of 64). A (ReLU, He, batch norm, dropout 0.5): loss 0.313, initial loss 2.871 (ln 10 = 2.303), held-out accuracy 91.2%, update/weight ratio 8.4e-4 to 1.5e-2 over the layers. B (tanh, 0.01·N(0,1)): loss 2.30, initial loss 2.303 (ln 10 = 2.303).');
    expect(describeTraining({ mode: 'overfit', step: 200, steps: 200, batch: 20, configs: [{ name: 'A', config: he, losses: [2.4, 0.00042], accuracy: 1, ratios: [1e-3] }] }))
      .toBe('Step 200 of 200 (on the same 20 digits, no dropout). A (ReLU, He, batch norm): loss 4.20e-4, initial loss 2.400 (ln 10 = 2.303), accuracy on the 20 100.0%, update/weight ratio 1.0e-3 to 1.0e-3 over the layers.');
  });
});
