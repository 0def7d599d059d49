/**
 * The char-RNN forward pass in tfjs, over T steps of B streams at once: the input projection of
 * all T steps is one matrix multiply (one-hot rows times Wx), the recurrence one small multiply
 * per step, the read-out of all T·B hidden states one multiply. Autodiff (tf.variableGrads) gives
 * the backward pass; the reference (reference.ts) checks both. Runs inside the caller's tidy.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import type { ModelShape } from './cells.ts';
import { GATES } from './cells.ts';

export type Params = Record<string, Tensor>;

/** Per layer: h [B, H], and c [B, H] for the LSTM. */
export interface StateTensors {
  h: Tensor[];
  c: Tensor[];
}

const get = (p: Params, name: string): Tensor => {
  const t = p[name];
  if (!t) throw new Error(`missing parameter ${name}`);
  return t;
};

export function zeroStateTensors(tf: Tf, shape: ModelShape, batch: number): StateTensors {
  const zeros = () => Array.from({ length: shape.layers }, () => tf.zeros([batch, shape.hidden]));
  return { h: zeros(), c: shape.cell === 'lstm' ? zeros() : [] };
}

/** One step of a layer: xw is x·Wx + b for this step, [B, G·H]. */
export function cellStep(tf: Tf, shape: ModelShape, p: Params, l: number, xw: Tensor, h: Tensor, c: Tensor | undefined): { h: Tensor; c?: Tensor } {
  const H = shape.hidden;
  const B = h.shape[0]!;
  const Wh = get(p, `l${l}.Wh`);
  if (shape.cell === 'rnn') return { h: tf.tanh(tf.add(xw, tf.matMul(h, Wh))) };
  if (shape.cell === 'lstm') {
    const a = tf.add(xw, tf.matMul(h, Wh));
    const [i, f, o] = tf.split(tf.sigmoid(tf.slice(a, [0, 0], [B, 3 * H])), 3, 1);
    const g = tf.tanh(tf.slice(a, [0, 3 * H], [B, H]));
    const cNext = tf.add(tf.mul(f!, c!), tf.mul(i!, g));
    return { h: tf.mul(o!, tf.tanh(cNext)), c: cNext };
  }
  const gates = tf.sigmoid(tf.add(tf.slice(xw, [0, 0], [B, 2 * H]), tf.matMul(h, Wh)));
  const [r, z] = tf.split(gates, 2, 1);
  const candidate = tf.tanh(tf.add(tf.slice(xw, [0, 2 * H], [B, H]), tf.matMul(tf.mul(r!, h), get(p, `l${l}.Wc`))));
  // h = z ⊙ h + (1 − z) ⊙ candidate, as candidate + z ⊙ (h − candidate): one op fewer.
  return { h: tf.add(candidate, tf.mul(z!, tf.sub(h, candidate))) };
}

export interface Unrolled {
  /** Read-out logits of every step, [T·B, V] (row t·B + b). */
  logits: Tensor;
  state: StateTensors;
  /** With `collect`: the top layer's h (and c) at every step, [T·B, H]. */
  topH?: Tensor;
  topC?: Tensor;
}

/** Runs `inputs` ([T, B] int32 character ids) from `initial`. */
export function unroll(tf: Tf, shape: ModelShape, p: Params, inputs: Tensor, initial: StateTensors, collect = false): Unrolled {
  const [T, B] = inputs.shape as [number, number];
  const G = GATES[shape.cell];
  const H = shape.hidden;
  let layerInput: Tensor = tf.cast(tf.oneHot(tf.reshape(inputs, [T * B]), shape.vocab), 'float32');
  const state: StateTensors = { h: [], c: [] };
  let cs: Tensor[] = [];
  for (let l = 0; l < shape.layers; l++) {
    const xw = tf.unstack(tf.reshape(tf.add(tf.matMul(layerInput, get(p, `l${l}.Wx`)), get(p, `l${l}.b`)), [T, B, G * H]));
    let h = initial.h[l]!;
    let c = initial.c[l];
    const hs: Tensor[] = [];
    cs = [];
    for (let t = 0; t < T; t++) {
      const next = cellStep(tf, shape, p, l, xw[t]!, h, c);
      h = next.h;
      c = next.c;
      hs.push(h);
      if (c) cs.push(c);
    }
    state.h.push(h);
    if (c) state.c.push(c);
    layerInput = T === 1 ? hs[0]! : tf.reshape(tf.stack(hs), [T * B, H]);
  }
  const logits = tf.add(tf.matMul(layerInput, get(p, 'Wy')), get(p, 'by'));
  if (!collect) return { logits, state };
  return { logits, state, topH: layerInput, ...(cs.length > 0 ? { topC: T === 1 ? cs[0]! : tf.reshape(tf.stack(cs), [T * B, H]) } : {}) };
}

/** Mean cross-entropy in nats of logits [N, V] against target ids [N] (int32). */
export function crossEntropy(tf: Tf, logits: Tensor, targets: Tensor, vocab: number): Tensor {
  const picked = tf.sum(tf.mul(tf.cast(tf.oneHot(targets, vocab), 'float32'), tf.logSoftmax(logits)), 1);
  return tf.neg(tf.mean(picked));
}
