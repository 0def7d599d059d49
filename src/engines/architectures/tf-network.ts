/**
 * An architecture spec as a tfjs network. The weight shapes and every layer's output shape come
 * from tfjs's own shape rules (backend_util.computeConv2DInfo / computePool2DInfo), not from
 * ./analyze.ts, so countParams() and the shapes are an independent check of the accounting. The
 * network is built without weights (planTfNetwork: shapes only, instant) or with random ones
 * (buildTfNetwork) to time one forward pass, stage by stage (one top-level layer or block each).
 *
 * Inference form: batch norm with its fresh scale of 1 folds into the convolution's bias; groups
 * run as one convolution per group; LRN (k = 2, n = 5, α = 1e-4, β = 0.75) sums its squared
 * neighbours with a 1×5 convolution along the channels, which every backend has.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import type { Architecture, Layer } from './layers.ts';

type Shape4 = [number, number, number, number];
type T4 = import('@tensorflow/tfjs-core').Tensor4D;
type T1 = import('@tensorflow/tfjs-core').Tensor1D;
type T2 = import('@tensorflow/tfjs-core').Tensor2D;

export interface TfStage {
  name: string;
  weightShapes: number[][];
  output: Shape4;
  /** Applies the stage to x, taking its weights in order from `take`. */
  run(x: Tensor, take: () => Tensor): Tensor;
}

interface Compiled {
  weightShapes: number[][];
  output: Shape4;
  run(x: Tensor, take: () => Tensor): Tensor;
}

function compileLayer(tf: Tf, layer: Layer, input: Shape4): Compiled {
  switch (layer.kind) {
    case 'conv': {
      const groups = layer.groups ?? 1;
      const stride = layer.stride ?? 1;
      const pad = layer.pad ?? 0;
      const filter: Shape4 = [layer.size, layer.size, input[3] / groups, layer.filters];
      const info = tf.backend_util.computeConv2DInfo([input[0], input[1], input[2], input[3] / groups], filter, stride, 1, pad);
      const output: Shape4 = [input[0], info.outHeight, info.outWidth, layer.filters];
      const activation = layer.relu === false ? 'linear' : 'relu';
      return {
        // Batch norm's scale and shift, or a bias.
        weightShapes: [filter, ...(layer.bn ? [[layer.filters], [layer.filters]] : [[layer.filters]])],
        output,
        run(x, take) {
          const w = take() as T4;
          if (layer.bn) take();
          const bias = take() as T1;
          if (groups === 1) return tf.fused.conv2d({ x: x as T4, filter: w, strides: stride, pad, bias, activation });
          const xs = tf.split(x, groups, 3);
          const ws = tf.split(w, groups, 3);
          const parts = xs.map((xg, g) => tf.conv2d(xg as T4, ws[g] as T4, stride, pad));
          const sum = tf.add(tf.concat(parts, 3), bias);
          return activation === 'relu' ? tf.relu(sum) : sum;
        },
      };
    }
    case 'pool': {
      if (layer.size === 'global') return { weightShapes: [], output: [input[0], 1, 1, input[3]], run: (x) => tf.mean(x, [1, 2], true) };
      const size = layer.size;
      const stride = layer.stride ?? size;
      const pad = layer.pad ?? 0;
      const info = tf.backend_util.computePool2DInfo(input, size, stride, 1, pad);
      const pool = layer.op === 'max' ? tf.maxPool : tf.avgPool;
      return { weightShapes: [], output: [input[0], info.outHeight, info.outWidth, input[3]], run: (x) => pool(x as T4, size, stride, pad) };
    }
    case 'lrn':
      return {
        weightShapes: [],
        output: input,
        run(x) {
          const [n, h, w, c] = input;
          const squares = tf.reshape(tf.square(x), [n, h * w, c, 1]) as T4;
          const sums = tf.reshape(tf.conv2d(squares, tf.ones([1, 5, 1, 1]) as T4, 1, 'same'), input);
          return tf.div(x, tf.pow(tf.add(tf.mul(sums, 1e-4), 2), 0.75));
        },
      };
    case 'fc': {
      const inputs = input[1] * input[2] * input[3];
      return {
        weightShapes: [[inputs, layer.units], [layer.units]],
        output: [input[0], 1, 1, layer.units],
        run(x, take) {
          const y = tf.fused.matMul({ a: tf.reshape(x, [input[0], inputs]) as T2, b: take() as T2, bias: take(), activation: layer.relu === false ? 'linear' : 'relu' });
          return tf.reshape(y, [input[0], 1, 1, layer.units]);
        },
      };
    }
    case 'concat': {
      const branches = layer.branches.map((branch) => compileSequence(tf, branch, input));
      const depth = branches.reduce((sum, b) => sum + b.output[3], 0);
      const first = branches[0]!.output;
      return {
        weightShapes: branches.flatMap((b) => b.weightShapes),
        output: [first[0], first[1], first[2], depth],
        run: (x, take) => tf.concat(branches.map((b) => b.run(x, take)), 3),
      };
    }
    case 'residual': {
      const body = compileSequence(tf, layer.body, input);
      const shortcut = compileSequence(tf, layer.shortcut, input);
      return {
        weightShapes: [...body.weightShapes, ...shortcut.weightShapes],
        output: body.output,
        run: (x, take) => tf.relu(tf.add(body.run(x, take), shortcut.run(x, take))),
      };
    }
  }
}

function compileSequence(tf: Tf, layers: readonly Layer[], input: Shape4): Compiled {
  const parts: Compiled[] = [];
  let shape = input;
  for (const layer of layers) {
    const part = compileLayer(tf, layer, shape);
    parts.push(part);
    shape = part.output;
  }
  return { weightShapes: parts.flatMap((p) => p.weightShapes), output: shape, run: (x, take) => parts.reduce((y, p) => p.run(y, take), x) };
}

/** The network as stages with weight and output shapes, built without weights. */
export function planTfNetwork(tf: Tf, architecture: Architecture, input: [number, number, number] = architecture.input) {
  let shape: Shape4 = [1, ...input];
  const stages: TfStage[] = architecture.layers.map((layer) => {
    const compiled = compileLayer(tf, layer, shape);
    shape = compiled.output;
    return { name: layer.name, ...compiled };
  });
  return {
    stages,
    output: shape,
    /** Numbers in all the weight tensors, as a tfjs model's countParams() reports them. */
    countParams: () => stages.reduce((sum, s) => sum + s.weightShapes.reduce((n, w) => n + tf.util.sizeFromShape(w), 0), 0),
  };
}

export type TfNetworkPlan = ReturnType<typeof planTfNetwork>;

/** Random weights for `plan` (uniform, He-scaled; biases 0): what one stage takes, in order. */
export function randomWeights(tf: Tf, plan: TfNetworkPlan, seed: number): Tensor[][] {
  let next = seed;
  return plan.stages.map((stage) => stage.weightShapes.map((shape) => {
    if (shape.length === 1) return tf.zeros(shape);
    const fan = tf.util.sizeFromShape(shape) / shape[shape.length - 1]!;
    const limit = Math.sqrt(6 / fan);
    return tf.randomUniform(shape, -limit, limit, 'float32', next++);
  }));
}

/** Applies stage `index` of `plan` with its weights; the caller disposes x. */
export function runStage(tf: Tf, plan: TfNetworkPlan, weights: Tensor[][], index: number, x: Tensor): Tensor {
  const own = weights[index]!;
  let k = 0;
  return tf.tidy(() => plan.stages[index]!.run(x, () => own[k++]!));
}
