/** A shipped model for Node (unit tests): the same files and checks as the browser. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ParamSpec, ParamValues } from '../engines/params.ts';
import { crc32Hex } from './crc32.ts';
import { decodeParams, parseModelManifest, type ModelManifest } from './model-file.ts';

export function loadModelNode(dir: string, model: string, specs: readonly ParamSpec[], publicDir = resolve('public')): { manifest: ModelManifest; values: ParamValues } {
  const root = join(publicDir, 'models', dir);
  const manifest = parseModelManifest(JSON.parse(readFileSync(join(root, 'model.json'), 'utf8')), model, specs);
  return { manifest, values: decodeParams(manifest, new Uint8Array(readFileSync(join(root, manifest.weights.file))), crc32Hex) };
}
