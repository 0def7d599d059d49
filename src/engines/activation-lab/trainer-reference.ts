/**
 * One training step of the lab's network in plain TypeScript, float64, with the backward pass
 * written out by hand (batch norm's γ and β included) and Adam's update: the reference the tfjs
 * trainer (trainer.ts) is tested against, from the same parameters, minibatch and dropout masks.
 */
import { BN_EPSILON, type LabConfig, type LabShape } from './network.ts';
import { batchNormBackward, batchNormForward, matMul, matMulTransB, softmaxCrossEntropy } from './reference.ts';
import { ADAM, BN_MOMENTUM } from './trainer.ts';

type Matrix = Float64Array;

/** aᵀ (k×n) times g (n×m), where a is n×k: a weight matrix's gradient (k×m). */
function matMulTransA(a: Matrix, g: Matrix, n: number, k: number, m: number): Matrix {
  const out = new Float64Array(k * m);
  for (let i = 0; i < n; i++) for (let p = 0; p < k; p++) {
    const v = a[i * k + p]!;
    for (let j = 0; j < m; j++) out[p * m + j]! += v * g[i * m + j]!;
  }
  return out;
}

function columnSums(g: Matrix, n: number, d: number): Matrix {
  const out = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[j]! += g[i * d + j]!;
  return out;
}

export interface ReferenceState {
  /** In trainer.ts's order (parameterShapes). */
  params: Float64Array[];
  m: Float64Array[];
  v: Float64Array[];
  /** Running mean and variance per layer (batch norm only). */
  running: Float64Array[];
  /** Steps taken (Adam's t before this step). */
  t: number;
}

export interface ReferenceStepResult {
  loss: number;
  grads: Float64Array[];
  /** ‖ΔW‖/‖W‖ per weight matrix. */
  ratios: number[];
  next: ReferenceState;
}

/** The loss and gradients of every parameter on one minibatch, in training mode. */
export function referenceGradients(shape: LabShape, config: LabConfig, params: readonly Float64Array[], x: Float32Array, labels: ArrayLike<number>, masks: readonly Float32Array[] | undefined) {
  const { batch: n, width: d, layers, inputs, classes } = shape;
  const per = config.batchNorm ? 3 : 2;
  const inputsTo: Matrix[] = [];
  const saved: { z: Matrix; a: Matrix; xhat?: Matrix; rho?: Float64Array }[] = [];
  const batchStats: Float64Array[] = [];
  let h: Matrix = Float64Array.from(x);
  for (let l = 0; l < layers; l++) {
    const fanIn = l === 0 ? inputs : d;
    const [W, offset, gamma] = params.slice(per * l, per * (l + 1));
    inputsTo.push(h);
    const s = matMul(h, W!, n, fanIn, d);
    let z: Matrix;
    let bn: { y: Matrix; rho: Float64Array } | undefined;
    if (config.batchNorm) {
      bn = batchNormForward(s, n, d);
      const mean = columnSums(s, n, d).map((v) => v / n);
      batchStats.push(mean, bn.rho.map((r) => 1 / (r * r) - BN_EPSILON));
      z = bn.y.map((v, i) => gamma![i % d]! * v + offset![i % d]!);
    } else {
      z = s.map((v, i) => v + offset![i % d]!);
    }
    const a = z.map((v) => (config.activation === 'tanh' ? Math.tanh(v) : Math.max(0, v)));
    saved.push({ z, a, ...(bn ? { xhat: bn.y, rho: bn.rho } : {}) });
    h = masks ? a.map((v, i) => v * masks[l]![i]!) : a;
  }
  const Wout = params[params.length - 2]!;
  const logits = matMul(h, Wout, n, d, classes).map((v, i) => v + params[params.length - 1]![i % classes]!);
  const { loss, dLogits } = softmaxCrossEntropy(logits, labels, n, classes);
  const grads: Float64Array[] = new Array(params.length);
  grads[params.length - 2] = matMulTransA(h, dLogits, n, d, classes);
  grads[params.length - 1] = columnSums(dLogits, n, classes);
  let g = matMulTransB(dLogits, Wout, n, d, classes);
  for (let l = layers - 1; l >= 0; l--) {
    const { z, a, xhat, rho } = saved[l]!;
    const dA = masks ? g.map((v, i) => v * masks[l]![i]!) : g;
    const dz = dA.map((v, i) => (config.activation === 'tanh' ? v * (1 - a[i]! ** 2) : z[i]! > 0 ? v : 0));
    let ds: Matrix = dz;
    if (xhat && rho) {
      const gamma = params[per * l + 2]!;
      grads[per * l + 2] = columnSums(dz.map((v, i) => v * xhat[i]!), n, d);
      ds = batchNormBackward(dz.map((v, i) => v * gamma[i % d]!), xhat, rho, n, d);
    }
    grads[per * l + 1] = columnSums(dz, n, d);
    const fanIn = l === 0 ? inputs : d;
    grads[per * l] = matMulTransA(inputsTo[l]!, ds, n, fanIn, d);
    if (l > 0) g = matMulTransB(ds, params[per * l]!, n, d, d);
  }
  return { loss, grads, batchStats };
}

/** One Adam step (trainer.ts's rule) from `state`. */
export function referenceTrainStep(shape: LabShape, config: LabConfig, state: ReferenceState, x: Float32Array, labels: ArrayLike<number>, masks: readonly Float32Array[] | undefined, learningRate: number): ReferenceStepResult {
  const { loss, grads, batchStats } = referenceGradients(shape, config, state.params, x, labels, masks);
  const { beta1, beta2, epsilon } = ADAM;
  const t = state.t + 1;
  const m = grads.map((g, i) => g.map((gi, j) => beta1 * state.m[i]![j]! + (1 - beta1) * gi));
  const v = grads.map((g, i) => g.map((gi, j) => beta2 * state.v[i]![j]! + (1 - beta2) * gi * gi));
  const updates = m.map((mi, i) => mi.map((mj, j) => (learningRate * (mj / (1 - beta1 ** t))) / (Math.sqrt(v[i]![j]! / (1 - beta2 ** t)) + epsilon)));
  const params = state.params.map((p, i) => p.map((pj, j) => pj - updates[i]![j]!));
  const per = config.batchNorm ? 3 : 2;
  const norm = (values: Float64Array) => Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
  const ratios = Array.from({ length: shape.layers + 1 }, (_, l) => {
    const index = l === shape.layers ? params.length - 2 : per * l;
    return norm(updates[index]!) / norm(state.params[index]!);
  });
  const running = batchStats.map((stat, i) => stat.map((value, j) => (1 - BN_MOMENTUM) * state.running[i]![j]! + BN_MOMENTUM * value));
  return { loss, grads, ratios, next: { params, m, v, running, t } };
}
