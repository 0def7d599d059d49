import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, expectTypeOf, test } from 'vitest';
import { isAbort, runSliced } from '../../src/tf/slices.ts';
import { createFrameBudget } from '../../src/demos/frame-budget.ts';
import { defineSettings, type SettingsOf } from '../../src/demos/settings.ts';
import { applySettingsChange, settingsFromLink } from '../../src/demos/settings-changes.ts';
import { describeLandscape } from '../../src/demos/loss-landscape/summary.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SPEC = defineSettings({
  model: { kind: 'choice', label: 'Model', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], default: 'a', restarts: true },
  steps: { kind: 'int', label: 'Steps', min: 1, max: 100, default: 10 },
  rate: { kind: 'number', label: 'Rate', min: 0, max: 1, step: 0.01, default: 0.5 },
  on: { kind: 'bool', label: 'On', default: true },
});

describe('runSliced: GPU work in awaited slices', () => {
  test('runs every step in order, reads each result and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const seen: number[] = [];
    const done = await runSliced(tf, 40, (i) => tf.scalar(i * 2), { onValues: (values, step) => seen.push(values[0]! - 2 * step) });
    expect(done).toBe(40);
    expect(seen).toEqual(new Array(40).fill(0));
    expect(tf.memory().numTensors).toBe(before);
  });

  test('stops at the next slice once the signal fires, and throws an AbortError', async () => {
    const before = tf.memory().numTensors;
    const abort = new AbortController();
    let issued = 0;
    const run = runSliced(tf, 10_000, () => {
      issued += 1;
      if (issued === 5) abort.abort(new DOMException('stopped', 'AbortError'));
      return tf.scalar(issued);
    }, { signal: abort.signal, maxPerSlice: 4 });
    const error = await run.catch((e: unknown) => e);
    expect(isAbort(error)).toBe(true);
    // The slice that saw the signal finishes its few steps; no further slice starts.
    expect(issued).toBeLessThanOrEqual(8);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('slices start at one step, grow while fast, and never pass maxPerSlice', async () => {
    const sizes: number[] = [];
    let issuedSinceRead = 0;
    await runSliced(tf, 100, () => {
      issuedSinceRead += 1;
      return tf.scalar(0);
    }, { maxPerSlice: 8, onValues: () => {
      // Values are read after the slice: the first read of a slice sees its size.
      if (issuedSinceRead > 0) sizes.push(issuedSinceRead);
      issuedSinceRead = 0;
    } });
    expect(sizes[0]).toBe(1);
    expect(Math.max(...sizes)).toBe(8);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('frame budget', () => {
  test('on main-thread backends a frame takes as many steps as fit the budget', async () => {
    const budget = createFrameBudget({ mainThread: true, budgetMs: 30, initialMsPerStep: 10 });
    expect(budget.steps(50)).toBe(3);
    expect(budget.steps(2)).toBe(2);
    const gpu = createFrameBudget({ mainThread: false, budgetMs: 30, initialMsPerStep: 10 });
    expect(gpu.steps(50)).toBe(50);
  });

  test('measuring slow steps lowers the count, never below one', async () => {
    const budget = createFrameBudget({ mainThread: true, budgetMs: 30, initialMsPerStep: 1 });
    const result = await budget.measure(1, async () => {
      const until = performance.now() + 40;
      while (performance.now() < until);
      return 'done';
    });
    expect(result).toBe('done');
    expect(budget.msPerStep).toBeGreaterThan(10);
    expect(budget.steps(50)).toBeLessThan(3);
    expect(budget.steps(50)).toBeGreaterThanOrEqual(1);
  });
});

describe('typed settings', () => {
  test('a spec declared with defineSettings types each value by its kind', () => {
    expectTypeOf<SettingsOf<typeof SPEC>>().toEqualTypeOf<{ model: 'a' | 'b'; steps: number; rate: number; on: boolean }>();
  });

  test('a change is validated, clamped with a message, and says whether the run restarts', () => {
    const current = { model: 'a', steps: 10, rate: 0.5, on: true };
    const clamped = applySettingsChange(SPEC, current, { steps: '500' });
    expect(clamped.next['steps']).toBe(100);
    expect(clamped.problems).toEqual(['Steps: 500 is outside 1 to 100; using 100.']);
    expect(clamped.restart).toBe(false);
    const refused = applySettingsChange(SPEC, current, { model: 'z' });
    expect(refused.next['model']).toBe('a');
    expect(refused.problems[0]).toContain('"z" is not one of the choices');
    expect(applySettingsChange(SPEC, current, { model: 'b' }).restart).toBe(true);
    expect(applySettingsChange(SPEC, current, { rate: 'NaN' }).next['rate']).toBe(0.5);
  });

  test('a link sets values, derived settings follow, and values the link gives win', () => {
    const adjust = (changed: string, next: Record<string, string | number | boolean>) => (changed === 'model' ? { ...next, steps: next['model'] === 'b' ? 50 : 10 } : next);
    const onlyModel = settingsFromLink('demo', SPEC, new URLSearchParams('demo.model=b'), adjust);
    expect(onlyModel.settings['steps']).toBe(50);
    const both = settingsFromLink('demo', SPEC, new URLSearchParams('demo.model=b&demo.steps=7'), adjust);
    expect(both.settings['steps']).toBe(7);
    const bad = settingsFromLink('demo', SPEC, new URLSearchParams('demo.steps=x'), adjust);
    expect(bad.settings['steps']).toBe(10);
    expect(bad.problems).toHaveLength(1);
  });
});

describe('loss-landscape readout', () => {
  test('says what was trained, then the grid range and time', () => {
    const base = { model: 'linear-softmax', width: 32, digits: 1000, resolution: 3, backend: 'wasm' } as const;
    expect(describeLandscape(base)).toBe('Training…');
    const trained = describeLandscape({ ...base, trained: { loss: 0.31234, accuracy: 0.9123 } });
    expect(trained).toBe('Linear classifier (softmax) trained on 1000 digits: loss 0.312, training accuracy 91.2%.');
    const withGrid = describeLandscape({ ...base, trained: { loss: 0.3, accuracy: 0.9 }, grid: { values: Float32Array.from([2, 0.5, 9]), milliseconds: 12.4 } });
    expect(withGrid).toContain('3×3 grid computed in 12 ms on WebAssembly; loss from 0.500 to 9.000');
  });
});
