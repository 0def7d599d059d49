/** The shipped ConvNet weights for Node (unit tests): the same files and checks as the browser. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CnnWeights } from '../engines/cnn/architecture.ts';
import { crc32Hex } from './crc32.ts';
import { CNN_MODEL_DIR, decodeCnnWeights, parseCnnManifest, type CnnModelManifest } from './cnn-weights-format.ts';

export function loadCnnWeightsNode(publicDir = resolve('public')): { manifest: CnnModelManifest; weights: CnnWeights } {
  const dir = join(publicDir, CNN_MODEL_DIR);
  const manifest = parseCnnManifest(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')));
  return { manifest, weights: decodeCnnWeights(manifest, new Uint8Array(readFileSync(join(dir, manifest.weights.file))), crc32Hex) };
}
