/**
 * One layer of the mechanics demo, built from its settings: the seeded input volume, the filters
 * (for a convolution), the output shape by the notes' rule and, when the layer does not fit, the
 * reasons in words. computeLayer() runs it on tfjs; windowTerms() gives the reference numbers
 * behind one output, which the demo shows beside tfjs's value.
 */
import type { Tf } from '../../tf/types.ts';
import { convLayerShape, poolLayerShape, type LayerShape } from './output-size.ts';
import { conv2dReference, convTerms, pool2dReference, poolTerms, type WindowTerms } from './reference.ts';
import { HEIGHT, WIDTH, formatNumber, misfitExplanation } from './size-text.ts';
import { conv2dTf, pool2dTf, type ComputeOptions, type TfResult } from './tf-conv.ts';
import { randomFilters, randomInput, type FilterBank, type Volume } from './volume.ts';

export type LayerMode = 'conv' | 'max' | 'avg';

export interface LayerSettings {
  mode: LayerMode;
  width: number;
  height: number;
  depth: number;
  filters: number;
  size: number;
  stride: number;
  pad: number;
  dilation: number;
  seed: number;
}

export interface MechanicsLayer {
  settings: LayerSettings;
  input: Volume;
  /** The filters of a convolution; undefined for pooling. */
  bank: FilterBank | undefined;
  shape: LayerShape;
  /** 1 for pooling, which has no dilation here (tf.maxPool has none). */
  dilation: number;
  /** Why the layer does not fit or will not be computed; empty when all is well. */
  problems: string[];
  /** False when there is nothing to compute (no position fits, or the layer is too big). */
  computable: boolean;
}

/** The most multiply-adds the demo computes in the page: AlexNet's first layer needs 105 million. */
export const MAX_MULTIPLY_ADDS = 250e6;

export function buildLayer(settings: LayerSettings): MechanicsLayer {
  const { mode, width, height, depth, filters, size, stride, pad, seed } = settings;
  const pooling = mode !== 'conv';
  const dilation = pooling ? 1 : settings.dilation;
  const input = randomInput(seed, height, width, depth, pooling ? [0, 9] : [0, 2]);
  const bank = pooling ? undefined : randomFilters(seed, size, depth, filters);
  const shape = pooling ? poolLayerShape({ width, height, depth, size, stride, pad }) : convLayerShape({ width, height, depth, filters, size, stride, pad, dilation });
  const problems: string[] = [];
  const op = mode === 'conv' ? 'tf.conv2d' : mode === 'max' ? 'tf.maxPool' : 'tf.avgPool';
  for (const [axis, input1] of [[WIDTH, width], [HEIGHT, height]] as const) {
    const explanation = misfitExplanation(axis, { input: input1, filter: size, stride, pad, dilation }, axis === WIDTH ? shape.width : shape.height, op);
    if (explanation) problems.push(explanation);
  }
  if (pooling && pad >= size) {
    problems.push(`Pooling with padding P = ${pad} ≥ F = ${size}: some windows would hold padding only, with nothing to pool. Pooling layers rarely pad; keep P below F.`);
  }
  let computable = shape.width.positions > 0 && shape.height.positions > 0 && !(pooling && pad >= size);
  if (computable && shape.multiplyAdds > MAX_MULTIPLY_ADDS) {
    problems.push(`This layer needs ${formatNumber(shape.multiplyAdds / 1e6)} million multiply-adds; the demo computes at most ${MAX_MULTIPLY_ADDS / 1e6} million in your browser. Its size is shown, but not its values.`);
    computable = false;
  }
  return { settings, input, bank, shape, dilation, problems, computable };
}

export function windowTerms(layer: MechanicsLayer, k: number, i: number, j: number): WindowTerms {
  const { stride, pad, size, mode } = layer.settings;
  if (layer.bank) return convTerms(layer.input, layer.bank, { stride, pad, dilation: layer.dilation }, k, i, j);
  return poolTerms(layer.input, mode === 'max' ? 'max' : 'avg', { size, stride, pad }, k, i, j);
}

export function computeLayer(tf: Tf, layer: MechanicsLayer, options: ComputeOptions = {}): Promise<TfResult> {
  const { stride, pad, size, mode } = layer.settings;
  if (!layer.computable) throw new Error('this layer has no output to compute');
  if (layer.bank) return conv2dTf(tf, layer.input, layer.bank, { stride, pad, dilation: layer.dilation }, options);
  return pool2dTf(tf, layer.input, mode === 'max' ? 'max' : 'avg', { size, stride, pad }, options);
}

/** The whole output by the plain-TS reference (float64), to compare with tfjs's. */
export function referenceOutput(layer: MechanicsLayer): Volume {
  const { stride, pad, size, mode } = layer.settings;
  if (layer.bank) return conv2dReference(layer.input, layer.bank, { stride, pad, dilation: layer.dilation });
  return pool2dReference(layer.input, mode === 'max' ? 'max' : 'avg', { size, stride, pad });
}
