/**
 * Loads the shipped ConvNet weights in the browser (models/mnist-cnn/ under the site's base):
 * the manifest, then the weights file, checked against it. One load per page, shared by every
 * demo that asks; a failed load may be retried.
 */
import type { CnnWeights } from '../engines/cnn/architecture.ts';
import { crc32Hex } from './crc32.ts';
import { CNN_MODEL_DIR, CnnWeightsError, decodeCnnWeights, parseCnnManifest, type CnnModelManifest } from './cnn-weights-format.ts';

export interface PretrainedCnn {
  manifest: CnnModelManifest;
  weights: CnnWeights;
  /** URL of the training log, for the reader. */
  logUrl: string;
}

const cache = new Map<string, Promise<PretrainedCnn>>();

export function loadPretrainedCnn(base: string): Promise<PretrainedCnn> {
  const root = `${base.replace(/\/+$/, '')}/${CNN_MODEL_DIR}/`;
  let pending = cache.get(root);
  if (!pending) {
    pending = fetchPretrained(root);
    pending.catch(() => cache.delete(root));
    cache.set(root, pending);
  }
  return pending;
}

async function fetchPretrained(root: string): Promise<PretrainedCnn> {
  const response = await fetch(`${root}model.json`);
  if (!response.ok) throw new CnnWeightsError(`Could not load the trained network (model.json: HTTP ${response.status}).`);
  const manifest = parseCnnManifest(await response.json());
  const weights = await fetch(`${root}${manifest.weights.file}`);
  if (!weights.ok) throw new CnnWeightsError(`Could not load the trained network (${manifest.weights.file}: HTTP ${weights.status}).`);
  return { manifest, weights: decodeCnnWeights(manifest, new Uint8Array(await weights.arrayBuffer()), crc32Hex), logUrl: `${root}training-log.txt` };
}
