/**
 * Loads the MNIST assets in the browser: fetches with progress, decompresses, verifies sizes and
 * checksums. One load per page, shared by every demo that asks (the promise is cached).
 */
import { crc32Hex } from './crc32.ts';
import { gunzipIfNeeded } from './gunzip.ts';
import { MNIST_ASSET_DIR, MnistDataError, parseManifest, verifyMnist, type MnistData } from './mnist-format.ts';

export type ProgressListener = (loadedBytes: number, totalBytes: number | undefined) => void;

const cache = new Map<string, Promise<MnistData>>();

export function loadMnist(base: string, onProgress?: ProgressListener): Promise<MnistData> {
  const root = `${base.replace(/\/+$/, '')}/${MNIST_ASSET_DIR}/`;
  let pending = cache.get(root);
  if (!pending) {
    pending = fetchMnist(root, onProgress);
    // A failed load may be retried later (e.g. after the network or server comes back).
    pending.catch(() => cache.delete(root));
    cache.set(root, pending);
  }
  return pending;
}

async function fetchMnist(root: string, onProgress?: ProgressListener): Promise<MnistData> {
  const manifestResponse = await fetch(`${root}manifest.json`);
  if (!manifestResponse.ok) throw new MnistDataError(`Could not load the MNIST digits (manifest: HTTP ${manifestResponse.status}).`);
  const manifest = parseManifest(await manifestResponse.json());
  let imagesLoaded = 0;
  let labelsLoaded = 0;
  const report = () => onProgress?.(imagesLoaded + labelsLoaded, undefined);
  const [images, labels] = await Promise.all([
    fetchBytes(`${root}${manifest.images.file}`, (n) => { imagesLoaded = n; report(); }),
    fetchBytes(`${root}${manifest.labels.file}`, (n) => { labelsLoaded = n; report(); }),
  ]);
  return verifyMnist(manifest, await gunzipIfNeeded(images), await gunzipIfNeeded(labels), crc32Hex);
}

async function fetchBytes(url: string, onBytes: (loaded: number) => void): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new MnistDataError(`Could not load ${url} (HTTP ${response.status}).`);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onBytes(loaded);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
