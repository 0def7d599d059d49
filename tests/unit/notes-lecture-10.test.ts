/**
 * Lecture 10's worked recurrences: two steps of a vanilla RNN on "he" with one BPTT step back,
 * one LSTM step forward and backward, and one GRU step. The analytic gradients the notes print
 * are compared with centred differences of the forward pass, so the text and the calculus agree.
 */
import { describe, expect, test } from 'vitest';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const matVec = (m: number[][], v: number[]) => m.map((row) => row.reduce((s, w, j) => s + w * v[j]!, 0));
const transpose = (m: number[][]) => m[0]!.map((_, j) => m.map((row) => row[j]!));
const softmax = (y: number[]) => {
  const e = y.map(Math.exp);
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
};
const oneHot = (k: number) => [0, 1, 2, 3].map((i) => (i === k ? 1 : 0));
const round4 = (v: number[]) => v.map((x) => Number(x.toFixed(4)));

describe('Lecture 10: BPTT on "he" (targets "e", "l")', () => {
  const Wxh = [[0.5, -0.3, 0.8, 0.1], [-0.4, 0.6, 0.2, -0.7]];
  const Whh = [[0.3, -0.5], [0.4, 0.2]];
  const Why = [[1.0, -0.5], [0.5, 1.0], [-0.6, 0.8], [0.2, -1.0]];
  const inputs = [0, 1];
  const targets = [1, 2];

  function forward(whh: number[][]) {
    let h = [0, 0];
    const hs = [h];
    const ps: number[][] = [];
    let loss = 0;
    inputs.forEach((x, t) => {
      const a = matVec(whh, h).map((v, i) => v + matVec(Wxh, oneHot(x))[i]!);
      h = a.map(Math.tanh);
      const p = softmax(matVec(Why, h));
      hs.push(h);
      ps.push(p);
      loss += -Math.log(p[targets[t]!]!);
    });
    return { hs, ps, loss };
  }

  test('forward: h1, h2, p1, p2 and the losses 1.7471 + 1.0922', () => {
    const { hs, ps, loss } = forward(Whh);
    expect(round4(hs[1]!)).toEqual([0.4621, -0.3799]);
    expect(round4(hs[2]!)).toEqual([0.0286, 0.61]);
    expect(round4(ps[0]!)).toEqual([0.3882, 0.1743, 0.1131, 0.3244]);
    expect(round4(ps[1]!)).toEqual([0.1589, 0.3911, 0.3355, 0.1145]);
    expect(loss).toBeCloseTo(1.7471 + 1.0922, 4);
  });

  test('backward: dL/da2, dL/dh1, dL/da1 and dL/dWhh as printed, and dL/dWhh matches finite differences', () => {
    const { hs, ps } = forward(Whh);
    const dy2 = ps[1]!.map((p, k) => p - oneHot(2)[k]!);
    const dh2 = matVec(transpose(Why), dy2);
    const da2 = dh2.map((g, i) => (1 - hs[2]![i]! ** 2) * g);
    const own = matVec(transpose(Why), ps[0]!.map((p, k) => p - oneHot(1)[k]!));
    const back = matVec(transpose(Whh), da2);
    const dh1 = own.map((v, i) => v + back[i]!);
    const da1 = dh1.map((g, i) => (1 - hs[1]![i]! ** 2) * g);
    expect(round4(dh2)).toEqual([0.7761, -0.3345]);
    expect(round4(da2)).toEqual([0.7755, -0.21]);
    expect(round4(own)).toEqual([-0.0276, -1.2537]);
    expect(round4(back)).toEqual([0.1486, -0.4297]);
    expect(round4(dh1)).toEqual([0.121, -1.6835]);
    expect(round4(da1)).toEqual([0.0952, -1.4404]);
    const dWhh = da2.map((g) => hs[1]!.map((h) => g * h));
    expect(dWhh.map(round4)).toEqual([[0.3583, -0.2946], [-0.0971, 0.0798]]);
    const eps = 1e-6;
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        const plus = Whh.map((row) => [...row]);
        const minus = Whh.map((row) => [...row]);
        plus[i]![j]! += eps;
        minus[i]![j]! -= eps;
        expect((forward(plus).loss - forward(minus).loss) / (2 * eps)).toBeCloseTo(dWhh[i]![j]!, 7);
      }
    }
  });
});

describe('Lecture 10: one LSTM step, forward and backward, with one hidden unit', () => {
  const upstreamH = 1;
  const upstreamC = 0.5;
  /** The quantity whose gradient the step's backward pass computes: h̄·h + c̄_next·c. */
  function step(ai: number, af: number, ao: number, ag: number, cPrev: number) {
    const [i, f, o, g] = [sigmoid(ai), sigmoid(af), sigmoid(ao), Math.tanh(ag)];
    const c = f * cPrev + i * g;
    const h = o * Math.tanh(c);
    return { i, f, o, g, c, h, loss: upstreamH * h + upstreamC * c };
  }
  const args = [0.5, 2.0, -0.5, 0.8, 1] as const;

  test('forward: i, f, o, g = 0.6225, 0.8808, 0.3775, 0.6640; c = 1.2941; h = 0.3248', () => {
    const s = step(...args);
    expect(round4([s.i, s.f, s.o, s.g, s.c, Math.tanh(s.c), s.h])).toEqual([0.6225, 0.8808, 0.3775, 0.664, 1.2941, 0.8602, 0.3248]);
  });

  test('backward: c̄ = 0.5982, c̄_prev = 0.5269, pre-activation gradients (0.0933, 0.0628, 0.2022, 0.2082)', () => {
    const s = step(...args);
    const cBar = upstreamC + upstreamH * s.o * (1 - Math.tanh(s.c) ** 2);
    const oBar = upstreamH * Math.tanh(s.c);
    const analytic = [cBar * s.g * s.i * (1 - s.i), cBar * args[4] * s.f * (1 - s.f), oBar * s.o * (1 - s.o), cBar * s.i * (1 - s.g ** 2), cBar * s.f];
    expect(round4([cBar, cBar * s.g, cBar * s.i, cBar * s.f])).toEqual([0.5982, 0.3972, 0.3723, 0.5269]);
    expect(round4(analytic.slice(0, 4))).toEqual([0.0933, 0.0628, 0.2022, 0.2082]);
    const eps = 1e-6;
    analytic.forEach((value, k) => {
      const plus = [...args] as number[];
      const minus = [...args] as number[];
      plus[k]! += eps;
      minus[k]! -= eps;
      const numeric = (step(...(plus as [number, number, number, number, number])).loss - step(...(minus as [number, number, number, number, number])).loss) / (2 * eps);
      expect(numeric).toBeCloseTo(value, 7);
    });
  });
});

describe('Lecture 10: one GRU step with one hidden unit', () => {
  const x = 1;
  const gru = (hPrev: number) => {
    const r = sigmoid(0.5 * x - hPrev);
    const z = sigmoid(x + hPrev - 1);
    const candidate = Math.tanh(x + 2 * r * hPrev);
    return { r, z, candidate, h: z * hPrev + (1 - z) * candidate };
  };

  test('r = 0.5, z = 0.6225, candidate 0.9051, h = 0.6530; dh/dh_prev = 0.6225 + 0.0512 − 0.0952 = 0.5784', () => {
    const s = gru(0.5);
    expect(round4([s.r, s.z, s.candidate, s.h])).toEqual([0.5, 0.6225, 0.9051, 0.653]);
    const direct = s.z;
    const throughCandidate = (1 - s.z) * (1 - s.candidate ** 2) * 2 * (s.r + 0.5 * s.r * (1 - s.r) * -1);
    const throughGate = (0.5 - s.candidate) * s.z * (1 - s.z);
    expect(round4([direct, throughCandidate, throughGate])).toEqual([0.6225, 0.0512, -0.0952]);
    const numeric = (gru(0.5 + 1e-6).h - gru(0.5 - 1e-6).h) / 2e-6;
    expect(numeric).toBeCloseTo(direct + throughCandidate + throughGate, 8);
    expect(numeric).toBeCloseTo(0.5784, 4);
  });
});
