/**
 * One statistics sweep in tfjs: a forward pass of one batch through the lab's network and a
 * backward pass of its softmax loss, returning each hidden layer's activations and the loss's
 * gradient with respect to them. The gradients come from tf.grads over zero "probes" added to
 * each layer's output: dL/dprobe is exactly dL/d(activation), without a hand-written backward.
 */
import type { Scalar, Tensor, Tf } from '../../tf/types.ts';
import { BN_EPSILON, dropoutMasks, initialWeights, type LabConfig, type LabShape } from './network.ts';
import { yieldToEventLoop } from '../yield.ts';
import { denseMatMul } from '../dense-layer.ts';
import { layerStats, type LayerStats } from './stats.ts';

export interface LayerReport {
  activations: LayerStats;
  gradients: LayerStats;
}

export interface SweepResult {
  loss: number;
  layers: LayerReport[];
  milliseconds: number;
}

export interface SweepInput {
  /** batch × 784 standardized pixels. */
  x: Float32Array;
  labels: Uint8Array;
}

/**
 * Runs the sweep; every tensor it makes is disposed before it resolves (or rejects). `signal`
 * stops it between layers' reads with an AbortError.
 */
export async function statisticsSweep(tf: Tf, shape: LabShape, config: LabConfig, input: SweepInput, signal?: AbortSignal): Promise<SweepResult> {
  signal?.throwIfAborted();
  const started = performance.now();
  const { batch, width, layers } = shape;
  const weights = initialWeights(shape, config.init);
  const masks = dropoutMasks(shape, config.dropout);
  const kept: Tensor[] = [];
  const { loss, grads } = tf.tidy(() => {
    const x = tf.tensor2d(input.x, [batch, shape.inputs]);
    const y = tf.oneHot(tf.tensor1d(Array.from(input.labels), 'int32'), shape.classes);
    const w = weights.map((values, l) => tf.tensor2d(values, [l === 0 ? shape.inputs : width, l === layers ? shape.classes : width]));
    const m = masks?.map((values) => tf.tensor2d(values, [batch, width]));
    const probes = Array.from({ length: layers }, () => tf.zeros([batch, width]));
    const forward = (...zs: Tensor[]) => {
      let h: Tensor = x;
      // Only dL/dh is wanted (the weights are not differentiated): on wasm's fast path, no transposed operand.
      const product = (input: Tensor, l: number) => denseMatMul(tf, input, w[l]!, { inputGradient: l > 0, weightGradient: false });
      for (let l = 0; l < layers; l++) {
        let s = product(h, l);
        if (config.batchNorm) {
          const { mean, variance } = tf.moments(s, 0);
          s = tf.div(tf.sub(s, mean), tf.sqrt(tf.add(variance, BN_EPSILON)));
        }
        const a = tf.add(config.activation === 'tanh' ? tf.tanh(s) : tf.relu(s), zs[l]!);
        kept.push(tf.keep(a));
        h = m ? tf.mul(a, m[l]!) : a;
      }
      return tf.losses.softmaxCrossEntropy(y, product(h, layers)) as Scalar;
    };
    const { value, grads } = tf.valueAndGrads(forward)(probes);
    return { loss: value, grads };
  });
  try {
    // On the page's thread (wasm, cpu) give the page its turn between pieces; in a worker, a yield lets an "abort" in.
    await yieldToEventLoop();
    signal?.throwIfAborted();
    const lossValue = (await loss.data())[0]!;
    const reports: LayerReport[] = [];
    for (let l = 0; l < layers; l++) {
      const activations = layerStats((await kept[l]!.data()) as Float32Array, width, config.activation === 'tanh');
      const gradients = layerStats((await grads[l]!.data()) as Float32Array, width, true);
      reports.push({ activations, gradients });
      await yieldToEventLoop();
      signal?.throwIfAborted();
    }
    return { loss: lossValue, layers: reports, milliseconds: performance.now() - started };
  } finally {
    tf.dispose([loss, ...grads, ...kept]);
  }
}

