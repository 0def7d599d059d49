/**
 * A small encoder-decoder for per-pixel digit classes (11: background and the ten digits). It
 * works at half the scene's resolution, where a digit's strokes are still 1-2 cells wide, and its
 * scores are upsampled bilinearly to the scene's pixels: a quarter of the work of a full-size
 * net, and its deepest layer sees about 70 scene pixels, more than the largest digit (40).
 *
 *   scene 96×96×1 → 2×2 average → 48×48×1
 *   enc1 conv 3×3, 16, ReLU  (48) ─────────────────────────────┐ skip
 *   pool → enc2 conv 3×3, 32, ReLU (24) ─────────────────┐ skip │
 *   pool → enc3 conv 3×3, 64, ReLU (12) ───────────┐ skip│      │
 *   pool → enc4 conv 3×3, 64, ReLU (6)             │     │      │
 *   up1: transposed conv 2×2 stride 2 → 12×12×32, concat enc3, conv 3×3 32, ReLU
 *   up2: transposed conv 2×2 stride 2 → 24×24×16, concat enc2, conv 3×3 16, ReLU
 *   up3: transposed conv 2×2 stride 2 → 48×48×16, concat enc1, 1×1 conv → 11 scores per cell
 *   (prediction: the scores resized bilinearly to 96×96, then the best class of each pixel)
 *
 * Loss, at 48×48 against the labels of 2×2 blocks (halfLabels): softmax cross-entropy per cell,
 * averaged, with digit cells weighted 3 (most cells are background, and a net that says
 * "background" everywhere would otherwise be nearly right).
 */
import type { Scalar, Tensor, Tf, Variable } from '../../tf/types.ts';

type Tensor4D = import('@tensorflow/tfjs-core').Tensor4D;
import { convLayer, maxPool2x2 } from '../cnn/layers.ts';
import type { Random } from '../random.ts';
import { transposedConv2x2 } from './upsample.ts';

export const SEGMENT_CLASSES = 11;
export const DIGIT_WEIGHT = 3;

type Layer = { name: string; kind: 'conv' | 'up'; size: number; in: number; out: number };
export const SEGMENTER_LAYERS: readonly Layer[] = [
  { name: 'enc1', kind: 'conv', size: 3, in: 1, out: 16 },
  { name: 'enc2', kind: 'conv', size: 3, in: 16, out: 32 },
  { name: 'enc3', kind: 'conv', size: 3, in: 32, out: 64 },
  { name: 'enc4', kind: 'conv', size: 3, in: 64, out: 64 },
  { name: 'up1', kind: 'up', size: 2, in: 64, out: 32 },
  { name: 'dec1', kind: 'conv', size: 3, in: 32 + 64, out: 32 },
  { name: 'up2', kind: 'up', size: 2, in: 32, out: 16 },
  { name: 'dec2', kind: 'conv', size: 3, in: 16 + 32, out: 16 },
  { name: 'up3', kind: 'up', size: 2, in: 16, out: 16 },
  { name: 'out', kind: 'conv', size: 1, in: 16 + 16, out: SEGMENT_CLASSES },
];

const shapeOf = (l: Layer) => (l.kind === 'up' ? [l.size, l.size, l.out, l.in] : [l.size, l.size, l.in, l.out]);

export function initSegmenterWeights(random: Random): Record<string, Float32Array> {
  const weights: Record<string, Float32Array> = {};
  for (const l of SEGMENTER_LAYERS) {
    const fanIn = l.kind === 'up' ? l.in : l.size * l.size * l.in;
    const std = Math.sqrt((l.name === 'out' ? 1 : 2) / fanIn);
    weights[`${l.name}.w`] = Float32Array.from({ length: l.size * l.size * l.in * l.out }, () => random.normal() * std);
    weights[`${l.name}.b`] = new Float32Array(l.out);
  }
  return weights;
}

export function segmenterVariables(tf: Tf, weights: Record<string, Float32Array>): Record<string, Variable> {
  const params: Record<string, Variable> = {};
  tf.tidy(() => {
    for (const l of SEGMENTER_LAYERS) {
      params[`${l.name}.w`] = tf.variable(tf.tensor(weights[`${l.name}.w`]!, shapeOf(l)), true, undefined);
      params[`${l.name}.b`] = tf.variable(tf.tensor1d(weights[`${l.name}.b`]!), true, undefined);
    }
  });
  return params;
}

/** Class scores [n, 48, 48, 11] of scenes [n, 96, 96, 1], one per 2×2 block of pixels. */
export function segmenterForward(tf: Tf, params: Record<string, Tensor>, scenes: Tensor): Tensor {
  const x = tf.avgPool(scenes as Tensor4D, 2, 2, 'valid');
  const conv = (input: Tensor, name: string, first = false) => tf.relu(convLayer(tf, input, params[`${name}.w`]!, params[`${name}.b`]!, { inputGradient: !first }));
  const up = (input: Tensor, name: string) => transposedConv2x2(tf, input, params[`${name}.w`]!, params[`${name}.b`]!);
  const e1 = conv(x, 'enc1', true);
  const e2 = conv(maxPool2x2(tf, e1), 'enc2');
  const e3 = conv(maxPool2x2(tf, e2), 'enc3');
  const e4 = conv(maxPool2x2(tf, e3), 'enc4');
  const d1 = conv(tf.concat([up(e4, 'up1'), e3], 3), 'dec1');
  const d2 = conv(tf.concat([up(d1, 'up2'), e2], 3), 'dec2');
  const d3 = tf.concat([up(d2, 'up3'), e1], 3);
  return convLayer(tf, d3, params['out.w']!, params['out.b']!, { inputGradient: true });
}

/** The best class of every scene pixel [n, 96, 96] (int32): the 48×48 scores resized bilinearly first. */
export function segmenterPredict(tf: Tf, params: Record<string, Tensor>, scenes: Tensor): Tensor {
  const scores = segmenterForward(tf, params, scenes) as Tensor4D;
  return tf.cast(tf.argMax(tf.image.resizeBilinear(scores, [scenes.shape[1]!, scenes.shape[2]!], false, true), 3), 'int32');
}

/**
 * The label of each 2×2 block of a size × size mask, for the 48×48 loss: a digit when at least
 * two of its four pixels are that digit's, else background (a block holds at most one digit: their
 * squares never overlap). Area is roughly kept, so the upsampled prediction is not fattened.
 */
export function halfLabels(mask: Uint8Array, size: number): Int32Array {
  const half = size / 2;
  const out = new Int32Array(half * half);
  for (let i = 0; i < half; i++) {
    for (let j = 0; j < half; j++) {
      const p = 2 * i * size + 2 * j;
      const block = [mask[p]!, mask[p + 1]!, mask[p + size]!, mask[p + size + 1]!];
      const digit = Math.max(...block);
      out[i * half + j] = digit > 0 && block.filter((v) => v === digit).length >= 2 ? digit : 0;
    }
  }
  return out;
}

/** Weighted mean per-cell cross-entropy; `labels` [n, 48, 48] int32 (0 background, d + 1 digit d). */
export function segmenterLoss(tf: Tf, scores: Tensor, labels: Tensor): Scalar {
  const oneHot = tf.oneHot(labels, SEGMENT_CLASSES);
  const perPixel = tf.neg(tf.sum(tf.mul(oneHot, tf.logSoftmax(scores)), 3));
  const weight = tf.add(1, tf.mul(DIGIT_WEIGHT - 1, tf.cast(tf.greater(labels, 0), 'float32')));
  return tf.div(tf.sum(tf.mul(perPixel, weight)), tf.sum(weight)) as Scalar;
}
