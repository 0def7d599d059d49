/** What every CNN demo loads first: the MNIST digits and the shipped weights (both cached per page). */
import { loadMnist } from '../../data/mnist-loader.ts';
import { loadPretrainedCnn, type PretrainedCnn } from '../../data/model-loader.ts';
import { digitPixels, type MnistData } from '../../data/mnist-format.ts';
import type { DemoContext } from '../types.ts';

export interface CnnAssets {
  data: MnistData;
  pretrained: PretrainedCnn;
}

export async function loadCnnAssets(context: DemoContext): Promise<CnnAssets> {
  context.say('Loading the trained network and the MNIST digits…');
  const [data, pretrained] = await Promise.all([
    loadMnist(context.base, (loaded) => context.say(`Loading the MNIST digits… ${(loaded / 1e6).toFixed(1)} MB`)),
    loadPretrainedCnn(context.base),
  ]);
  context.say('');
  return { data, pretrained };
}

/** Held-out digit number `n` (1-based, as the reader counts) as intensities in [0, 1], with its label. */
export function heldOutDigit(data: MnistData, n: number): { pixels: Float32Array; label: number; index: number } {
  const count = data.manifest.testCount;
  const k = ((Math.round(n) - 1) % count + count) % count;
  const index = data.manifest.trainCount + k;
  return { pixels: Float32Array.from(digitPixels(data, index), (v) => v / 255), label: data.labels[index]!, index };
}

/** The position of the largest value. */
export function argMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

export function softmax(scores: ArrayLike<number>): Float32Array {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i]!);
  const exp = Float32Array.from({ length: scores.length }, (_, i) => Math.exp(scores[i]! - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((v) => v / sum);
}
