/**
 * A small one-stage grid detector (YOLO-style, grid-targets.ts says what each cell predicts):
 *
 *   scene 96×96×1
 *   conv 3×3, 16, ReLU, 2×2 max pool   -> 48×48×16
 *   conv 3×3, 32, ReLU, 2×2 max pool   -> 24×24×32
 *   conv 3×3, 48, ReLU, 2×2 max pool   -> 12×12×48
 *   conv 3×3, 64, ReLU                 -> 12×12×64   (a cell now sees about 44×44 pixels)
 *   four 1×1 heads: objectness (1), centre offset (2), log size (2), class scores (10)
 *
 * The layers are the ConvNet's (cnn/layers.ts): gradients that run fast on every backend.
 * Loss per scene, as in YOLO: binary cross-entropy of objectness (½ weight on the many empty
 * cells), 5 × squared error of the centre offset and squared error of the log size in the
 * responsible cells, and softmax cross-entropy of the class there.
 */
import type { Scalar, Tensor, Tf, Variable } from '../../tf/types.ts';
import { convLayer, maxPool2x2 } from '../cnn/layers.ts';
import type { Random } from '../random.ts';
import { GRID, type GridTargets } from './grid-targets.ts';
import { DIGIT_CLASSES } from './scenes.ts';

type Tensor4D = import('@tensorflow/tfjs-core').Tensor4D;

export const DETECTOR_LAYERS = [
  { name: 'conv1', size: 3, in: 1, out: 16 },
  { name: 'conv2', size: 3, in: 16, out: 32 },
  { name: 'conv3', size: 3, in: 32, out: 48 },
  { name: 'conv4', size: 3, in: 48, out: 64 },
  { name: 'objectness', size: 1, in: 64, out: 1 },
  { name: 'offset', size: 1, in: 64, out: 2 },
  { name: 'logSize', size: 1, in: 64, out: 2 },
  { name: 'classes', size: 1, in: 64, out: DIGIT_CLASSES },
] as const;

export type DetectorWeights = Record<string, Float32Array>;

/** He-initialised filters (std √(2 / fan-in)), zero biases; the objectness bias starts at −4 (most cells are empty). */
export function initDetectorWeights(random: Random): DetectorWeights {
  const weights: DetectorWeights = {};
  for (const layer of DETECTOR_LAYERS) {
    const fanIn = layer.size * layer.size * layer.in;
    const std = layer.size === 1 ? Math.sqrt(1 / fanIn) : Math.sqrt(2 / fanIn);
    weights[`${layer.name}.w`] = Float32Array.from({ length: fanIn * layer.out }, () => random.normal() * std);
    weights[`${layer.name}.b`] = new Float32Array(layer.out).fill(layer.name === 'objectness' ? -4 : 0);
  }
  return weights;
}

export type DetectorParams = Record<string, Variable>;

export function detectorVariables(tf: Tf, weights: DetectorWeights): DetectorParams {
  const params: DetectorParams = {};
  // tidy disposes the initial tensors once the variables hold their values.
  tf.tidy(() => {
    for (const layer of DETECTOR_LAYERS) {
      params[`${layer.name}.w`] = tf.variable(tf.tensor4d(weights[`${layer.name}.w`]!, [layer.size, layer.size, layer.in, layer.out]), true, undefined);
      params[`${layer.name}.b`] = tf.variable(tf.tensor1d(weights[`${layer.name}.b`]!), true, undefined);
    }
  });
  return params;
}

export interface DetectorOutputs {
  objectness: Tensor;
  offset: Tensor;
  logSize: Tensor;
  classes: Tensor;
}

/** Raw head outputs for scenes x [n, 96, 96, 1]. */
export function detectorForward(tf: Tf, params: DetectorParams, x: Tensor): DetectorOutputs {
  const conv = (input: Tensor, name: string, first = false) => convLayer(tf, input, params[`${name}.w`]!, params[`${name}.b`]!, { inputGradient: !first });
  let h = tf.relu(maxPool2x2(tf, conv(x, 'conv1', true)));
  h = tf.relu(maxPool2x2(tf, conv(h, 'conv2')));
  h = tf.relu(maxPool2x2(tf, conv(h, 'conv3')));
  h = tf.relu(conv(h, 'conv4'));
  return { objectness: conv(h, 'objectness'), offset: conv(h, 'offset'), logSize: conv(h, 'logSize'), classes: conv(h, 'classes') };
}

/** The heads side by side, [n, G, G, 15] in grid-targets.ts's channel order (for decoding). */
export function detectorRaw(tf: Tf, params: DetectorParams, x: Tensor): Tensor {
  return tf.tidy(() => {
    const o = detectorForward(tf, params, x);
    return tf.concat([o.objectness, o.offset, o.logSize, o.classes], 3);
  });
}

export interface TargetTensors {
  objectness: Tensor;
  offset: Tensor;
  logSize: Tensor;
  classes: Tensor;
}

export function targetTensors(tf: Tf, targets: GridTargets, n: number): TargetTensors {
  return tf.tidy(() => {
    const geometry = tf.tensor4d(targets.geometry, [n, GRID, GRID, 4]);
    const [offset, logSize] = tf.split(geometry, 2, 3) as [Tensor, Tensor];
    return {
      objectness: tf.tensor4d(targets.objectness, [n, GRID, GRID, 1]),
      offset: offset,
      logSize: logSize,
      classes: tf.tensor4d(targets.classes, [n, GRID, GRID, DIGIT_CLASSES]),
    };
  });
}

/** The mean loss per scene (see the header). */
export function detectorLoss(tf: Tf, out: DetectorOutputs, t: TargetTensors): Scalar {
  const n = out.objectness.shape[0]!;
  const z = out.objectness;
  // BCE with logits, written stably: max(z, 0) − z·y + log(1 + e^−|z|).
  const bce = tf.add(tf.sub(tf.relu(z), tf.mul(z, t.objectness)), tf.log(tf.add(1, tf.exp(tf.neg(tf.abs(z))))));
  const weight = tf.add(0.5, tf.mul(0.5, t.objectness));
  const objectLoss = tf.sum(tf.mul(weight, bce));
  const offsetLoss = tf.mul(5, tf.sum(tf.mul(t.objectness, tf.square(tf.sub(tf.sigmoid(out.offset), t.offset)))));
  const sizeLoss = tf.sum(tf.mul(t.objectness, tf.square(tf.sub(out.logSize, t.logSize))));
  const classLoss = tf.neg(tf.sum(tf.mul(t.classes, tf.logSoftmax(out.classes as Tensor4D))));
  return tf.div(tf.addN([objectLoss, offsetLoss, sizeLoss, classLoss]), n) as Scalar;
}
