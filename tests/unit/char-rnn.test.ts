/**
 * The char-RNN engine against its plain-TypeScript reference: the forward pass of each cell, the
 * gradients of autodiff against finite differences of the reference, truncated BPTT carrying the
 * state from batch to batch, bits per character, sampling, seeds and exact tensor counts.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, test } from 'vitest';
import { CELL_KINDS, initialParams, paramSpecs, type CellKind, type ModelShape } from '../../src/engines/char-rnn/cells.ts';
import { lstmLossAndGrads } from '../../src/engines/char-rnn/lstm-bptt.ts';
import { crossEntropy, unroll, zeroStateTensors } from '../../src/engines/char-rnn/model.ts';
import { referenceLoss } from '../../src/engines/char-rnn/reference.ts';
import { argmax, bitsPerChar, drawIndex, probabilitiesAt, sampleIndex, topK } from '../../src/engines/char-rnn/sampling.ts';
import { createCharRnnTrainer } from '../../src/engines/char-rnn/trainer.ts';
import { buildVocab, decodeIds, encodeText } from '../../src/engines/char-rnn/vocab.ts';
import { createStreamBatcher } from '../../src/engines/char-rnn/batches.ts';
import { paramTensors, type ParamValues } from '../../src/engines/params.ts';
import { createRandom } from '../../src/engines/random.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const tiny = (cell: CellKind, layers = 2): ModelShape => ({ cell, layers, hidden: 3, vocab: 5 });
// Larger weights than the default start, so every gate is away from its linear regime.
const tinyParams = (shape: ModelShape, seed = 3): ParamValues => {
  const values = initialParams(shape, { seed, scale: 1.5, forgetBias: 0.5 });
  const random = createRandom(seed + 100);
  for (const [name, v] of Object.entries(values)) if (name.endsWith('b') || name === 'l0.Wx') v.forEach((_, k) => (v[k] = 0.5 * random.normal()));
  return values;
};
const T = 4;
const B = 2;
const inputs = [[0, 1], [2, 3], [4, 0], [1, 1]];
const targets = [[1, 2], [3, 4], [0, 1], [2, 0]];

function tfLoss(shape: ModelShape, values: ParamValues): { loss: number; grads: Record<string, Float32Array> } {
  const specs = paramSpecs(shape);
  const p = paramTensors(tf, specs, values);
  const x = tf.tensor2d(inputs.flat(), [T, B], 'int32');
  const y = tf.tensor1d(targets.flat(), 'int32');
  const zero = zeroStateTensors(tf, shape, B);
  const names = specs.map((s) => s.name);
  const { value, grads } = tf.valueAndGrads((...ps: tf.Tensor[]) => {
    const all = Object.fromEntries(names.map((n, i) => [n, ps[i]!]));
    return crossEntropy(tf, unroll(tf, shape, all, x, zero).logits, y, shape.vocab) as tf.Scalar;
  })(names.map((n) => p[n]!));
  const out = { loss: value.dataSync()[0]!, grads: Object.fromEntries(names.map((n, i) => [n, grads[i]!.dataSync() as Float32Array])) };
  tf.dispose([value, ...grads, x, y, ...Object.values(p), ...zero.h, ...zero.c]);
  return out;
}

describe.each(CELL_KINDS)('%s cell, 2 layers', (cell) => {
  const shape = tiny(cell);
  const values = tinyParams(shape);

  test('forward: the tfjs loss equals the reference', () => {
    const ref = referenceLoss(shape, values, inputs, targets).loss;
    expect(ref).toBeGreaterThan(0.5);
    expect(tfLoss(shape, values).loss).toBeCloseTo(ref, 5);
  });

  test('backward: autodiff equals centred finite differences of the reference, for every parameter', () => {
    const { grads } = tfLoss(shape, values);
    const eps = 1e-5;
    let worst = 0;
    let largest = 0;
    for (const spec of paramSpecs(shape)) {
      const v = values[spec.name]!;
      for (let k = 0; k < v.length; k++) {
        const copy = (delta: number) => ({ ...values, [spec.name]: Float64Array.from(v, (w, j) => (j === k ? w + delta : w)) as unknown as Float32Array });
        const numeric = (referenceLoss(shape, copy(eps), inputs, targets).loss - referenceLoss(shape, copy(-eps), inputs, targets).loss) / (2 * eps);
        worst = Math.max(worst, Math.abs(numeric - grads[spec.name]![k]!));
        largest = Math.max(largest, Math.abs(numeric));
      }
    }
    expect(largest).toBeGreaterThan(0.05);
    expect(worst).toBeLessThan(2e-5);
  });
});

describe('the LSTM\'s written-out backward pass (lstm-bptt.ts)', () => {
  const shape = tiny('lstm');
  const values = tinyParams(shape);
  const run = (state?: { h: number[][][]; c: number[][][] }) => {
    const p = paramTensors(tf, paramSpecs(shape), values);
    const initial = state
      ? { h: state.h.map((rows) => tf.tensor2d(rows)), c: state.c.map((rows) => tf.tensor2d(rows)) }
      : zeroStateTensors(tf, shape, B);
    const out = lstmLossAndGrads(tf, shape, p, Int32Array.from(inputs.flat()), Int32Array.from(targets.flat()), B, initial);
    const result = {
      loss: out.loss.dataSync()[0]!,
      grads: Object.fromEntries(Object.entries(out.grads).map(([k, g]) => [k, g.dataSync() as Float32Array])),
      final: out.state.c.map((c) => Array.from(c.dataSync())),
    };
    tf.dispose([out.loss, ...Object.values(out.grads), ...out.state.h, ...out.state.c, ...initial.h, ...initial.c, ...Object.values(p)]);
    return result;
  };

  test('loss and every parameter\'s gradient equal the reference and its finite differences', () => {
    const before = tf.memory().numTensors;
    const { loss, grads } = tf.tidy(() => run());
    expect(tf.memory().numTensors).toBe(before);
    expect(loss).toBeCloseTo(referenceLoss(shape, values, inputs, targets).loss, 5);
    const eps = 1e-5;
    let worst = 0;
    let largest = 0;
    for (const spec of paramSpecs(shape)) {
      const v = values[spec.name]!;
      expect(grads[spec.name]!.length).toBe(v.length);
      for (let k = 0; k < v.length; k++) {
        const copy = (delta: number) => ({ ...values, [spec.name]: Float64Array.from(v, (w, j) => (j === k ? w + delta : w)) as unknown as Float32Array });
        const numeric = (referenceLoss(shape, copy(eps), inputs, targets).loss - referenceLoss(shape, copy(-eps), inputs, targets).loss) / (2 * eps);
        worst = Math.max(worst, Math.abs(numeric - grads[spec.name]![k]!));
        largest = Math.max(largest, Math.abs(numeric));
      }
    }
    expect(largest).toBeGreaterThan(0.05);
    expect(worst).toBeLessThan(2e-5);
  });

  test('from a carried state: the loss equals the reference started there, the final cell state too', () => {
    const zero = referenceLoss(shape, values, inputs, targets);
    // The reference keeps states per stream b and layer l; the tensors per layer, rows over b.
    const perLayer = (key: 'h' | 'c') => Array.from({ length: shape.layers }, (_, l) => zero.final.map((s) => Array.from(s[l]![key]!)));
    const { loss, final } = run({ h: perLayer('h'), c: perLayer('c') });
    const carried = referenceLoss(shape, values, inputs, targets, zero.final);
    expect(Math.abs(carried.loss - zero.loss)).toBeGreaterThan(1e-4);
    expect(loss).toBeCloseTo(carried.loss, 5);
    expect(final[1]![shape.hidden]).toBeCloseTo(carried.final[1]![1]!.c![0]!, 5);
  });
});

describe('truncated BPTT, bits per character, sampling', () => {
  const text = 'the cat sat on the mat. the dog sat on the log. '.repeat(8);
  const vocab = buildVocab(text);
  const ids = encodeText(text, vocab).ids;
  const shape: ModelShape = { cell: 'lstm', layers: 1, hidden: 8, vocab: vocab.chars.length };

  test('vocabulary: sorted, round trip, unknown characters counted', () => {
    expect(vocab.chars.join('')).toBe(' .acdeghlmnost');
    expect(decodeIds(ids.subarray(0, 12), vocab)).toBe('the cat sat ');
    expect(encodeText('cat!', vocab).skipped).toBe(1);
  });

  test('streams: B contiguous streams, targets shifted by one, restart flagged', () => {
    const next = createStreamBatcher(Int32Array.from({ length: 20 }, (_, i) => i), 2, 3);
    const first = next();
    expect(Array.from(first.inputs)).toEqual([0, 10, 1, 11, 2, 12]);
    expect(Array.from(first.targets)).toEqual([1, 11, 2, 12, 3, 13]);
    expect(first.restart).toBe(true);
    expect(Array.from(next().inputs)).toEqual([3, 13, 4, 14, 5, 15]);
    expect(next().restart).toBe(false);
    expect(next().restart).toBe(true);
  });

  test.each(['rnn', 'gru'] as const)('the %s trains by autodiff: first loss equals the reference, then the loss falls', async (cell) => {
    const small: ModelShape = { ...shape, cell, hidden: 16 };
    const initial = initialParams(small, { seed: 4 });
    const trainer = createCharRnnTrainer({ tf, shape: small, train: ids, batch: 4, steps: 10, initial, hyper: () => ({ learningRate: 0.02, clip: 5, decay: 'none', totalSteps: 0 }) });
    await trainer.train(40);
    const stream = Math.floor(ids.length / 4);
    const rows = (shift: number) => Array.from({ length: 10 }, (_, t) => [0, 1, 2, 3].map((b) => ids[b * stream + t + shift]!));
    expect(trainer.records[0]!.loss).toBeCloseTo(referenceLoss(small, initial, rows(0), rows(1)).loss, 5);
    const mean = (rs: { loss: number }[]) => rs.reduce((a, r) => a + r.loss, 0) / rs.length;
    expect(mean(trainer.records.slice(-5))).toBeLessThan(0.6 * mean(trainer.records.slice(0, 5)));
    trainer.dispose();
  });

  test('the state carries from batch to batch: step 2 loss equals the reference from step 1\'s final state', async () => {
    const initial = initialParams(shape, { seed: 9 });
    const trainer = createCharRnnTrainer({ tf, shape, train: ids, batch: 2, steps: 5, initial, hyper: () => ({ learningRate: 0, clip: 5, decay: 'none', totalSteps: 0 }) });
    await trainer.train(2);
    const stream = Math.floor(ids.length / 2);
    const rows = (from: number, shift: number) => Array.from({ length: 5 }, (_, t) => [0, 1].map((b) => ids[b * stream + from + t + shift]!));
    const first = referenceLoss(shape, initial, rows(0, 0), rows(0, 1));
    const second = referenceLoss(shape, initial, rows(5, 0), rows(5, 1), first.final);
    expect(trainer.records[0]!.loss).toBeCloseTo(first.loss, 5);
    expect(trainer.records[1]!.loss).toBeCloseTo(second.loss, 5);
    // From zero states the second batch scores differently: the carry is real.
    expect(Math.abs(referenceLoss(shape, initial, rows(5, 0), rows(5, 1)).loss - second.loss)).toBeGreaterThan(1e-4);
    trainer.dispose();
  });

  test('bits per character: uniform predictions give log2 V; training brings it down', async () => {
    expect(bitsPerChar(Math.LN2)).toBe(1);
    const zeros = Object.fromEntries(Object.entries(initialParams(shape, { seed: 1 })).map(([k, v]) => [k, new Float32Array(v.length)]));
    const flat = createCharRnnTrainer({ tf, shape, train: ids, batch: 2, steps: 5, initial: zeros, hyper: () => ({ learningRate: 0, clip: 0, decay: 'none', totalSteps: 0 }) });
    expect(bitsPerChar(await flat.evaluate(ids, 200))).toBeCloseTo(Math.log2(vocab.chars.length), 5);
    flat.dispose();
    const trainer = createCharRnnTrainer({ tf, shape: { ...shape, hidden: 16 }, train: ids, batch: 4, steps: 10, initial: initialParams({ ...shape, hidden: 16 }, { seed: 2 }), hyper: () => ({ learningRate: 0.02, clip: 5, decay: 'none', totalSteps: 0 }) });
    const before = bitsPerChar(await trainer.evaluate(ids, 300));
    await trainer.train(60);
    const after = bitsPerChar(await trainer.evaluate(ids, 300));
    expect(before).toBeGreaterThan(3.5);
    expect(after).toBeLessThan(1.5);
    trainer.dispose();
  });

  test('sampling: T → 0 is the argmax, T = 1 draws by the probabilities, top-5 sorted', () => {
    const logits = [0.3, 2.1, -1, 2.0, 0.5];
    const random = createRandom(4);
    for (let k = 0; k < 200; k++) expect(sampleIndex(logits, 0.01, random)).toBe(argmax(logits));
    expect(sampleIndex(logits, 0, random)).toBe(1);
    expect(Array.from(probabilitiesAt(logits, 0))).toEqual([0, 1, 0, 0, 0]);
    const p = probabilitiesAt(logits, 1);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const counts = new Array(5).fill(0);
    for (let k = 0; k < 20000; k++) counts[drawIndex(p, random.next())] += 1;
    counts.forEach((c, i) => expect(c / 20000).toBeCloseTo(p[i]!, 1));
    expect(topK(p, 2).map((e) => e.index)).toEqual([1, 3]);
    // A higher temperature flattens: the top probability falls.
    expect(probabilitiesAt(logits, 2)[1]!).toBeLessThan(p[1]!);
  });
});

describe('the trainer: seeds, samples, activations, tensor counts', () => {
  const text = 'abcdefg abcdefg abcdefg '.repeat(20);
  const vocab = buildVocab(text);
  const ids = encodeText(text, vocab).ids;
  const shape: ModelShape = { cell: 'gru', layers: 2, hidden: 6, vocab: vocab.chars.length };
  const make = (seed: number) => createCharRnnTrainer({ tf, shape, train: ids, batch: 3, steps: 6, initial: initialParams(shape, { seed }), hyper: () => ({ learningRate: 0.01, clip: 1, decay: 'none', totalSteps: 0 }) });

  test('the same seed gives the same losses and samples; another seed does not', async () => {
    const a = make(5);
    const b = make(5);
    const c = make(6);
    await Promise.all([a.train(3), b.train(3), c.train(3)]);
    expect(a.records).toEqual(b.records);
    expect(a.records[0]!.loss).not.toBe(c.records[0]!.loss);
    expect((await a.sample([0, 1], 20, 1, 7)).ids).toEqual((await b.sample([0, 1], 20, 1, 7)).ids);
    [a, b, c].forEach((t) => t.dispose());
  });

  test('the argmax sample continues what it learnt; its top-5 lists are distributions', async () => {
    const trainer = createCharRnnTrainer({ tf, shape: { ...shape, hidden: 16, layers: 1 }, train: ids, batch: 4, steps: 8, initial: initialParams({ ...shape, hidden: 16, layers: 1 }, { seed: 1 }), hyper: () => ({ learningRate: 0.03, clip: 5, decay: 'none', totalSteps: 0 }) });
    await trainer.train(80);
    const sample = await trainer.sample(encodeText('abc', vocab).ids, 12, 0, 1);
    expect(decodeIds(sample.ids, vocab)).toBe('defg abcdefg');
    expect(sample.top).toHaveLength(12);
    for (const top of sample.top) {
      expect(top).toHaveLength(5);
      expect(top[0]!.p).toBeGreaterThanOrEqual(top[1]!.p);
    }
    trainer.dispose();
  });

  test('the cosine decay sets each step\'s rate by its index; at the last step the weights stop moving', async () => {
    const cosine = (totalSteps: number) => createCharRnnTrainer({ tf, shape, train: ids, batch: 3, steps: 6, initial: initialParams(shape, { seed: 3 }), hyper: () => ({ learningRate: 0.01, clip: 1, decay: 'cosine', totalSteps }) });
    const decayed = cosine(4);
    const constant = make(3); // α = 0.01 throughout, the same seed
    expect(decayed.rate()).toBe(0.01);
    await decayed.train(1);
    expect(decayed.rate()).toBeCloseTo(0.005 * (1 + Math.SQRT1_2), 12);
    await decayed.train(1);
    expect(decayed.rate()).toBeCloseTo(0.005, 12);
    await decayed.train(2);
    expect(decayed.rate()).toBeCloseTo(0, 12);
    // Steps 0 and 1 see the same weights as at a constant α (only step 0's update, at α, came before them); step 2 does not.
    await constant.train(3);
    expect(decayed.records.slice(0, 2)).toEqual(constant.records.slice(0, 2));
    expect(decayed.records[2]!.loss).not.toBe(constant.records[2]!.loss);
    // Past T the rate is 0: Adam's step is 0 · m̂/(√v̂ + ε), so the weights hold.
    const held = await decayed.weights();
    await decayed.train(2);
    expect(await decayed.weights()).toEqual(held);
    [decayed, constant].forEach((t) => t.dispose());
  });

  test('tensor counts are exact: parameters, state, then Adam\'s moments; nothing else stays', async () => {
    const before = tf.memory().numTensors;
    const trainer = make(1);
    const P = paramSpecs(shape).length;
    const S = shape.layers;
    expect(tf.memory().numTensors - before).toBe(P + S);
    await trainer.train(1);
    expect(tf.memory().numTensors - before).toBe(P + S + 2 * P);
    await trainer.train(30);
    await trainer.evaluate(ids, 100);
    await trainer.sample([0], 10, 0.5, 1);
    const act = await trainer.activations([0, 1, 2, 3]);
    expect(act.h).toHaveLength(4 * shape.hidden);
    await trainer.weights();
    expect(tf.memory().numTensors - before).toBe(P + S + 2 * P);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
