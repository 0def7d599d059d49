/**
 * The two networks of the residual race, as in He et al.'s CIFAR experiments made narrow: a 3×3
 * convolution from the 14×14 digit to 8 channels, then (depth − 2)/2 blocks of two 3×3
 * convolutions (the first half at 14×14 with 8 channels, the rest, after 2×2 max pooling, at 7×7
 * with 16), global average pooling and a fully connected layer to the 10 classes. "Depth" counts
 * the layers with weights on the main path, as the paper does.
 *
 * The plain net's block is conv → ReLU → conv → ReLU; the residual net's adds the block's input
 * before the last ReLU, through a 1×1 projection where the channels change (8 → 16). With the same
 * seed both nets start from the same weights in every layer they share. Batch norm (a toggle)
 * normalizes each convolution's output with the batch's statistics, then scales and shifts it.
 *
 * Convolutions and pooling use the ConvNet's layers (../cnn/layers.ts), whose gradients are
 * written with forward convolutions: training works on every backend, wasm included.
 */
import type { Tensor, Tf, Variable } from '../../tf/types.ts';
import { convLayer, maxPool2x2 } from '../cnn/layers.ts';
import { createRandom } from '../random.ts';

export type NetKind = 'plain' | 'residual';
export const SIDE = 14;
export const CLASSES = 10;
export const MIN_DEPTH = 8;
export const MAX_DEPTH = 32;

export interface ConvSpec {
  name: string;
  size: number;
  inputs: number;
  outputs: number;
}

export interface BlockSpec {
  /** 2×2 max pooling before the block (the first block at 7×7). */
  poolBefore: boolean;
  convs: [ConvSpec, ConvSpec];
  /** The residual net's 1×1 projection where the channels change. */
  projection?: ConvSpec;
}

export interface RaceNetSpec {
  depth: number;
  stem: ConvSpec;
  blocks: BlockSpec[];
  fc: { inputs: number; outputs: number };
}

export function raceNetSpec(depth: number): RaceNetSpec {
  if (!Number.isInteger(depth) || depth % 2 !== 0 || depth < MIN_DEPTH || depth > MAX_DEPTH) throw new Error(`depth ${depth}: an even number from ${MIN_DEPTH} to ${MAX_DEPTH}`);
  const count = (depth - 2) / 2;
  const firstStage = Math.ceil(count / 2);
  let channels = 8;
  const blocks: BlockSpec[] = [];
  for (let b = 0; b < count; b++) {
    const width = b < firstStage ? 8 : 16;
    const block: BlockSpec = {
      poolBefore: b === firstStage,
      convs: [{ name: `block ${b + 1} conv a`, size: 3, inputs: channels, outputs: width }, { name: `block ${b + 1} conv b`, size: 3, inputs: width, outputs: width }],
    };
    if (width !== channels) block.projection = { name: `block ${b + 1} projection`, size: 1, inputs: channels, outputs: width };
    blocks.push(block);
    channels = width;
  }
  return { depth, stem: { name: 'conv 1', size: 3, inputs: 1, outputs: 8 }, blocks, fc: { inputs: channels, outputs: CLASSES } };
}

/** The layers with weights on the main path, in order: what the gradient-norm chart shows. */
export function mainPathLayers(spec: RaceNetSpec): string[] {
  return [spec.stem.name, ...spec.blocks.flatMap((b) => b.convs.map((c) => c.name)), 'fc'];
}

interface ConvParams {
  w: Variable;
  b: Variable;
  /** Batch norm's scale and shift, when on. */
  gamma?: Variable;
  beta?: Variable;
}

export interface RaceNet {
  kind: NetKind;
  /** Every trainable variable. */
  variables: Variable[];
  /** The weight tensor of each main-path layer, in the order of mainPathLayers(). */
  mainWeights: Variable[];
  scores(x: Tensor): Tensor;
  dispose(): void;
}

/** He-normal weights (std √(2/fan-in)) drawn from `seed` in layer order, zero biases. */
export function heWeights(spec: ConvSpec, random: ReturnType<typeof createRandom>): Float32Array {
  const fan = spec.size * spec.size * spec.inputs;
  const std = Math.sqrt(2 / fan);
  return Float32Array.from({ length: fan * spec.outputs }, () => std * random.normal());
}

export function createRaceNet(tf: Tf, spec: RaceNetSpec, kind: NetKind, options: { seed: number; batchNorm: boolean }): RaceNet {
  // The main path draws from one stream, projections from another: both nets share every main-path weight.
  const main = createRandom(options.seed);
  const side = createRandom(options.seed + 7919);
  const variables: Variable[] = [];
  const keep = (t: Tensor) => {
    const v = tf.variable(t, true);
    t.dispose();
    variables.push(v);
    return v;
  };
  const conv = (c: ConvSpec, random: ReturnType<typeof createRandom>, bn: boolean): ConvParams => {
    const params: ConvParams = { w: keep(tf.tensor4d(heWeights(c, random), [c.size, c.size, c.inputs, c.outputs])), b: keep(tf.zeros([c.outputs])) };
    if (bn) {
      params.gamma = keep(tf.ones([c.outputs]));
      params.beta = keep(tf.zeros([c.outputs]));
    }
    return params;
  };
  const stem = conv(spec.stem, main, options.batchNorm);
  const blocks = spec.blocks.map((block) => ({
    block,
    convs: block.convs.map((c) => conv(c, main, options.batchNorm)),
    projection: kind === 'residual' && block.projection ? conv(block.projection, side, false) : undefined,
  }));
  // A small classifier (a tenth of He's scale): both nets start near log 10 loss, and the
  // gradient still reaches every layer at step 0 (a zero classifier would block it).
  const fcW = keep(tf.tensor2d(heWeights({ name: 'fc', size: 1, inputs: spec.fc.inputs, outputs: spec.fc.outputs }, main).map((v) => 0.1 * v), [spec.fc.inputs, spec.fc.outputs]));
  const fcB = keep(tf.zeros([spec.fc.outputs]));

  const apply = (x: Tensor, p: ConvParams, first: boolean) => {
    const y = convLayer(tf, x, p.w, p.b, { inputGradient: !first });
    if (!p.gamma || !p.beta) return y;
    const { mean, variance } = tf.moments(y, [0, 1, 2]);
    return tf.add(tf.mul(tf.div(tf.sub(y, mean), tf.sqrt(tf.add(variance, 1e-5))), p.gamma), p.beta);
  };
  return {
    kind,
    variables,
    mainWeights: [stem.w, ...blocks.flatMap((b) => b.convs.map((c) => c.w)), fcW],
    scores(x) {
      let h = tf.relu(apply(x, stem, true));
      for (const { block, convs, projection } of blocks) {
        if (block.poolBefore) h = maxPool2x2(tf, h);
        const inner = apply(tf.relu(apply(h, convs[0]!, false)), convs[1]!, false);
        if (kind === 'plain') h = tf.relu(inner);
        else h = tf.relu(tf.add(inner, projection ? convLayer(tf, h, projection.w, projection.b, { inputGradient: true }) : h));
      }
      const pooled = tf.mean(h, [1, 2]);
      return tf.add(tf.matMul(pooled, fcW), fcB);
    },
    dispose: () => tf.dispose(variables),
  };
}

