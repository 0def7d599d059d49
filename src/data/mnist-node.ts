/** MNIST for Node (unit tests, training scripts, benchmarks): the same assets and checks as the browser. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { crc32Hex } from './crc32.ts';
import { ensureMnistAssets } from './mnist-build.ts';
import { MNIST_ASSET_DIR, verifyMnist, type MnistData } from './mnist-format.ts';

export function loadMnistNode(publicDir = resolve('public')): MnistData {
  const dir = join(publicDir, MNIST_ASSET_DIR);
  const { manifest } = ensureMnistAssets(dir);
  return verifyMnist(
    manifest,
    gunzipSync(readFileSync(join(dir, manifest.images.file))),
    gunzipSync(readFileSync(join(dir, manifest.labels.file))),
    crc32Hex,
  );
}
