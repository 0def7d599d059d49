/** The kNN demo's readouts: exact strings from a session state, the timing rows and the skipped-k message. */
import { describe, expect, test } from 'vitest';
import { splitKs, type SessionState } from '../../src/engines/knn/session.ts';
import { describeSession, describeSkipped, formatMs, timingRows } from '../../src/demos/knn/summary.ts';
import type { TimingReply } from '../../src/engines/knn/knn-engine.ts';

const timings: TimingReply[] = [
  { kind: 'timing', method: 'two', ms: 1234, pairs: 2500, maxDifference: 2.4e-7 },
  { kind: 'timing', method: 'one', ms: 40, pairs: 2500, maxDifference: 0 },
  { kind: 'timing', method: 'none', ms: 2, pairs: 2500, maxDifference: 1.1e-6 },
];

const state = (overrides: Partial<SessionState>): SessionState => ({
  phase: 'done', timings, folds: [{ start: 0, end: 2 }, { start: 2, end: 4 }], ks: [1, 3], skipped: [], accuracy: [[0.9, 0.8], [1, 0.8]], validated: 4,
  chosenK: 1, heldOutCorrect: 93, heldOutDone: 100, heldOutTotal: 100, crossValidationMs: 8300, ...overrides,
});

describe('kNN readouts', () => {
  test('the summary in each phase', () => {
    expect(describeSession(undefined, 4, 'l2')).toBe('Starting…');
    expect(describeSession(state({ phase: 'timing', timings: timings.slice(0, 1) }), 4, 'l2')).toBe('Timing the distance computations: two loops 1.2 s.');
    expect(describeSession(state({ phase: 'cross-validation', accuracy: [[0.9, 0.8]], validated: 2 }), 4, 'l1')).toBe('2-fold cross-validation of k on 4 training digits (L1): 2 of 4 digits validated, 1 of 2 folds done.');
    expect(describeSession(state({ phase: 'held-out', heldOutDone: 40 }), 4, 'l2')).toBe('2-fold cross-validation of k on 4 training digits (L2) took 8.3 s; k = 1 is best, 95.0% ± 5.0% over the folds. Scoring held-out digits: 40 of 100.');
    expect(describeSession(state({}), 4, 'l2')).toBe('2-fold cross-validation of k on 4 training digits (L2) took 8.3 s; k = 1 is best, 95.0% ± 5.0% over the folds. On 100 held-out digits, k = 1 is right 93.0% of the time (93 correct).');
  });

  test('timing rows compare each version with no loops', () => {
    expect(timingRows(timings, 10, 250)).toEqual([
      ['two loops', '10 × 250', '1.2 s', '494 µs', '617×', '2.4e-7'],
      ['one loop', '10 × 250', '40 ms', '16.0 µs', '20×', '0'],
      ['no loops', '10 × 250', '2.0 ms', '0.800 µs', '1.0×', '1.1e-6'],
    ]);
    expect(formatMs(0.25)).toBe('0.3 ms');
    expect(timingRows([{ ...timings[0]!, ms: 4200, pairs: 2500 }], 10, 250)[0]![3]).toBe('1.68 ms');
  });

  test('the message for k a fold cannot supply', () => {
    expect(describeSkipped(splitKs(5000, 5))).toBe('');
    expect(describeSkipped(splitKs(60, 5))).toBe('k = 50 and 100 are larger than the 48 training digits each fold leaves, so cross-validation skips them.');
    expect(describeSkipped(splitKs(100, 2))).toBe('k = 100 is larger than the 50 training digits each fold leaves, so cross-validation skips it.');
  });
});
