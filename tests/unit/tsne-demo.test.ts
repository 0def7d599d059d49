/** The t-SNE demo's pure parts: readouts, messages, summary, settings it cannot honour, the P cache, exports. */
import { describe, expect, expectTypeOf, test } from 'vitest';
import { defaultsOf } from '../../src/demos/settings.ts';
import { createOneSlotCache } from '../../src/demos/one-slot-cache.ts';
import { tsneExport, tsneFigureTitle } from '../../src/demos/tsne/export-data.ts';
import { resolveGradient, resolvePerplexity } from '../../src/demos/tsne/method.ts';
import { preparationKey } from '../../src/demos/tsne/prepare.ts';
import { TSNE_SPEC, type TsneSettings } from '../../src/demos/tsne/spec.ts';
import { affinitiesText, calibrationMessage, describeTsne, inputSpaceAccuracy, methodText, neighborsMessage, onGrid, tsneReadouts, type TsneProgress } from '../../src/demos/tsne/summary.ts';

const progress: TsneProgress = {
  n: 10000,
  iteration: 150,
  total: 1000,
  kls: [{ iteration: 0, kl: 4.5 }, { iteration: 125, kl: 3.14159 }],
  accuracies: [{ iteration: 0, accuracy: 0.1 }, { iteration: 150, accuracy: 0.8771 }],
  inputAccuracy: 0.9522,
  msPerIteration: 61.25,
  method: 'Barnes-Hut gradient (θ = 0.5) in 2 Web Workers',
  features: 'raw pixels (784 dimensions)',
};

describe('t-SNE settings', () => {
  test('are typed by the spec: N and the gradient narrowed to their choices', () => {
    expectTypeOf<TsneSettings['n']>().toEqualTypeOf<'500' | '1000' | '2000' | '5000' | '10000'>();
    expectTypeOf<TsneSettings['features']>().toEqualTypeOf<'pixels' | 'pca50' | 'cnn'>();
    expectTypeOf<TsneSettings['gradient']>().toEqualTypeOf<'auto' | 'exact' | 'barnes-hut'>();
    expectTypeOf<TsneSettings['learningRate']>().toEqualTypeOf<number>();
    expect(defaultsOf(TSNE_SPEC)).toMatchObject({ n: '2000', features: 'pixels', perplexity: 30, learningRate: 200, gradient: 'auto', seed: 1 });
  });

  test('a perplexity of N/3 or more is lowered to the largest allowed, with the reason', () => {
    expect(resolvePerplexity(500, 30)).toEqual({ perplexity: 30 });
    expect(resolvePerplexity(500, 180)).toEqual({
      perplexity: 166,
      note: 'Perplexity 180 is too large for 500 digits: it must stay below N/3 (each point is compared with its 3 × perplexity = 540 nearest neighbours, and there are only 499 others). Using 166.',
    });
  });

  test('the exact gradient beyond what a backend holds falls back to Barnes-Hut, with a note', () => {
    expect(resolveGradient('exact', 'wasm', 1000)).toEqual({ method: 'exact' });
    expect(resolveGradient('exact', 'wasm', 2000)).toEqual({
      method: 'barnes-hut',
      note: 'The exact gradient needs N × N matrices: with 2,000 digits that is too much for WebAssembly (up to 1,000). Using Barnes-Hut.',
    });
    expect(resolveGradient('auto', 'webgpu', 2000).method).toBe('exact');
    expect(resolveGradient('auto', 'webgpu', 5000).method).toBe('barnes-hut');
  });
});

describe('t-SNE readouts and summary', () => {
  test('readouts show the last KL and accuracy, and the time with the method', () => {
    expect(tsneReadouts(progress)).toEqual({
      iteration: '150 of 1,000',
      kl: '3.142',
      accuracy: '87.7% (input space 95.2%)',
      time: '61.3 ms (Barnes-Hut gradient (θ = 0.5) in 2 Web Workers)',
    });
    expect(tsneReadouts({ ...progress, kls: [], accuracies: [], msPerIteration: Number.NaN })).toEqual({ iteration: '150 of 1,000', kl: '…', accuracy: '…', time: '…' });
  });

  test('the summary says what the readouts say, in sentences', () => {
    expect(describeTsne(progress)).toBe('t-SNE of 10,000 digits, distances between raw pixels (784 dimensions); iteration 150 of 1000. KL divergence 3.142. Nearest-neighbour label accuracy in the map 87.7%, in the input space 95.2%. 61.3 ms per iteration, Barnes-Hut gradient (θ = 0.5) in 2 Web Workers.');
    expect(describeTsne({ ...progress, iteration: 0, kls: [], accuracies: [], msPerIteration: Number.NaN })).toBe('t-SNE of 10,000 digits, distances between raw pixels (784 dimensions); iteration 0 of 1000.');
  });

  test('method, affinities and progress messages', () => {
    expect(methodText('exact', 'webgpu', 0)).toBe('exact gradient on WebGPU');
    expect(methodText('barnes-hut', 'wasm', 1)).toBe('Barnes-Hut gradient (θ = 0.5) in 1 Web Worker');
    expect(methodText('barnes-hut', 'cpu', 0)).toBe('Barnes-Hut gradient (θ = 0.5)');
    expect(affinitiesText(90, 1234567, 12345)).toBe('90 neighbours per digit, 1,234,567 nonzero pᵢⱼ, in 12.3 s');
    expect(affinitiesText(90, 50000, 812)).toBe('90 neighbours per digit, 50,000 nonzero pᵢⱼ, in 0.81 s');
    expect(neighborsMessage(30, 'raw pixels (784 dimensions)', 2560, 10000)).toBe('Finding the 90 nearest neighbours of each digit in raw pixels (784 dimensions): 2,560 of 10,000…');
    expect(calibrationMessage(30)).toBe("Setting each digit's bandwidth σᵢ for perplexity 30…");
  });

  test('chart values sit on the grid of their interval, with gaps where nothing was recorded', () => {
    expect(onGrid([[0, 5], [10, 4], [30, 2], [35, 9]], 10, 40)).toEqual([5, 4, Number.NaN, 2, Number.NaN]);
    expect(onGrid([[50, 1]], 50, 40)).toEqual([Number.NaN]);
  });

  test('input-space accuracy: how often the first neighbour shares the label', () => {
    const neighbors = { k: 2, indices: Int32Array.from([1, 2, 0, 2, 3, 1, 2, 0]) };
    expect(inputSpaceAccuracy(neighbors, [7, 7, 3, 7])).toBe(0.5);
  });
});

describe('the affinities cache the element owns', () => {
  test('keys hold what P depends on: the seed only for PCA', () => {
    const base = { n: 2000, space: 'pixels' as const, perplexity: 30, seed: 1 };
    expect(preparationKey(base, 'wasm')).toBe(preparationKey({ ...base, seed: 7 }, 'wasm'));
    expect(preparationKey(base, 'wasm')).not.toBe(preparationKey(base, 'webgl'));
    expect(preparationKey({ ...base, space: 'pca50' }, 'wasm')).not.toBe(preparationKey({ ...base, space: 'pca50', seed: 7 }, 'wasm'));
    expect(preparationKey(base, 'wasm')).not.toBe(preparationKey({ ...base, perplexity: 31 }, 'wasm'));
  });

  test('keeps one value: another key misses, a new value replaces the old', () => {
    const cache = createOneSlotCache<number[]>();
    const value = [1, 2];
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', value);
    expect(cache.get('a')).toBe(value);
    expect(cache.get('b')).toBeUndefined();
    cache.set('b', [3]);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toEqual([3]);
    cache.clear();
    expect(cache.get('b')).toBeUndefined();
  });
});

describe('t-SNE export', () => {
  test('the embedding as CSV rows and the run as JSON', () => {
    const { csv, json } = tsneExport({
      n: 2, features: 'pixels', perplexity: 30, method: 'exact', iteration: 10, labels: [4, 9], y: Float64Array.from([0.5, -1, 2, 3.25]),
      affinities: { neighbors: { k: 1 }, p: { cols: { length: 2 } }, milliseconds: { neighbors: 1, calibration: 2, total: 3 } },
      msPerIteration: 1.5, kls: [{ iteration: 0, kl: 2 }], accuracies: [{ iteration: 0, accuracy: 0.5 }], inputAccuracy: 1,
    });
    expect(csv).toBe('"digit","label","x","y"\n0,4,0.5,-1\n1,9,2,3.25\n');
    expect(json).toEqual({
      n: 2, features: 'pixels', perplexity: 30, method: 'exact', iteration: 10,
      affinities: { neighbors: 1, nonzero: 2, milliseconds: { neighbors: 1, calibration: 2, total: 3 } },
      msPerIteration: 1.5, kl: [{ iteration: 0, kl: 2 }], accuracy: [{ iteration: 0, accuracy: 0.5 }], inputSpaceAccuracy: 1,
      embedding: [{ label: 4, x: 0.5, y: -1 }, { label: 9, x: 2, y: 3.25 }],
    });
    expect(tsneFigureTitle(500, 'pca50', 30, 300, [{ iteration: 290, kl: 1.23456 }])).toBe('t-SNE of 500 MNIST digits (pca50), perplexity 30, iteration 300, KL 1.235');
    expect(tsneFigureTitle(500, 'pixels', 30, 0, [])).toBe('t-SNE of 500 MNIST digits (pixels), perplexity 30, iteration 0');
  });
});
