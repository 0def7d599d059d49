/**
 * The ConvNet's forward pass on tfjs tensors (architecture.ts describes the layers). One function
 * returns every layer's activations, used alike by training (only the scores), the viewer
 * (every map) and the Lecture 12 tools (gradients with respect to the input).
 */
import type { Tensor, Tf, Variable } from '../../tf/types.ts';
import { CLASSES, IMAGE_SIZE, PARAMETER_NAMES, parameterShapes, type CnnArchitecture, type CnnWeights, type ParameterName } from './architecture.ts';
import { convLayer, maxPool2x2 } from './layers.ts';


export type CnnParams = Record<ParameterName, Tensor>;

export interface CnnActivations {
  conv1: Tensor;
  pool1: Tensor;
  conv2: Tensor;
  pool2: Tensor;
  /** Hidden units of the first fully connected layer, [N, H]. */
  hidden: Tensor;
  /** Class scores (logits), [N, 10]. */
  scores: Tensor;
}

export function cnnVariables(tf: Tf, weights: CnnWeights): Record<ParameterName, Variable> {
  const shapes = parameterShapes(weights.architecture);
  return tf.tidy(() => Object.fromEntries(PARAMETER_NAMES.map((name) => [name, tf.variable(tf.tensor(weights.values[name], shapes[name]), true, undefined)]))) as Record<ParameterName, Variable>;
}

/** Overwrites the variables with weights of the same architecture (trained elsewhere: a worker). */
export function assignCnnWeights(tf: Tf, params: Record<ParameterName, Variable>, values: Record<ParameterName, Float32Array>): void {
  tf.tidy(() => {
    for (const name of PARAMETER_NAMES) params[name].assign(tf.tensor(values[name], params[name].shape));
  });
}

/** Reads the parameters back into plain arrays (for saving, drawing filters, tests). */
export async function readCnnWeights(architecture: CnnArchitecture, params: CnnParams): Promise<CnnWeights> {
  const values = {} as Record<ParameterName, Float32Array>;
  for (const name of PARAMETER_NAMES) values[name] = Float32Array.from(await params[name].data());
  return { architecture: { ...architecture }, values };
}

/**
 * Every layer for images x [N, 28, 28, 1] with pixels in [0, 1]. `inputGradient` asks for
 * gradients with respect to x (saliency, fooling images); training does not need them.
 */
export function cnnForward(tf: Tf, params: CnnParams, x: Tensor, inputGradient = false): CnnActivations {
  // relu(maxpool(z)) = maxpool(relu(z)) (ReLU is monotone): pooling first makes the ReLU and
  // its gradient four times cheaper. The full-size ReLU maps are computed for display only.
  const z1 = convLayer(tf, x, params['conv1.w'], params['conv1.b'], { inputGradient });
  const pool1 = tf.relu(maxPool2x2(tf, z1));
  const z2 = convLayer(tf, pool1, params['conv2.w'], params['conv2.b'], { inputGradient: true });
  const pool2 = tf.relu(maxPool2x2(tf, z2));
  const conv1 = tf.relu(z1);
  const conv2 = tf.relu(z2);
  const flat = tf.reshape(pool2, [x.shape[0]!, -1]);
  const hidden = tf.relu(tf.add(tf.matMul(flat, params['fc1.w']), params['fc1.b']));
  const scores = tf.add(tf.matMul(hidden, params['fc2.w']), params['fc2.b']);
  return { conv1, pool1, conv2, pool2, hidden, scores };
}

export function cnnScores(tf: Tf, params: CnnParams, x: Tensor, inputGradient = false): Tensor {
  return cnnForward(tf, params, x, inputGradient).scores;
}

/** Pixels 0-255 of `count` digits starting at `start`, as a [count, 28, 28, 1] tensor in [0, 1]. */
export function digitBatch(tf: Tf, images: Uint8Array, start: number, count: number): Tensor {
  return tf.tidy(() => tf.div(tf.tensor4d(images.subarray(start * 784, (start + count) * 784), [count, IMAGE_SIZE, IMAGE_SIZE, 1], 'float32'), 255));
}

export { CLASSES };
