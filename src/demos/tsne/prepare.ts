/**
 * A t-SNE run's preparation: the digits' features, then the affinities P (neighbour search and
 * perplexity calibration, in short tasks and awaited slices). P at 10,000 digits takes seconds,
 * so the element keeps the last one (a OneSlotCache it owns): a new seed, gradient, learning rate
 * or Reset starts at once. The key holds every input P depends on, so a cached P is the P a fresh
 * page would compute: the seed counts only for PCA (its random start).
 */
import { loadPretrainedCnn } from '../../data/model-loader.ts';
import type { MnistData } from '../../data/mnist-format.ts';
import { computeAffinities, type AffinityResult } from '../../engines/tsne/affinities.ts';
import { digitFeatures, type FeatureSpace } from '../../engines/tsne/features.ts';
import type { OneSlotCache } from '../one-slot-cache.ts';
import type { DemoContext } from '../types.ts';
import type { TSNE_SPEC } from './spec.ts';
import { calibrationMessage, inputSpaceAccuracy, neighborsMessage } from './summary.ts';

export interface Prepared {
  affinities: AffinityResult;
  /** The distance's space, as a phrase. */
  features: string;
  /** 1-NN label accuracy in the input space. */
  inputAccuracy: number;
}

export interface PrepareInput {
  n: number;
  space: FeatureSpace;
  perplexity: number;
  seed: number;
}

export function preparationKey(input: PrepareInput, backend: string): string {
  return [input.n, input.space, input.perplexity, backend, input.space === 'pca50' ? input.seed : ''].join('|');
}

export async function prepareAffinities(context: DemoContext<typeof TSNE_SPEC>, input: PrepareInput, data: MnistData, cache: OneSlotCache<Prepared>): Promise<Prepared> {
  const key = preparationKey(input, context.backend);
  const cached = cache.get(key);
  if (cached) return cached;
  // The old P goes before the new one is built (at 10,000 digits, tens of MB).
  cache.clear();
  const { tf, signal } = context;
  const { n, space, perplexity } = input;
  const say = (message: string) => signal.aborted || context.say(message);
  if (space === 'cnn') say('Loading the trained ConvNet…');
  const network = space === 'cnn' ? await loadPretrainedCnn(context.base) : undefined;
  signal.throwIfAborted();
  const features = await digitFeatures({ tf, images: data.images, n, space, seed: input.seed, network, signal, onProgress: say });
  const affinities = await computeAffinities(tf, features.values, n, features.dim, perplexity, {
    signal,
    onProgress: (stage, done, total) => say(stage === 'neighbors' ? neighborsMessage(perplexity, features.description, done, total) : calibrationMessage(perplexity)),
  });
  const prepared = { affinities, features: features.description, inputAccuracy: inputSpaceAccuracy(affinities.neighbors, data.labels.subarray(0, n)) };
  cache.set(key, prepared);
  return prepared;
}
