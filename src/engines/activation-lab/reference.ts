/**
 * The lab's network in plain TypeScript, float64, with a hand-written backward pass: the
 * reference the tfjs sweep is tested against (same weights, masks and inputs).
 */
import { BN_EPSILON, dropoutMasks, initialWeights, type LabConfig, type LabShape } from './network.ts';

type Matrix = Float64Array; // row-major

export function matMul(a: Matrix, b: Matrix, n: number, k: number, m: number): Matrix {
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let p = 0; p < k; p++) {
    const v = a[i * k + p]!;
    for (let j = 0; j < m; j++) out[i * m + j]! += v * b[p * m + j]!;
  }
  return out;
}

/** g (n×m) times wᵀ, where w is k×m: the gradient flowing back through an affine layer (n×k). */
export function matMulTransB(g: Matrix, w: Matrix, n: number, k: number, m: number): Matrix {
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let p = 0; p < k; p++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += g[i * m + j]! * w[p * m + j]!;
    out[i * k + p] = s;
  }
  return out;
}

/** Batch norm forward (no γ, β: the lab's initial γ = 1, β = 0), per column. */
export function batchNormForward(s: Matrix, n: number, d: number): { y: Matrix; rho: Float64Array } {
  const y = new Float64Array(n * d);
  const rho = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += s[i * d + j]!;
    mean /= n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (s[i * d + j]! - mean) ** 2;
    variance /= n;
    rho[j] = 1 / Math.sqrt(variance + BN_EPSILON);
    for (let i = 0; i < n; i++) y[i * d + j] = (s[i * d + j]! - mean) * rho[j]!;
  }
  return { y, rho };
}

/** dL/dx from dL/dx̂: (ρ/N)(N·g − Σg − x̂·Σ(g·x̂)), per column. */
export function batchNormBackward(g: Matrix, y: Matrix, rho: Float64Array, n: number, d: number): Matrix {
  const dx = new Float64Array(n * d);
  for (let j = 0; j < d; j++) {
    let sumG = 0;
    let sumGY = 0;
    for (let i = 0; i < n; i++) {
      sumG += g[i * d + j]!;
      sumGY += g[i * d + j]! * y[i * d + j]!;
    }
    for (let i = 0; i < n; i++) dx[i * d + j] = (rho[j]! / n) * (n * g[i * d + j]! - sumG - y[i * d + j]! * sumGY);
  }
  return dx;
}

export interface ReferenceResult {
  loss: number;
  activations: Float64Array[];
  gradients: Float64Array[];
}

export function referenceSweep(shape: LabShape, config: LabConfig, x: Float32Array, labels: Uint8Array): ReferenceResult {
  const { batch: n, width: d, layers, inputs, classes } = shape;
  const w = initialWeights(shape, config.init).map((v) => Float64Array.from(v));
  const masks = dropoutMasks(shape, config.dropout)?.map((v) => Float64Array.from(v));
  const activations: Float64Array[] = [];
  const pre: { y: Matrix; rho: Float64Array | undefined }[] = [];
  let h: Matrix = Float64Array.from(x);
  for (let l = 0; l < layers; l++) {
    const s = matMul(h, w[l]!, n, l === 0 ? inputs : d, d);
    const bn = config.batchNorm ? batchNormForward(s, n, d) : undefined;
    const z = bn ? bn.y : s;
    pre.push({ y: z, rho: bn?.rho });
    const a = z.map((v) => (config.activation === 'tanh' ? Math.tanh(v) : Math.max(0, v)));
    activations.push(a);
    h = masks ? a.map((v, i) => v * masks[l]![i]!) : a;
  }
  const logits = matMul(h, w[layers]!, n, d, classes);
  const { loss, dLogits } = softmaxCrossEntropy(logits, labels, n, classes);
  const gradients: Float64Array[] = new Array(layers);
  let g = matMulTransB(dLogits, w[layers]!, n, d, classes);
  for (let l = layers - 1; l >= 0; l--) {
    const dA = masks ? g.map((v, i) => v * masks[l]![i]!) : g;
    gradients[l] = dA;
    const { y, rho } = pre[l]!;
    const a = activations[l]!;
    let dz: Matrix = dA.map((v, i) => (config.activation === 'tanh' ? v * (1 - a[i]! ** 2) : y[i]! > 0 ? v : 0));
    if (rho) dz = batchNormBackward(dz, y, rho, n, d);
    if (l > 0) g = matMulTransB(dz, w[l]!, n, d, d);
  }
  return { loss, activations, gradients };
}

/** Mean softmax cross-entropy of `n` rows of logits, and its gradient with respect to them. */
export function softmaxCrossEntropy(logits: Float64Array, labels: ArrayLike<number>, n: number, classes: number): { loss: number; dLogits: Float64Array } {
  let loss = 0;
  const dLogits = new Float64Array(n * classes);
  for (let i = 0; i < n; i++) {
    const row = logits.subarray(i * classes, (i + 1) * classes);
    const top = Math.max(...row);
    const exps = Array.from(row, (v) => Math.exp(v - top));
    const total = exps.reduce((a, b) => a + b, 0);
    loss -= Math.log(exps[labels[i]!]! / total) / n;
    for (let c = 0; c < classes; c++) dLogits[i * classes + c] = (exps[c]! / total - (c === labels[i] ? 1 : 0)) / n;
  }
  return { loss, dLogits };
}
