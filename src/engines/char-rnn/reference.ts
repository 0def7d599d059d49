/**
 * The char-RNN in plain TypeScript (float64, loops): the forward pass of each cell and the mean
 * cross-entropy over a batch of sequences, written straight from the notes' equations. The tfjs
 * model (model.ts) is tested against it, and its gradients against finite differences of it.
 */
import type { ParamValues } from '../params.ts';
import { valueOf } from '../params.ts';
import type { ModelShape } from './cells.ts';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Row vector x (length D) times the D×N matrix W stored row-major, plus bias. */
export function vecMat(x: ArrayLike<number>, W: ArrayLike<number>, N: number, bias?: ArrayLike<number>, offset = 0, width = N): Float64Array {
  const out = new Float64Array(width);
  for (let j = 0; j < width; j++) out[j] = bias ? bias[offset + j]! : 0;
  for (let d = 0; d < x.length; d++) {
    const xd = x[d]!;
    if (xd === 0) continue;
    const row = d * N + offset;
    for (let j = 0; j < width; j++) out[j]! += xd * W[row + j]!;
  }
  return out;
}

export interface CellState {
  h: Float64Array;
  c?: Float64Array;
}

/** One step of layer `l` from input x and state; returns the new state. */
export function referenceStep(shape: ModelShape, params: ParamValues, l: number, x: ArrayLike<number>, state: CellState): CellState {
  const H = shape.hidden;
  const Wx = valueOf(params, `l${l}.Wx`);
  const Wh = valueOf(params, `l${l}.Wh`);
  const b = valueOf(params, `l${l}.b`);
  if (shape.cell === 'rnn') {
    const a = vecMat(x, Wx, H, b);
    const r = vecMat(state.h, Wh, H);
    return { h: a.map((v, j) => Math.tanh(v + r[j]!)) };
  }
  if (shape.cell === 'lstm') {
    const a = vecMat(x, Wx, 4 * H, b);
    const r = vecMat(state.h, Wh, 4 * H);
    const c = new Float64Array(H);
    const h = new Float64Array(H);
    for (let j = 0; j < H; j++) {
      const i = sigmoid(a[j]! + r[j]!);
      const f = sigmoid(a[H + j]! + r[H + j]!);
      const o = sigmoid(a[2 * H + j]! + r[2 * H + j]!);
      const g = Math.tanh(a[3 * H + j]! + r[3 * H + j]!);
      c[j] = f * state.c![j]! + i * g;
      h[j] = o * Math.tanh(c[j]!);
    }
    return { h, c };
  }
  const a = vecMat(x, Wx, 3 * H, b);
  const r = vecMat(state.h, Wh, 2 * H);
  const reset = new Float64Array(H);
  const update = new Float64Array(H);
  for (let j = 0; j < H; j++) {
    reset[j] = sigmoid(a[j]! + r[j]!);
    update[j] = sigmoid(a[H + j]! + r[H + j]!);
  }
  const masked = state.h.map((v, j) => reset[j]! * v);
  const candidate = vecMat(masked, valueOf(params, `l${l}.Wc`), H);
  return { h: state.h.map((v, j) => update[j]! * v + (1 - update[j]!) * Math.tanh(a[2 * H + j]! + candidate[j]!)) };
}

export function zeroState(shape: ModelShape): CellState[] {
  return Array.from({ length: shape.layers }, () => ({ h: new Float64Array(shape.hidden), ...(shape.cell === 'lstm' ? { c: new Float64Array(shape.hidden) } : {}) }));
}

/** Logits of the read-out from the top layer's h. */
export function referenceLogits(shape: ModelShape, params: ParamValues, h: ArrayLike<number>): Float64Array {
  return vecMat(h, valueOf(params, 'Wy'), shape.vocab, valueOf(params, 'by'));
}

export function oneHot(index: number, size: number): Float64Array {
  const v = new Float64Array(size);
  v[index] = 1;
  return v;
}

/** Advances every layer by one character; returns the new states (the top one's h feeds the read-out). */
export function referenceAdvance(shape: ModelShape, params: ParamValues, char: number, states: CellState[]): CellState[] {
  let x: ArrayLike<number> = oneHot(char, shape.vocab);
  return states.map((state, l) => {
    const next = referenceStep(shape, params, l, x, state);
    x = next.h;
    return next;
  });
}

export function logSoftmax(logits: ArrayLike<number>): Float64Array {
  let most = -Infinity;
  for (let k = 0; k < logits.length; k++) most = Math.max(most, logits[k]!);
  let total = 0;
  for (let k = 0; k < logits.length; k++) total += Math.exp(logits[k]! - most);
  const log = most + Math.log(total);
  return Float64Array.from(logits, (v) => v - log);
}

/**
 * Mean cross-entropy in nats over `inputs[t][b]` → `targets[t][b]` (a loss at every step), from
 * `initial` states per stream (zeros by default); also the final states.
 */
export function referenceLoss(shape: ModelShape, params: ParamValues, inputs: number[][], targets: number[][], initial?: CellState[][]): { loss: number; final: CellState[][] } {
  const B = inputs[0]!.length;
  let states = initial ?? Array.from({ length: B }, () => zeroState(shape));
  let total = 0;
  inputs.forEach((row, t) => {
    states = states.map((s, b) => referenceAdvance(shape, params, row[b]!, s));
    states.forEach((s, b) => {
      total -= logSoftmax(referenceLogits(shape, params, s[shape.layers - 1]!.h))[targets[t]![b]!]!;
    });
  });
  return { loss: total / (B * inputs.length), final: states };
}
