/**
 * The Assignment 2 style network whose gradients the check examines, in float64 plain
 * TypeScript: affine (no bias: batch norm's β takes its place) → batch norm (training mode) → ReLU → dropout with a fixed mask (inverted,
 * keep probability 1 − p) → affine → softmax loss, plus λ(‖W1‖² + ‖W2‖²). The backward pass is
 * written by hand, with a "planted bug" option so the check has something to catch.
 */
import type { Random } from '../random.ts';

export const PARAM_NAMES = ['W1', 'gamma', 'beta', 'W2', 'b2'] as const;
export type ParamName = (typeof PARAM_NAMES)[number];
export type Params = Record<ParamName, Float64Array>;

export const BUGS = ['none', 'transposed', 'missing-factor-2', 'no-regularization', 'bn-no-mean'] as const;
export type Bug = (typeof BUGS)[number];

export interface SmallNet {
  /** Inputs, n × d row-major, and their labels. */
  x: Float64Array;
  labels: Uint8Array;
  n: number;
  d: number;
  hidden: number;
  classes: number;
  /** Dropout's kept units (1) and dropped ones (0), n × hidden, fixed for the check. */
  mask: Float64Array;
  p: number;
  lambda: number;
}

export const BN_EPS = 1e-5;

export function shapesOf(net: Pick<SmallNet, 'd' | 'hidden' | 'classes'>): Record<ParamName, [number, number]> {
  return { W1: [net.d, net.hidden], gamma: [1, net.hidden], beta: [1, net.hidden], W2: [net.hidden, net.classes], b2: [1, net.classes] };
}

export function initParams(net: Pick<SmallNet, 'd' | 'hidden' | 'classes'>, random: Random): Params {
  const shapes = shapesOf(net);
  const make = (name: ParamName, fill: () => number) => Float64Array.from({ length: shapes[name][0] * shapes[name][1] }, fill);
  return {
    W1: make('W1', () => random.normal() * Math.sqrt(2 / net.d)),
    gamma: make('gamma', () => 1 + 0.1 * random.normal()),
    beta: make('beta', () => 0.1 * random.normal()),
    W2: make('W2', () => random.normal() * Math.sqrt(2 / net.hidden)),
    b2: make('b2', () => 0.1 * random.normal()),
  };
}

/** out[i][j] = Σ_k a[i][k] b[k][j] (a: rows × inner, b: inner × cols). */
function matmul(a: Float64Array, b: Float64Array, rows: number, inner: number, cols: number, transposeB = false): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < inner; k++) {
      const aik = a[i * inner + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < cols; j++) out[i * cols + j]! += aik * (transposeB ? b[j * inner + k]! : b[k * cols + j]!);
    }
  }
  return out;
}

/** aᵀ b for a: rows × m, b: rows × k → m × k. */
function matmulTA(a: Float64Array, b: Float64Array, rows: number, m: number, k: number): Float64Array {
  const out = new Float64Array(m * k);
  for (let r = 0; r < rows; r++) for (let i = 0; i < m; i++) {
    const ari = a[r * m + i]!;
    if (ari === 0) continue;
    for (let j = 0; j < k; j++) out[i * k + j]! += ari * b[r * k + j]!;
  }
  return out;
}

interface Cache {
  xhat: Float64Array;
  invStd: Float64Array;
  y: Float64Array;
  dropped: Float64Array;
  probs: Float64Array;
}

function forwardCached(net: SmallNet, params: Params): { loss: number; cache: Cache } {
  const { n, d, hidden: h, classes: c } = net;
  const z = matmul(net.x, params.W1, n, d, h);
  const xhat = new Float64Array(n * h);
  const invStd = new Float64Array(h);
  for (let j = 0; j < h; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += z[i * h + j]!;
    mean /= n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (z[i * h + j]! - mean) ** 2;
    invStd[j] = 1 / Math.sqrt(variance / n + BN_EPS);
    for (let i = 0; i < n; i++) xhat[i * h + j] = (z[i * h + j]! - mean) * invStd[j]!;
  }
  const y = xhat.map((v, k) => params.gamma[k % h]! * v + params.beta[k % h]!);
  const dropped = y.map((v, k) => (v > 0 ? v : 0) * net.mask[k]! / (1 - net.p));
  const scores = matmul(dropped, params.W2, n, h, c);
  const probs = new Float64Array(n * c);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let j = 0; j < c; j++) max = Math.max(max, scores[i * c + j]! + params.b2[j]!);
    let sum = 0;
    for (let j = 0; j < c; j++) sum += Math.exp(scores[i * c + j]! + params.b2[j]! - max);
    for (let j = 0; j < c; j++) probs[i * c + j] = Math.exp(scores[i * c + j]! + params.b2[j]! - max) / sum;
    loss -= Math.log(probs[i * c + net.labels[i]!]!) / n;
  }
  for (const w of [params.W1, params.W2]) for (const v of w) loss += net.lambda * v * v;
  return { loss, cache: { xhat, invStd, y, dropped, probs } };
}

export function lossOf(net: SmallNet, params: Params): number {
  return forwardCached(net, params).loss;
}

/** ReLU inputs (n × hidden), for counting kinks a perturbation crosses. */
export function reluInputs(net: SmallNet, params: Params): Float64Array {
  return forwardCached(net, params).cache.y;
}

/** The hand-written backward pass; `bug` plants one of the mistakes students make. */
export function gradientsOf(net: SmallNet, params: Params, bug: Bug = 'none'): { loss: number; grads: Params } {
  const { n, d, hidden: h, classes: c } = net;
  const { loss, cache } = forwardCached(net, params);
  const dScores = cache.probs.map((v, k) => (v - (k % c === net.labels[Math.floor(k / c)] ? 1 : 0)) / n);
  const regScale = bug === 'no-regularization' ? 0 : bug === 'missing-factor-2' ? net.lambda : 2 * net.lambda;
  const dW2 = matmulTA(cache.dropped, dScores, n, h, c).map((v, k) => v + regScale * params.W2[k]!);
  const db2 = new Float64Array(c);
  for (let k = 0; k < n * c; k++) db2[k % c]! += dScores[k]!;
  // dDropped = dScores W2ᵀ; the planted bug multiplies by W2 itself (hidden = classes keeps shapes).
  const dDropped = bug === 'transposed' ? matmul(dScores, params.W2, n, c, h) : matmul(dScores, params.W2, n, c, h, true);
  const dy = dDropped.map((v, k) => (cache.y[k]! > 0 ? v * net.mask[k]! / (1 - net.p) : 0));
  const dgamma = new Float64Array(h);
  const dbeta = new Float64Array(h);
  for (let k = 0; k < n * h; k++) {
    dgamma[k % h]! += dy[k]! * cache.xhat[k]!;
    dbeta[k % h]! += dy[k]!;
  }
  const dxhat = dy.map((v, k) => v * params.gamma[k % h]!);
  const dz = new Float64Array(n * h);
  for (let j = 0; j < h; j++) {
    let sum = 0;
    let dot = 0;
    for (let i = 0; i < n; i++) {
      sum += dxhat[i * h + j]!;
      dot += dxhat[i * h + j]! * cache.xhat[i * h + j]!;
    }
    for (let i = 0; i < n; i++) {
      const k = i * h + j;
      dz[k] = bug === 'bn-no-mean' ? dxhat[k]! * cache.invStd[j]! : (cache.invStd[j]! / n) * (n * dxhat[k]! - sum - cache.xhat[k]! * dot);
    }
  }
  const dW1 = matmulTA(net.x, dz, n, d, h).map((v, k) => v + regScale * params.W1[k]!);
  return { loss, grads: { W1: dW1, gamma: dgamma, beta: dbeta, W2: dW2, b2: db2 } };
}
