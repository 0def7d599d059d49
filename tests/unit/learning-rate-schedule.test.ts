/** The shared learning-rate schedule (the activation lab and the char-RNN): values at given steps. */
import { expect, test } from 'vitest';
import { scheduledRate } from '../../src/engines/optimizers/schedule.ts';

test('cosine falls from α to 0 over T steps and stays at 0; none keeps α', () => {
  expect(scheduledRate(0.006, 0, 400, 'cosine')).toBe(0.006);
  expect(scheduledRate(0.006, 100, 400, 'cosine')).toBeCloseTo(0.006 * (1 + Math.SQRT1_2) / 2, 15);
  expect(scheduledRate(0.006, 200, 400, 'cosine')).toBeCloseTo(0.003, 15);
  expect(scheduledRate(0.006, 300, 400, 'cosine')).toBeCloseTo(0.006 * (1 - Math.SQRT1_2) / 2, 15);
  expect(scheduledRate(0.006, 400, 400, 'cosine')).toBeCloseTo(0, 15);
  expect(scheduledRate(0.006, 500, 400, 'cosine')).toBeCloseTo(0, 15);
  expect(scheduledRate(0.02, 1000, 3000, 'cosine')).toBeCloseTo(0.015, 15);
  expect(scheduledRate(0.006, 200, 400, 'none')).toBe(0.006);
  // No horizon: α throughout.
  expect(scheduledRate(0.006, 200, 0, 'cosine')).toBe(0.006);
});
