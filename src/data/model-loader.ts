/**
 * Loads a shipped model in the browser (models/<dir>/ under the site's base): the manifest,
 * then the weights file, both checked (model-format.ts). One load per page and model, shared by
 * every demo that asks; a failed load may be retried.
 */
import type { CnnWeights } from '../engines/cnn/architecture.ts';
import type { ParamValues } from '../engines/params.ts';
import { decodeWeights, ModelFileError, parseManifest, type ModelManifest, type ShippedModel } from './model-format.ts';
import { cnnWeightsOf, SHIPPED_CNN, type CnnManifest } from './shipped-models.ts';

export interface LoadedModel<M extends ModelManifest> {
  manifest: M;
  values: ParamValues;
  /** URL of the training log, for the reader. */
  logUrl: string;
}

/** The ConvNet, its parameters in the engine's form. */
export interface PretrainedCnn {
  manifest: CnnManifest;
  weights: CnnWeights;
  logUrl: string;
}

const cache = new Map<string, Promise<LoadedModel<ModelManifest>>>();

export function loadModel<M extends ModelManifest>(base: string, kind: ShippedModel<M>): Promise<LoadedModel<M>> {
  const root = `${base.replace(/\/+$/, '')}/models/${kind.dir}/`;
  let pending = cache.get(root);
  if (!pending) {
    pending = fetchModel(root, kind);
    pending.catch(() => cache.delete(root));
    cache.set(root, pending);
  }
  // The cache is keyed by folder, and each folder holds one kind, checked as M when fetched.
  return pending as Promise<LoadedModel<M>>;
}

export async function loadPretrainedCnn(base: string): Promise<PretrainedCnn> {
  const { manifest, values, logUrl } = await loadModel(base, SHIPPED_CNN);
  return { manifest, weights: cnnWeightsOf(manifest, values), logUrl };
}

async function fetchModel<M extends ModelManifest>(root: string, kind: ShippedModel<M>): Promise<LoadedModel<M>> {
  const response = await fetch(`${root}model.json`);
  if (!response.ok) throw new ModelFileError(`Could not load the trained ${kind.model} (model.json: HTTP ${response.status}).`);
  const manifest = parseManifest(await response.json(), kind);
  const weights = await fetch(`${root}${manifest.weights.file}`);
  if (!weights.ok) throw new ModelFileError(`Could not load the trained ${kind.model} (${manifest.weights.file}: HTTP ${weights.status}).`);
  return { manifest, values: decodeWeights(manifest, new Uint8Array(await weights.arrayBuffer())), logUrl: `${root}training-log.txt` };
}
