/**
 * The semantic-gap demo's measurement and readout on the site's digits (CPU backend): the default
 * (held-out digit 5, a 7, shifted 2 px right) as the reader's summary states it, exactly.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { loadPretrainedCnnNode } from '../../src/data/model-node.ts';
import { measureGap } from '../../src/demos/semantic-gap/measure.ts';
import { testDigitSource } from '../../src/demos/semantic-gap/source.ts';
import { defaultSettings } from '../../src/demos/settings.ts';
import { SEMANTIC_GAP_SPEC } from '../../src/demos/semantic-gap/spec.ts';
import { describeGap } from '../../src/demos/semantic-gap/summary.ts';
import { createCodeSpace } from '../../src/engines/semantic-gap/code-space.ts';
import { createNeighbourSearch } from '../../src/engines/semantic-gap/neighbour-search.ts';
import { nearestPerClass } from '../../src/engines/semantic-gap/pixel-distances.ts';

const data = loadMnistNode();
const { weights } = loadPretrainedCnnNode();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('semantic-gap measurement', () => {
  test('the default: a 7 shifted 2 px right is farther in pixels than the nearest other 7 and than a 4; in codes the 4 is twice as far', async () => {
    const space = createCodeSpace(tf, weights);
    const settings = defaultSettings(SEMANTIC_GAP_SPEC);
    const source = testDigitSource(data, settings.digit);
    const search = createNeighbourSearch(tf, data.images, data.labels, { start: 0, end: 8000 });
    // The backend's search finds the same neighbours as the plain-TypeScript one.
    const found = await search.perClass(source.pixels);
    const reference = nearestPerClass(source.pixels, data.images, data.labels, { start: 0, end: 8000 });
    expect(found.map((n) => n!.index)).toEqual(reference.map((n) => n!.index));
    found.forEach((n, c) => expect(n!.distance).toBeCloseTo(reference[c]!.distance, 3));
    expect(tf.memory().numTensors).toBe(10); // the ConvNet's 8 parameters, the training digits and their norms
    const cache = {};
    const m = await measureGap(data, space, search, source, settings, cache);
    const summary = describeGap(m.measure);
    const [l1, l2, code] = m.measure.spaces;
    expect(source.label).toBe(7);
    // In pixels the shifted 7 is farther from the original than its nearest 7, and than a 4.
    expect(l1.values[0]).toBeCloseTo(78.98, 2);
    expect(l2.values).toEqual([expect.closeTo(7.812, 3), expect.closeTo(4.135, 3), expect.closeTo(7.220, 3)]);
    // In code space the 4 is twice as far as the shifted 7.
    expect(code.values[0]).toBeLessThan(code.values[2] / 2);
    expect(summary).toBe('Held-out digit 5 (a 7), shifted 2 px right: in pixel space (L2) it is 7.81 from the original, farther than the nearest other 7 among the training digits (4.14) and farther than the nearest digit of another class, a 4 (7.22). In the ConvNet\'s code space it is 11.0 away: farther than that 7 (7.53) and nearer than that 4 (23.9); the network reads the changed digit as a 7 (100%).');
    expect(m.measure.changedReading.label).toBe(7);
    const again = await measureGap(data, space, search, source, { ...settings, shiftX: 0 }, cache);
    expect(again.measure.spaces.map((s) => s.values[0])).toEqual([0, 0, 0]);
    expect(describeGap(again.measure)).toBe('Held-out digit 5 (a 7), unchanged: every distance from the original is 0. Shift, rotate, darken, occlude or add noise to see how far each change moves it.');
    expect(tf.memory().numTensors).toBe(10);
    space.dispose();
    search.dispose();
    expect(tf.memory().numTensors).toBe(0);
  });
});
