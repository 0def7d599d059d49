/**
 * The LSTM's training step written out: the forward pass through T steps keeping what the
 * backward pass needs, then backpropagation through time by the gradients of i, f, o, g that the
 * notes derive (Lecture 10), in tfjs ops. Autodiff (model.ts) computes the same numbers; the tests
 * hold both to finite differences of the float64 reference.
 *
 * Why by hand: on the wasm backend autodiff's step was mostly overhead. It recorded ~3,300
 * kernels per batch, its matMuls with a transpose flag run ~10× slower than a transpose and a
 * plain matMul, and slicing per-step pieces out of [T·B, ·] tensors copies the whole tensor each
 * time. Here every step is ~30 small ops, each weight's gradient is one [·, T·B]·[T·B, ·] multiply
 * after the loop, and per-step tensors are made per step (one-hot rows from the ids on the JS side).
 *
 * Gates as one [B, 4H] block: tanh(a) = 2σ(2a) − 1, so i, f, o and g come from one sigmoid of the
 * pre-activation (g's quarter doubled), and the nonlinearity's derivative is s(1 − s) times 1
 * (i, f, o) or 4 (g). (wasm's sigmoid is also much faster than its tanh.)
 * Runs inside the caller's tidy.
 */
import type { Scalar, Tensor, Tf } from '../../tf/types.ts';
import type { ModelShape } from './cells.ts';
import type { Params, StateTensors } from './model.ts';

interface StepCache {
  /** σ of the (scaled) pre-activation, [B, 4H]. */
  s: Tensor;
  i: Tensor;
  f: Tensor;
  o: Tensor;
  g: Tensor;
  cPrev: Tensor;
  tanhC: Tensor;
}

interface LayerRun {
  hs: Tensor[];
  caches: StepCache[];
  h: Tensor;
  c: Tensor;
}

const get = (p: Params, name: string): Tensor => {
  const t = p[name];
  if (!t) throw new Error(`missing parameter ${name}`);
  return t;
};

/** One-hot rows [N, V] of `ids`, or their transpose [V, N] (for Wx's gradient), made on the JS side. */
function oneHot(tf: Tf, ids: ArrayLike<number>, V: number, transposed = false): Tensor {
  const N = ids.length;
  const values = new Float32Array(N * V);
  for (let n = 0; n < N; n++) values[transposed ? ids[n]! * N + n : n * V + ids[n]!] = 1;
  return tf.tensor2d(values, transposed ? [V, N] : [N, V]);
}

function gateConstants(tf: Tf, H: number) {
  const row = (ifo: number, g: number) => tf.tensor1d(new Float32Array(4 * H).fill(ifo, 0, 3 * H).fill(g, 3 * H));
  // s = σ(a ⊙ scale); gate = s ⊙ scale + shift (g = 2σ(2a) − 1); ∂gate/∂a = s(1 − s) ⊙ scale².
  return { scale: row(1, 2), shift: row(0, -1), scaleSquared: row(1, 4) };
}

type Gates = ReturnType<typeof gateConstants>;

function forwardLayer(tf: Tf, p: Params, l: number, xs: Tensor[], h0: Tensor, c0: Tensor, gates: Gates, keep: boolean): LayerRun {
  const Wx = get(p, `l${l}.Wx`);
  const Wh = get(p, `l${l}.Wh`);
  const bias = tf.tile(tf.reshape(get(p, `l${l}.b`), [1, -1]), [h0.shape[0]!, 1]);
  let h = h0;
  let c = c0;
  const hs: Tensor[] = [];
  const caches: StepCache[] = [];
  for (const x of xs) {
    const s = tf.sigmoid(tf.mul(tf.addN([tf.matMul(x, Wx), tf.matMul(h, Wh), bias]), gates.scale));
    const [i, f, o, g] = tf.split(tf.add(tf.mul(s, gates.scale), gates.shift), 4, 1) as [Tensor, Tensor, Tensor, Tensor];
    const cPrev = c;
    c = tf.add(tf.mul(f, cPrev), tf.mul(i, g));
    const tanhC = tf.tanh(c);
    h = tf.mul(o, tanhC);
    hs.push(h);
    if (keep) caches.push({ s, i, f, o, g, cPrev, tanhC });
  }
  return { hs, caches, h, c };
}

/** Runs the layers over `ids` ([T, B] row-major) from `initial`; `keep` holds what backward needs. */
export function lstmForward(tf: Tf, shape: ModelShape, p: Params, ids: Int32Array, B: number, initial: StateTensors, keep = false) {
  const T = ids.length / B;
  const gates = gateConstants(tf, shape.hidden);
  const inputs: Tensor[] = Array.from({ length: T }, (_, t) => oneHot(tf, ids.subarray(t * B, (t + 1) * B), shape.vocab));
  const layers: LayerRun[] = [];
  let xs = inputs;
  for (let l = 0; l < shape.layers; l++) {
    const run = forwardLayer(tf, p, l, xs, initial.h[l]!, initial.c[l]!, gates, keep);
    layers.push(run);
    xs = run.hs;
  }
  const top = T === 1 ? xs[0]! : tf.concat(xs, 0);
  const logits = tf.add(tf.matMul(top, get(p, 'Wy')), get(p, 'by'));
  const state: StateTensors = { h: layers.map((r) => r.h), c: layers.map((r) => r.c) };
  return { logits, top, state, layers, inputs, gates };
}

/** [T·B, K] cut into T tensors of [B, K] by halves: each cut copies its input once (see above). */
function splitRows(tf: Tf, x: Tensor, T: number): Tensor[] {
  if (T === 1) return [x];
  const first = Math.floor(T / 2);
  const B = x.shape[0]! / T;
  const [a, b] = tf.split(x, [first * B, (T - first) * B], 0) as [Tensor, Tensor];
  return [...splitRows(tf, a, first), ...splitRows(tf, b, T - first)];
}

export interface LstmGradients {
  /** Mean cross-entropy in nats per character. */
  loss: Scalar;
  grads: Record<string, Tensor>;
  /** The final (h, c) per layer, to carry on to the next batch. */
  state: StateTensors;
}

/** The loss of predicting `targets` from `ids` (both [T, B] row-major), its gradient for every parameter, the final state. */
export function lstmLossAndGrads(tf: Tf, shape: ModelShape, p: Params, ids: Int32Array, targets: Int32Array, B: number, initial: StateTensors): LstmGradients {
  const T = ids.length / B;
  const N = ids.length;
  const { logits, top, state, layers, inputs, gates } = lstmForward(tf, shape, p, ids, B, initial, true);
  const logp = tf.logSoftmax(logits);
  const targetRows = oneHot(tf, targets, shape.vocab);
  const loss = tf.div(tf.neg(tf.sum(tf.mul(targetRows, logp))), N) as Scalar;
  // ∂L/∂logits = (softmax − one-hot) / N.
  const dLogits = tf.div(tf.sub(tf.exp(logp), targetRows), N);
  const grads: Record<string, Tensor> = {
    Wy: tf.matMul(tf.transpose(top), dLogits),
    by: tf.sum(dLogits, 0),
  };
  let dhOut = splitRows(tf, tf.matMul(dLogits, tf.transpose(get(p, 'Wy'))), T);
  for (let l = shape.layers - 1; l >= 0; l--) {
    const run = layers[l]!;
    const xs = l === 0 ? inputs : layers[l - 1]!.hs;
    const WhT = tf.transpose(get(p, `l${l}.Wh`));
    const WxT = l > 0 ? tf.transpose(get(p, `l${l}.Wx`)) : undefined;
    const das: Tensor[] = new Array<Tensor>(T);
    const dxs: Tensor[] = new Array<Tensor>(T);
    let dhNext: Tensor | undefined;
    let dcNext: Tensor | undefined;
    for (let t = T - 1; t >= 0; t--) {
      const { s, i, f, o, g, cPrev, tanhC } = run.caches[t]!;
      const dh = dhNext ? tf.add(dhOut[t]!, dhNext) : dhOut[t]!;
      // h = o ⊙ tanh(c), c = f ⊙ c₋₁ + i ⊙ g.
      const dO = tf.mul(dh, tanhC);
      const dcHere = tf.mul(tf.mul(dh, o), tf.sub(1, tf.square(tanhC)));
      const dc = dcNext ? tf.add(dcHere, dcNext) : dcHere;
      const dGates = tf.concat([tf.mul(dc, g), tf.mul(dc, cPrev), dO, tf.mul(dc, i)], 1);
      dcNext = tf.mul(dc, f);
      const da = tf.mul(dGates, tf.mul(tf.mul(s, tf.sub(1, s)), gates.scaleSquared));
      das[t] = da;
      dhNext = tf.matMul(da, WhT);
      if (WxT) dxs[t] = tf.matMul(da, WxT);
    }
    const dA = tf.concat(das, 0);
    const hPrev = tf.concat([initial.h[l]!, ...run.hs.slice(0, T - 1)], 0);
    grads[`l${l}.Wh`] = tf.matMul(tf.transpose(hPrev), dA);
    grads[`l${l}.Wx`] = tf.matMul(l === 0 ? oneHot(tf, ids, shape.vocab, true) : tf.transpose(tf.concat(xs, 0)), dA);
    grads[`l${l}.b`] = tf.sum(dA, 0);
    dhOut = dxs;
  }
  return { loss, grads, state };
}
