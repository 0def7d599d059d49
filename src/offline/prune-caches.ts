/**
 * Drops what the current version no longer uses from the caches filled on demand: demo code and
 * wasm whose hashed names are gone, and data caches of earlier MNIST or weights (their cache name
 * carries a hash). Workbox already removes outdated precache entries itself. Reads the version's
 * own list of files (offline/files.json, precached with it).
 */
import { DATA_CACHE_PREFIX, loadOfflineIndex } from './offline-files.ts';

export async function pruneCaches(base: string): Promise<void> {
  const index = await loadOfflineIndex(base);
  const current = new Set(index.files.map((file) => new URL(`${base}${file.url}`, location.href).href));
  for (const name of await caches.keys()) {
    if (name.startsWith(DATA_CACHE_PREFIX) && name !== index.caches.data) await caches.delete(name);
  }
  const code = await caches.open(index.caches.code);
  for (const request of await code.keys()) {
    if (!current.has(request.url)) await code.delete(request);
  }
}
