/** The architecture explorer's readouts, as the reader sees them. */
import { describe, expect, test } from 'vitest';
import { analyzeArchitecture } from '../../src/engines/architectures/analyze.ts';
import { architectureById } from '../../src/engines/architectures/zoo.ts';
import { describeExplorer, describeTiming, formatAmount } from '../../src/demos/architecture-explorer/summary.ts';
import { cumulativeShare } from '../../src/demos/architecture-explorer/views.ts';

const alexnet = analyzeArchitecture(architectureById('alexnet'));
const resnet50 = analyzeArchitecture(architectureById('resnet50'));

describe('architecture explorer readouts', () => {
  test('amounts in three significant digits', () => {
    expect([formatAmount(60_965_224), formatAmount(1_582_671_872), formatAmount(4096), formatAmount(12)]).toEqual(['61.0 M', '1.58 G', '4.10 k', '12']);
  });

  test('one network, and a comparison', () => {
    expect(describeExplorer([alexnet], undefined)).toBe(
      'AlexNet on 227×227×3: 8 layers with weights, 61.0 M parameters, 724 M multiply-adds, 1.05 M activations (248.1 MB for a forward pass, 740.0 MB to train, weights included). Fully connected layers hold 96% of its parameters and do 8.1% of its multiply-adds.',
    );
    expect(describeExplorer([alexnet, resnet50], 'timed.')).toMatch(/ ResNet-50: 25.6 M parameters, 3.86 G multiply-adds \(5.33× the work\). timed.$/);
  });

  test('a timing: two floating-point operations per multiply-add over the second pass', () => {
    expect(describeTiming('AlexNet', 'WebAssembly', 724_406_816, { buildMs: 900.2, coldMs: 400.4, warmMs: 200, params: 1, output: [1, 1, 1, 1000] }, 'worker')).toBe(
      'AlexNet on WebAssembly, in a Web Worker: weights built in 900 ms; first pass 400 ms (kernels compiled, memory allocated), second pass 200 ms: 7.24 GFLOP/s (2 × 724 M multiply-adds per pass).',
    );
  });

  test('the cumulative share ends at 100% and never falls', () => {
    const share = cumulativeShare(resnet50, 'params');
    expect(share.at(-1)).toBeCloseTo(100, 10);
    expect(share.every((v, i) => i === 0 || v >= share[i - 1]!)).toBe(true);
  });
});
