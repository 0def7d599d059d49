/**
 * @subpath: the installable site as built, checked on the files (what a Lighthouse installability
 * audit looks at): the manifest's name, icons, start URL and scope under the base path, the pages'
 * links to it, and what the service worker precaches and leaves for later.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_PATH, DIST_DIR, expect, test } from './fixtures.ts';
import { parseOfflineIndex } from '../../src/offline/offline-files.ts';

const built = (file: string): string => readFileSync(join(DIST_DIR, file), 'utf8');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(join(DIST_DIR, file));
  expect(bytes.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('the web app manifest names the app, its icons and its scope under the base path @subpath', () => {
  const manifest = JSON.parse(built('manifest.webmanifest')) as Record<string, unknown>;
  expect(manifest['name']).toBe('CS231n, interactive notes');
  expect(manifest['short_name']).toBe('CS231n notes');
  expect(manifest['start_url']).toBe(BASE_PATH);
  expect(manifest['scope']).toBe(BASE_PATH);
  expect(manifest['id']).toBe(BASE_PATH);
  expect(manifest['display']).toBe('standalone');
  expect(manifest['theme_color']).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest['background_color']).toMatch(/^#[0-9a-f]{6}$/);
  const icons = manifest['icons'] as { src: string; sizes: string; type: string; purpose?: string }[];
  // Icon paths are relative to the manifest, which sits at the base: each must exist with its stated size.
  for (const icon of icons.filter((i) => i.type === 'image/png')) {
    expect(existsSync(join(DIST_DIR, icon.src)), icon.src).toBe(true);
    expect(pngSize(icon.src).join('x')).toBe(icon.sizes);
  }
  expect(icons.filter((i) => i.type === 'image/png').map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(icons.some((i) => i.purpose === 'maskable' && i.sizes === '512x512')).toBe(true);
});

test('every page links the manifest and sets the browser colours for light and dark @subpath', () => {
  for (const page of ['index.html', 'notes/lecture-05-convolutional-neural-networks/index.html', 'references/he2016deep/index.html', '404.html']) {
    const html = built(page);
    expect(html, page).toContain(`<link rel="manifest" href="${BASE_PATH}manifest.webmanifest">`);
    expect(html, page).toMatch(/<meta name="theme-color" content="#[0-9a-f]{6}" media="\(prefers-color-scheme: light\)">/);
    expect(html, page).toMatch(/<meta name="theme-color" content="#[0-9a-f]{6}" media="\(prefers-color-scheme: dark\)">/);
  }
});

test('the service worker precaches pages, references and the search index, and leaves demo files for later @subpath', () => {
  const worker = built('sw.js');
  const precached = new Set([...worker.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]));
  for (const url of [
    'index.html',
    'notes/lecture-01-introduction/index.html',
    'notes/lecture-13-generative-models/index.html',
    'references/index.html',
    'references/he2016deep/index.html',
    'pagefind/pagefind.js',
    'pagefind/pagefind-ui.js',
    'pagefind/wasm.en.pagefind',
    'offline/files.json',
    'offline/not-downloaded.js',
    'manifest.webmanifest',
  ]) expect(precached, url).toContain(url);
  expect([...precached].filter((url) => url?.startsWith('pagefind/fragment/')).length).toBeGreaterThan(200);
  expect([...precached].filter((url) => /^(data|models)\/|\.(wasm|ttf|woff)$/.test(url ?? ''))).toEqual([]);

  const index = parseOfflineIndex(JSON.parse(built('offline/files.json')));
  const later = index.files.map((file) => file.url);
  expect(later).toEqual(expect.arrayContaining(['data/mnist/images.bin', 'models/dcgan-mnist/weights.bin', 'models/mnist-cnn/weights.bin']));
  expect(later.filter((url) => url.endsWith('.wasm'))).toHaveLength(3);
  expect(later.filter((url) => precached.has(url))).toEqual([]);
  for (const file of index.files) expect(readFileSync(join(DIST_DIR, file.url)).length, file.url).toBe(file.bytes);
  // The cache of unchanging names (MNIST, weights) is named by their content.
  expect(index.caches.data).toMatch(/^cs231n-data-[0-9a-f]{10}$/);
});
