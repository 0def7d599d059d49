/**
 * The layer computed with tfjs on the page's backend, its shape checked against the notes' rule
 * and, for layers small enough, every output checked against the plain-TS reference.
 */
import { computeLayer, referenceOutput, type MechanicsLayer } from '../../engines/conv/layer.ts';
import type { ComputeOptions } from '../../engines/conv/tf-conv.ts';
import type { Tf } from '../../tf/types.ts';
import { outputDims } from './cursor.ts';

/** Layers up to this size are also computed whole by the reference, to check every output. */
export const REFERENCE_LIMIT = 5e6;

export interface ComputedLayer {
  /** tf's [H, W, K] output. */
  output: Float32Array;
  /** Time of the tfjs computation alone. */
  ms: number;
  check?: { outputs: number; largestDifference: number };
}

export async function computeChecked(tf: Tf, layer: MechanicsLayer, options: ComputeOptions): Promise<ComputedLayer> {
  const d = outputDims(layer);
  const started = performance.now();
  const result = await computeLayer(tf, layer, options);
  if (result.height !== d.rows || result.width !== d.cols || result.depth !== d.maps) {
    throw new Error(`tfjs returned ${result.width}×${result.height}×${result.depth}, the rule says ${d.cols}×${d.rows}×${d.maps}`);
  }
  const ms = performance.now() - started;
  const output = result.data;
  if (!checkable(layer)) return { output, ms };
  const reference = referenceOutput(layer).data;
  let largestDifference = 0;
  for (let n = 0; n < reference.length; n++) largestDifference = Math.max(largestDifference, Math.abs(reference[n]! - output[n]!));
  return { output, ms, check: { outputs: reference.length, largestDifference } };
}

export function checkable(layer: MechanicsLayer): boolean {
  return layer.computable && layer.shape.multiplyAdds <= REFERENCE_LIMIT;
}
