/** The char-RNN and gradient-flow demos' readouts and checks, with exact strings. */
import { describe, expect, test } from 'vitest';
import { corpusProblem, divergedMessage } from '../../src/demos/char-rnn/checks.ts';
import { describeCharRnn, describeTop, historyRows, modelName, rateAt, recentMean, showChar } from '../../src/demos/char-rnn/summary.ts';
import { clipNorms, curveSpecs, log10Values } from '../../src/demos/rnn-gradient-flow/curves.ts';
import { describeAgreement, describeCurve } from '../../src/demos/rnn-gradient-flow/summary.ts';
import { buildVocab } from '../../src/engines/char-rnn/vocab.ts';

describe('char-rnn readouts', () => {
  test('summary before and during training', () => {
    expect(modelName('lstm', 1, 128)).toBe('LSTM 1 × 128');
    expect(describeCharRnn({ step: 0, steps: 20000, model: 'LSTM 1 × 128', charsPerSecond: 0, source: 'the notes of this site' })).toBe('LSTM 1 × 128 on the notes of this site: step 0 of 20,000. Press Play to train.');
    expect(describeCharRnn({ step: 1200, steps: 20000, model: 'GRU 2 × 64', train: 2.3456, valid: { step: 1000, bits: 2.5 }, charsPerSecond: 41234.4, source: 'your text' }))
      .toBe('GRU 2 × 64 on your text: step 1,200 of 20,000. training 2.35 bits/char, held-out 2.50 bits/char (step 1,000), 41,234 characters/s.');
    expect(describeCharRnn({ step: 1500, steps: 3000, model: 'LSTM 2 × 128', train: 2, valid: { step: 1500, bits: 2.1 }, charsPerSecond: 8000, rate: rateAt({ lr: 0.02, decay: 'cosine', steps: 3000 }, 1500), source: 'the notes of this site' }))
      .toBe('LSTM 2 × 128 on the notes of this site: step 1,500 of 3,000. training 2.00 bits/char, held-out 2.10 bits/char (step 1,500), 8,000 characters/s, learning rate now 0.01.');
    expect(rateAt({ lr: 0.02, decay: 'cosine', steps: 3000 }, 2000)).toBeCloseTo(0.005, 15);
    expect(rateAt({ lr: 0.02, decay: 'none', steps: 3000 }, 2000)).toBe(0.02);
    expect(recentMean([1, 2, 3, 4], 2)).toBe(3.5);
    expect(recentMean([])).toBeUndefined();
  });

  test('characters and top-5 lists as the reader sees them', () => {
    expect(showChar(' ') + showChar('\n') + showChar('a')).toBe('␣↵a');
    expect(describeTop([{ char: 'e', p: 0.4123 }, { char: ' ', p: 0.2 }])).toBe('e 41.2% · ␣ 20.0%');
  });

  test('CSV rows: the step-0 measurement, then every step with its held-out value where measured', () => {
    expect(historyRows([3, 2.5], [{ step: 0, bits: 6.5 }, { step: 2, bits: 2.4 }])).toEqual([[0, '', 6.5], [1, 3, ''], [2, 2.5, 2.4]]);
  });

  test('what must hold before training, in words', () => {
    const corpus = (train: number, valid: number, chars = 'ab') => ({ vocab: buildVocab(chars), train: new Int32Array(train), valid: new Int32Array(valid), source: '', note: '' });
    expect(corpusProblem(corpus(5000, 500, 'a'), { batch: 32, seqLength: 50 })).toBe('The text has a single distinct character: there is nothing to predict. Use real text.');
    expect(corpusProblem(corpus(1000, 500), { batch: 32, seqLength: 50 })).toBe('The training part has 1,000 characters, fewer than B × (T + 1) = 1,632: use a longer text, fewer streams B or a shorter BPTT length T.');
    expect(corpusProblem(corpus(5000, 40), { batch: 32, seqLength: 50 })).toBe('The held-out part has 40 characters, fewer than T + 2 = 52: use a longer text or a shorter BPTT length T.');
    expect(corpusProblem(corpus(5000, 500), { batch: 32, seqLength: 50 })).toBeUndefined();
    expect(divergedMessage(12, { lr: 0.1, clip: 0 })).toBe('The loss became infinite or NaN at step 12: learning rate 0.1 is too large without clipping. Lower it (or clip the gradient) and press Reset.');
  });
});

describe('gradient-flow readouts', () => {
  test('the models compared: the reader\'s RNN, the fixed scales not equal to it, two LSTMs', () => {
    expect(curveSpecs(64, 100, 1, 1).map((c) => c.label)).toEqual(['tanh RNN, s = 1 (yours)', 'tanh RNN, s = 0.5', 'tanh RNN, s = 2', 'LSTM, forget bias 0', 'LSTM, forget bias 1']);
    expect(curveSpecs(64, 100, 0.75, 1)).toHaveLength(6);
  });

  test('clipping rescales every norm by one factor, only above the threshold', () => {
    expect(clipNorms([3, 4], 10)).toEqual({ norms: [3, 4], factor: 1 });
    const clipped = clipNorms([3, 4], 1);
    expect(clipped.factor).toBeCloseTo(0.2, 12);
    expect(clipped.norms[1]).toBeCloseTo(0.8, 12);
    expect(log10Values([100, 0])).toEqual([2, Number.NaN]);
  });

  test('rows and the agreement line', () => {
    const curve = { norms: [2, 1, 0.002], reference: [2, 1, 0.002], agreement: 3.2e-6, sigmaMax: 1.234 };
    expect(describeCurve('LSTM, forget bias 1', curve, 3, 0.5)).toBe('LSTM, forget bias 1: σ_max(W_hh) = 1.23; ‖∂L/∂h‖ 2 steps back is 1.0e-3 × its value at k = 0, scaled by 0.50 by clipping.');
    expect(describeAgreement([curve, { ...curve, agreement: 1e-5 }], ['tanh RNN, s = 1', 'LSTM, forget bias 1'])).toBe('The LSTM backward pass written out as in the notes agrees with automatic differentiation to a relative 1.0e-5 at every k; for the tanh RNNs the two agree to 3.2e-6.');
    expect(describeAgreement([{ ...curve, agreement: 3.2 }], ['tanh RNN, s = 2'])).toMatch(/to 3\.2e\+0 \(a tanh RNN whose gradient explodes is chaotic/);
  });
});
