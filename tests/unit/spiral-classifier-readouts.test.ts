import { describe, expect, test } from 'vitest';
import { pointPath } from '../../src/engines/spiral/spiral-reference.ts';
import { describeEmptyClasses, describePath, describeSpiral } from '../../src/demos/spiral-classifier/summary.ts';

describe('spiral readouts', () => {
  test('summary', () => {
    expect(describeSpiral({ step: 0, steps: 100, points: 0, classes: 3, hidden: 100 })).toBe('No points yet: click on the figure to add some.');
    expect(describeSpiral({ step: 250, steps: 10000, points: 300, classes: 3, hidden: 100, linear: { loss: 0.78612, accuracy: 0.49 }, net: { loss: 0.2451, accuracy: 0.98333 } })).toBe(
      'Step 250 of 10000 on 300 points in 3 classes. Linear classifier: loss 0.786, training accuracy 49.0%. 2-layer net (100 hidden): loss 0.245, training accuracy 98.3%.',
    );
  });

  test('empty classes', () => {
    expect(describeEmptyClasses([])).toBe('');
    expect(describeEmptyClasses([2])).toBe('Class 3 has no points: the models still score it, but can never be right about it. Click on the plane to add points.');
    expect(describeEmptyClasses([0, 2, 4])).toBe('Classes 1, 3 and 5 have no points: the models still score them, but can never be right about them. Click on the plane to add points.');
  });

  test('a point\'s path through the 2-layer net and through the linear classifier', () => {
    const net = { W1: Float64Array.of(1, -1, 0.5, 2), b1: Float64Array.of(0, 0.1), W2: Float64Array.of(1, 0, 0, 1), b2: Float64Array.of(0, 0) };
    const rows = (path: ReturnType<typeof pointPath>, label: number) => describePath(path, label).map((r) => [r.stage, r.value, r.gradient]);
    expect(rows(pointPath(net, [1, -1], 0), 0)).toEqual([
      ['x', '(1.000, -1.000), class 1', '(-0.378, -0.189)'],
      ['W1ᵀx + b1', '[0.500, -2.900]', '[-0.378, 0.000] (0 where the unit is off)'],
      ['h = max(0, ·)', '[0.500, 0.000] (1 of 2 units active)', 'W2 · ∂Lᵢ/∂scores = [-0.378, 0.378]'],
      ['scores W2ᵀh + b2', '[0.500, 0.000]', 'p − y = [-0.378, 0.378]'],
      ['softmax p', '[0.622, 0.378]', '−1/p at class 1 = [-1.607, 0.000]'],
      ['Lᵢ = −log p(class 1)', '0.474', '1'],
      ['weights', '', '‖∂Lᵢ/∂W1‖ = ‖x‖·‖∂Lᵢ/∂(W1ᵀx + b1)‖ = 0.534; ‖∂Lᵢ/∂W2‖ = ‖h‖·‖∂Lᵢ/∂scores‖ = 0.267; ∂Lᵢ/∂b1 and ∂Lᵢ/∂b2 are the rows above'],
    ]);
    const linear = { W1: Float64Array.of(1, 0, 0, 0, 1, 0), b1: Float64Array.of(0, 0, 0) };
    expect(rows(pointPath(linear, [0, 0], 2), 2).slice(1)).toEqual([
      ['scores Wᵀx + b', '[0.000, 0.000, 0.000]', 'p − y = [0.333, 0.333, -0.667]'],
      ['softmax p', '[0.333, 0.333, 0.333]', '−1/p at class 3 = [0.000, 0.000, -3.000]'],
      ['Lᵢ = −log p(class 3)', '1.099', '1'],
      ['weights', '', '‖∂Lᵢ/∂W‖ = ‖x‖·‖∂Lᵢ/∂scores‖ = 0.000; ∂Lᵢ/∂b is the scores\' row'],
    ]);
  });
});
