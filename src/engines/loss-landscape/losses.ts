/**
 * The two classification losses of Lecture 3 on a batch of scores, in tfjs and in plain
 * TypeScript (the reference, and what the worked example of the notes is checked with).
 *   multiclass SVM  L_i = sum_{j != y_i} max(0, s_j - s_{y_i} + delta)
 *   softmax         L_i = -log( exp(s_{y_i}) / sum_j exp(s_j) )
 * The data loss is the mean over examples; the full loss adds lambda * sum(W^2) (the notes'
 * convention, no 1/2).
 */
import type { Tensor, Tf } from '../../tf/types.ts';

export type LossKind = 'svm' | 'softmax';

/** Per-example losses of scores [..., N, C] against one-hot labels [N, C] (broadcast over leading axes). */
export function perExampleLoss(tf: Tf, kind: LossKind, scores: Tensor, oneHot: Tensor, delta = 1): Tensor {
  return tf.tidy(() => {
    if (kind === 'softmax') return tf.neg(tf.sum(tf.mul(oneHot, tf.logSoftmax(scores)), -1));
    const correct = tf.sum(tf.mul(scores, oneHot), -1, true);
    const margins = tf.relu(tf.add(tf.sub(scores, correct), delta));
    // The j = y_i term is max(0, delta) = delta: remove it.
    return tf.sum(tf.mul(margins, tf.sub(1, oneHot)), -1);
  });
}

/** Mean data loss over the examples axis (the one before classes). */
export function dataLoss(tf: Tf, kind: LossKind, scores: Tensor, oneHot: Tensor): Tensor {
  return tf.tidy(() => tf.mean(perExampleLoss(tf, kind, scores, oneHot), -1));
}

/**
 * dL_i/ds for every example (not yet divided by N), the N x C matrix of Lecture 3:
 *   SVM      G_ij = 1[margin_ij > 0] (j != y_i),  G_iy = -(number of violators)
 *   softmax  G = P - Y
 * The data gradient of a linear classifier is then X^T G / N.
 */
export function scoreGradient(tf: Tf, kind: LossKind, scores: Tensor, oneHot: Tensor, delta = 1): Tensor {
  return tf.tidy(() => {
    if (kind === 'softmax') return tf.sub(tf.softmax(scores), oneHot);
    const correct = tf.sum(tf.mul(scores, oneHot), -1, true);
    const violators = tf.mul(tf.step(tf.add(tf.sub(scores, correct), delta)), tf.sub(1, oneHot));
    return tf.sub(violators, tf.mul(oneHot, tf.sum(violators, -1, true)));
  });
}

/** Plain reference of scoreGradient: rows of dL_i/ds. */
export function scoreGradientReference(kind: LossKind, scores: number[][], labels: number[], delta = 1): number[][] {
  return scores.map((row, i) => {
    const y = labels[i]!;
    if (kind === 'softmax') {
      const max = Math.max(...row);
      const exps = row.map((s) => Math.exp(s - max));
      const sum = exps.reduce((a, b) => a + b, 0);
      return exps.map((e, j) => e / sum - (j === y ? 1 : 0));
    }
    const g: number[] = row.map((s, j) => (j !== y && s - row[y]! + delta > 0 ? 1 : 0));
    g[y] = -g.reduce((a: number, b) => a + b, 0);
    return g;
  });
}

/** Plain reference: scores[i][j] for example i, class j. */
export function dataLossReference(kind: LossKind, scores: number[][], labels: number[], delta = 1): number {
  let total = 0;
  scores.forEach((row, i) => {
    const y = labels[i]!;
    if (kind === 'svm') {
      row.forEach((s, j) => {
        if (j !== y) total += Math.max(0, s - row[y]! + delta);
      });
    } else {
      const max = Math.max(...row);
      const logSum = max + Math.log(row.reduce((sum, s) => sum + Math.exp(s - max), 0));
      total += logSum - row[y]!;
    }
  });
  return total / scores.length;
}

/** scores = X W^T for weights W [C x D] and inputs X [N x D], as plain arrays. */
export function scoresReference(W: number[][], X: number[][]): number[][] {
  return X.map((x) => W.map((w) => w.reduce((sum, wk, k) => sum + wk * x[k]!, 0)));
}

export function l2Reference(W: number[][]): number {
  return W.reduce((sum, row) => sum + row.reduce((s, v) => s + v * v, 0), 0);
}
