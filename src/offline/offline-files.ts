/**
 * The offline index: the files the service worker caches only when first used (demo code, wasm,
 * MNIST, model weights), with their sizes, written at build time to <base>offline/files.json and
 * precached. The home page's download button and the cache clean-up read it. Shared by the build
 * (offline-integration.ts) and the browser.
 */
export const OFFLINE_INDEX = 'offline/files.json';
/** Served by the service worker, offline, for demo code that was never fetched: importing it throws this message. */
export const NOT_DOWNLOADED_MODULE = 'offline/not-downloaded.js';
export const NOT_DOWNLOADED_MESSAGE =
  'it is not saved for offline use yet: open it once while online, or use "Make everything available offline" on the home page';
/** Marks the download button's requests, which the worker's cache-first routes (URLs without a query) leave alone. */
export const DOWNLOAD_QUERY = 'offline-download';
/** Demo code and wasm: file names carry a content hash, so one cache serves every version. */
export const CODE_CACHE = 'cs231n-code';
/** MNIST and weights keep their names across versions: the cache name carries their hash instead. */
export const DATA_CACHE_PREFIX = 'cs231n-data-';

/** Colours of Starlight's light and dark page backgrounds, for the browser's UI around the page. */
export const THEME_COLORS = { light: '#ffffff', dark: '#17181c' } as const;

export type OfflineCacheKind = 'code' | 'data';

export interface OfflineFile {
  /** Relative to the site's base, e.g. "_astro/cnn.B1x2.js" or "models/mnist-cnn/weights.bin". */
  url: string;
  bytes: number;
  cache: OfflineCacheKind;
}

export interface OfflineIndex {
  version: 1;
  caches: Record<OfflineCacheKind, string>;
  files: OfflineFile[];
}

export class OfflineIndexError extends Error {
  override name = 'OfflineIndexError';
}

export function parseOfflineIndex(value: unknown): OfflineIndex {
  const index = value as Partial<OfflineIndex> | null;
  if (!index || index.version !== 1 || !index.caches || !Array.isArray(index.files)) {
    throw new OfflineIndexError('The list of offline files is not in the expected form.');
  }
  const { code, data } = index.caches;
  if (typeof code !== 'string' || typeof data !== 'string') throw new OfflineIndexError('The list of offline files names no caches.');
  for (const file of index.files) {
    const ok = typeof file?.url === 'string' && Number.isInteger(file.bytes) && file.bytes >= 0 && (file.cache === 'code' || file.cache === 'data');
    if (!ok) throw new OfflineIndexError(`The list of offline files has a malformed entry: ${JSON.stringify(file)}.`);
  }
  return { version: 1, caches: { code, data }, files: index.files };
}

/** The current version's list, as the browser sees it (from the precache once the worker is installed). */
export async function loadOfflineIndex(base: string): Promise<OfflineIndex> {
  const response = await fetch(`${base}${OFFLINE_INDEX}`);
  if (!response.ok) throw new OfflineIndexError(`The list of offline files could not be loaded (HTTP ${response.status}).`);
  return parseOfflineIndex(await response.json());
}
