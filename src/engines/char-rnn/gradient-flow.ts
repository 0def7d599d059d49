/**
 * ‖∂L_T/∂h_{T−k}‖ for k = 0 … T−1, by automatic differentiation in tfjs: a zero vector e_t is
 * added to every hidden state (h_t + e_t changes nothing forward), and ∂L/∂e_t is ∂L/∂h_t. One
 * backward pass gives every k. Fresh, seeded one-layer models: a tanh RNN whose weights are
 * scaled, or an LSTM with a chosen forget-gate bias; L is the cross-entropy at the last step.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import type { ServedEngine } from '../../tf/worker-serve.ts';
import { paramTensors, valueOf, type ParamValues } from '../params.ts';
import { createRandom } from '../random.ts';
import { initialParams, paramSpecs, type ModelShape } from './cells.ts';
import { largestSingularValue, referenceFlow } from './flow-reference.ts';
import { cellStep, crossEntropy } from './model.ts';

export interface FlowModel {
  cell: 'rnn' | 'lstm';
  hidden: number;
  /** Weights' standard deviation as a multiple of 1/√H (the RNN's W_hh: the curve's slope). */
  scale: number;
  forgetBias: number;
  seed: number;
  /** Steps T: k runs from 0 to T − 1. */
  length: number;
}

export const FLOW_VOCAB = 32;

export function flowSetup(model: FlowModel): { shape: ModelShape; params: ParamValues; inputs: number[]; target: number } {
  const shape: ModelShape = { cell: model.cell, layers: 1, hidden: model.hidden, vocab: FLOW_VOCAB };
  const params = initialParams(shape, { seed: model.seed, scale: model.scale, forgetBias: model.forgetBias });
  const random = createRandom(model.seed + 1);
  const inputs = Array.from({ length: model.length }, () => random.int(FLOW_VOCAB));
  return { shape, params, inputs, target: random.int(FLOW_VOCAB) };
}

/** The norms by autodiff (same order as referenceFlow: k = 0 first). */
export async function measureFlow(tf: Tf, model: FlowModel): Promise<number[]> {
  const { shape, params, inputs, target } = flowSetup(model);
  const p = paramTensors(tf, paramSpecs(shape), params);
  const es = inputs.map(() => tf.zeros([1, shape.hidden]));
  const norms = tf.tidy(() => {
    const xw = tf.unstack(tf.add(tf.matMul(tf.cast(tf.oneHot(tf.tensor1d(inputs, 'int32'), FLOW_VOCAB), 'float32'), p['l0.Wx']!), p['l0.b']!));
    const grads = tf.grads((...e: Tensor[]) => {
      let h: Tensor = tf.zeros([1, shape.hidden]);
      let c: Tensor | undefined = shape.cell === 'lstm' ? tf.zeros([1, shape.hidden]) : undefined;
      e.forEach((et, t) => {
        const next = cellStep(tf, shape, p, 0, tf.reshape(xw[t]!, [1, -1]), h, c);
        h = tf.add(next.h, et);
        c = next.c;
      });
      return crossEntropy(tf, tf.add(tf.matMul(h, p['Wy']!), p['by']!), tf.tensor1d([target], 'int32'), FLOW_VOCAB);
    })(es);
    return tf.stack(grads.map((g) => tf.norm(g)).reverse());
  });
  const values = Array.from(await norms.data());
  tf.dispose([norms, ...es, ...Object.values(p)]);
  return values;
}

export interface FlowCurve {
  /** ‖∂L/∂h_{T−k}‖ by autodiff, k = 0 … T−1. */
  norms: number[];
  /** The same from the notes' backward pass (float64). */
  reference: number[];
  /** Largest relative difference between the two (where the gradient is above 1e-20). */
  agreement: number;
  /** Largest singular value of W_hh ([H, G·H]). */
  sigmaMax: number;
}

export async function flowCurve(tf: Tf, model: FlowModel): Promise<FlowCurve> {
  const norms = await measureFlow(tf, model);
  const { shape, params, inputs, target } = flowSetup(model);
  const reference = referenceFlow(shape, params, inputs, target);
  // Float32 loses gradients far below 1e-20 (products underflow to 0): compare where it holds them.
  const agreement = Math.max(0, ...norms.map((n, k) => (reference[k]! > 1e-20 ? Math.abs(n - reference[k]!) / reference[k]! : 0)));
  const G = model.cell === 'lstm' ? 4 : 1;
  return { norms, reference, agreement, sigmaMax: largestSingularValue(valueOf(params, 'l0.Wh'), model.hidden, G * model.hidden) };
}

/** As a worker serves it: one curve per request. */
export function createFlowEngine(tf: Tf): ServedEngine<FlowModel, FlowCurve> {
  return {
    async handle(model) {
      return { reply: await flowCurve(tf, model) };
    },
    dispose() {},
  };
}
