/**
 * From the sliding window's class scores to boxes: each window whose most probable class is a
 * digit, with that probability at least the threshold, proposes the central 20×20 of its 28×28 square as a box (where MNIST
 * puts a digit in its frame);
 * NMS across all classes then keeps the best of each cluster (two windows on one digit that
 * disagree about which digit it is are still one detection). Plain TypeScript.
 */
import { BACKGROUND, WINDOW_CLASSES } from './background-class.ts';
import { OUTPUT_STRIDE, WINDOW, windowsAtStride } from './fully-convolutional.ts';
import type { ScoredBox } from './grid-targets.ts';

/** IoU above which a window's box is removed by a better one. */
export const WINDOW_NMS_IOU = 0.3;
/** MNIST centres each digit in a 20×20 box inside its 28×28 frame. */
const INSET = 4;

/** Softmax over each window's classes, in place order: scores [windows × classes] → probabilities. */
export function softmaxRows(scores: ArrayLike<number>, classes = WINDOW_CLASSES): Float32Array {
  const out = new Float32Array(scores.length);
  for (let k = 0; k < scores.length; k += classes) {
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, scores[k + c]!);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += out[k + c] = Math.exp(scores[k + c]! - max);
    for (let c = 0; c < classes; c++) out[k + c]! /= sum;
  }
  return out;
}

/**
 * The windows at `stride` (a multiple of 4) out of the stride-4 map [P, P, classes] of a
 * size-pixel scene: what the sliding window at that stride computes, [P' × P' × classes].
 */
export function mapAtStride(map: ArrayLike<number>, size: number, stride: number, classes = WINDOW_CLASSES): Float32Array {
  const p = windowsAtStride(size, OUTPUT_STRIDE);
  const q = windowsAtStride(size, stride);
  const step = stride / OUTPUT_STRIDE;
  const out = new Float32Array(q * q * classes);
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < q; j++) {
      for (let c = 0; c < classes; c++) out[(i * q + j) * classes + c] = map[(i * step * p + j * step) * classes + c]!;
    }
  }
  return out;
}

/** Candidate boxes of windows at `stride` from their probabilities [P' × P' × classes]. */
export function windowBoxes(probs: ArrayLike<number>, size: number, stride: number, threshold: number): ScoredBox[] {
  const q = windowsAtStride(size, stride);
  const boxes: ScoredBox[] = [];
  for (let k = 0; k < q * q; k++) {
    let best = 0;
    for (let c = 1; c < WINDOW_CLASSES; c++) if (probs[k * WINDOW_CLASSES + c]! > probs[k * WINDOW_CLASSES + best]!) best = c;
    const score = probs[k * WINDOW_CLASSES + best]!;
    if (best === BACKGROUND || score < threshold) continue;
    const x0 = (k % q) * stride;
    const y0 = Math.floor(k / q) * stride;
    boxes.push({ x0: x0 + INSET, y0: y0 + INSET, x1: x0 + WINDOW - INSET, y1: y0 + WINDOW - INSET, label: best, score });
  }
  return boxes;
}
