/** Saving and opening char-RNN weights (the site's model format inside one JSON file), and the engine's rounds. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, test } from 'vitest';
import { openModel, saveModel } from '../../src/demos/char-rnn/model-file.ts';
import { initialParams, type ModelShape } from '../../src/engines/char-rnn/cells.ts';
import { createCharRnnEngine } from '../../src/engines/char-rnn/char-rnn-engine.ts';
import { buildVocab, encodeText } from '../../src/engines/char-rnn/vocab.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const shape: ModelShape = { cell: 'gru', layers: 2, hidden: 8, vocab: 3 };
const chars = ['a', 'b', 'c'];

describe('model file', () => {
  test('round trip keeps the shape, the vocabulary and every weight', () => {
    const values = initialParams(shape, { seed: 4 });
    const opened = openModel(saveModel(shape, chars, values, { steps: 10 }));
    expect(opened.shape).toEqual(shape);
    expect(opened.chars).toEqual(chars);
    for (const [name, v] of Object.entries(values)) expect(opened.values[name]).toEqual(v);
  });

  test('a damaged or foreign file says what is wrong', () => {
    const file = JSON.parse(saveModel(shape, chars, initialParams(shape, { seed: 4 }), { steps: 10 })) as { manifest: Record<string, unknown>; weights: string };
    expect(() => openModel('not json')).toThrow('This file is not a saved char-RNN model (it is not JSON).');
    expect(() => openModel(JSON.stringify({ ...file, weights: `AAAA${file.weights.slice(4)}` }))).toThrow(/checksum .* does not match/);
    expect(() => openModel(JSON.stringify({ ...file, manifest: { ...file.manifest, hidden: 9 } }))).toThrow(/parameters that do not match/);
    expect(() => openModel(JSON.stringify({ ...file, manifest: { ...file.manifest, hidden: 4096 } }))).toThrow('The model has 2 layers of 4096 units; this demo runs 1-2 layers of 8-256.');
  });
});

test('the engine as a worker serves it: train, evaluate, sample, activations, weights; same numbers from the same seed', async () => {
  const text = 'one two three four five six seven eight nine ten. '.repeat(20);
  const vocab = buildVocab(text);
  const ids = encodeText(text, vocab).ids;
  const init = { shape: { cell: 'lstm' as const, layers: 1, hidden: 12, vocab: vocab.chars.length }, train: ids.subarray(0, 900), valid: ids.subarray(900), batch: 4, steps: 10, seed: 2 };
  const run = async () => {
    const engine = createCharRnnEngine(tf, init, new AbortController().signal);
    const trained = (await engine.handle({ kind: 'train', steps: 5, hyper: { learningRate: 0.01, clip: 5, decay: 'none', totalSteps: 0 } })).reply;
    const evaluated = (await engine.handle({ kind: 'evaluate', most: 100 })).reply;
    const sampled = (await engine.handle({ kind: 'sample', prime: Int32Array.of(1, 2), length: 8, temperature: 1, seed: 3 })).reply;
    const act = (await engine.handle({ kind: 'activations', ids: Int32Array.of(1, 2, 3) })).reply;
    const weights = (await engine.handle({ kind: 'weights' })).reply;
    engine.dispose();
    return { trained, evaluated, sampled, act, weights };
  };
  const before = tf.memory().numTensors;
  const a = await run();
  expect(tf.memory().numTensors).toBe(before);
  expect(a.trained.step).toBe(5);
  expect(a.trained.records).toHaveLength(5);
  expect(a.evaluated.nats).toBeGreaterThan(1);
  expect(a.sampled.sample!.ids).toHaveLength(8);
  expect(a.act.activations!.h).toHaveLength(36);
  expect(a.act.activations!.c).toHaveLength(36);
  expect(Object.keys(a.weights.weights!)).toEqual(['l0.Wx', 'l0.Wh', 'l0.b', 'Wy', 'by']);
  const b = await run();
  expect(b.trained.records).toEqual(a.trained.records);
  expect(b.sampled.sample).toEqual(a.sampled.sample);
});
