/**
 * Loads a shipped model in the browser (models/<dir>/ under the site's base): the manifest,
 * then the weights file, checked against it. One load per page and model; a failed load may
 * be retried.
 */
import type { ParamSpec, ParamValues } from '../engines/params.ts';
import { crc32Hex } from './crc32.ts';
import { decodeParams, ModelFileError, parseModelManifest, type ModelManifest } from './model-file.ts';

export interface LoadedModel {
  manifest: ModelManifest;
  values: ParamValues;
  /** URL of the training log, for the reader. */
  logUrl: string;
}

const cache = new Map<string, Promise<LoadedModel>>();

export function loadModel(base: string, dir: string, model: string, specs: readonly ParamSpec[]): Promise<LoadedModel> {
  const root = `${base.replace(/\/+$/, '')}/models/${dir}/`;
  let pending = cache.get(root);
  if (!pending) {
    pending = fetchModel(root, model, specs);
    pending.catch(() => cache.delete(root));
    cache.set(root, pending);
  }
  return pending;
}

async function fetchModel(root: string, model: string, specs: readonly ParamSpec[]): Promise<LoadedModel> {
  const response = await fetch(`${root}model.json`);
  if (!response.ok) throw new ModelFileError(`Could not load the trained ${model} (model.json: HTTP ${response.status}).`);
  const manifest = parseModelManifest(await response.json(), model, specs);
  const weights = await fetch(`${root}${manifest.weights.file}`);
  if (!weights.ok) throw new ModelFileError(`Could not load the trained ${model} (${manifest.weights.file}: HTTP ${weights.status}).`);
  return { manifest, values: decodeParams(manifest, new Uint8Array(await weights.arrayBuffer()), crc32Hex), logUrl: `${root}training-log.txt` };
}
