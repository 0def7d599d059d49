/**
 * Plain-TypeScript linear classifier, the oracle of the tfjs trainer and what the page uses for
 * one test digit (ten dot products need no tensors). Weights in Assignment 1's layout:
 * W[d][c], D x C, scores s = xᵀW; the full loss is the mean data loss + λ ΣW².
 */
import { dataLossReference, l2Reference, scoreGradientReference, type LossKind } from '../loss-landscape/losses.ts';

/** Loss and gradient of W (D x C) on examples X (N x D) with labels y. */
export function linearLossReference(kind: LossKind, W: number[][], X: number[][], labels: number[], lambda: number): { loss: number; gradient: number[][] } {
  const C = W[0]!.length;
  const scores = X.map((x) => Array.from({ length: C }, (_, c) => x.reduce((sum, xd, d) => sum + xd * W[d]![c]!, 0)));
  const G = scoreGradientReference(kind, scores, labels);
  const N = X.length;
  const gradient = W.map((row, d) => row.map((w, c) => X.reduce((sum, x, i) => sum + x[d]! * G[i]![c]!, 0) / N + 2 * lambda * w));
  return { loss: dataLossReference(kind, scores, labels) + lambda * l2Reference(W), gradient };
}

export interface DigitReadout {
  /** s_c = w_cᵀx (the template dot product, bias included). */
  scores: number[];
  /** SVM: max(0, s_c − s_y + 1) for c ≠ y, 0 for y. Softmax: the probabilities. */
  terms: number[];
  /** L_i: the sum of the margins, or −log p_y. */
  loss: number;
  winner: number;
}

/** The ten scores of one preprocessed digit x (785 values) under W ([785 x 10], row-major). */
export function digitReadout(kind: LossKind, weights: Float32Array, x: Float32Array, label: number, classes = 10): DigitReadout {
  const scores = Array.from({ length: classes }, (_, c) => {
    let s = 0;
    for (let d = 0; d < x.length; d++) s += x[d]! * weights[d * classes + c]!;
    return s;
  });
  const winner = scores.indexOf(Math.max(...scores));
  if (kind === 'svm') {
    const terms = scores.map((s, c) => (c === label ? 0 : Math.max(0, s - scores[label]! + 1)));
    return { scores, terms, loss: terms.reduce((a, b) => a + b, 0), winner };
  }
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  const terms = exps.map((e) => e / sum);
  return { scores, terms, loss: -Math.log(terms[label]!), winner };
}

/** Class c's template: the 784 pixel weights of column c (the bias row left out). */
export function template(weights: Float32Array, c: number, classes = 10): Float32Array {
  return Float32Array.from({ length: 784 }, (_, d) => weights[d * classes + c]!);
}
