/** A shipped model for Node (unit tests): the same files and checks as in the browser. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CnnWeights } from '../engines/cnn/architecture.ts';
import type { ParamValues } from '../engines/params.ts';
import { decodeWeights, parseManifest, type ModelManifest, type ShippedModel } from './model-format.ts';
import { cnnWeightsOf, SHIPPED_CNN, type CnnManifest } from './shipped-models.ts';

/** The folder of a shipped model in the repository. */
export function modelDirNode(kind: { dir: string }, publicDir = resolve('public')): string {
  return join(publicDir, 'models', kind.dir);
}

export function loadModelNode<M extends ModelManifest>(kind: ShippedModel<M>, publicDir = resolve('public')): { manifest: M; values: ParamValues; bytes: Uint8Array } {
  const dir = modelDirNode(kind, publicDir);
  const manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')), kind);
  const bytes = new Uint8Array(readFileSync(join(dir, manifest.weights.file)));
  return { manifest, values: decodeWeights(manifest, bytes), bytes };
}

export function loadPretrainedCnnNode(publicDir = resolve('public')): { manifest: CnnManifest; weights: CnnWeights } {
  const { manifest, values } = loadModelNode(SHIPPED_CNN, publicDir);
  return { manifest, weights: cnnWeightsOf(manifest, values) };
}
