/**
 * @crawl, only for a build under a sub-path (BASE_PATH other than /): what a sub-path can break
 * and the crawl at / cannot see.
 * - Every page of the sitemap, read over HTTP: every same-origin link, script, stylesheet, image
 *   and #anchor in its HTML stays under the base path and resolves.
 * - Every demo, on wasm, loads what it fetches at run time (tfjs's .wasm, the digits, the shipped
 *   weights) from under the base path, with no console error and no other origin (the watcher).
 * every-page.spec.ts opens pages in a browser too (under a sub-path one page of each kind).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_PATH, DIST_DIR, expect, sitemapPaths, test } from './fixtures.ts';

test.skip(BASE_PATH === '/', 'the build at / is crawled page by page in every-page.spec.ts');

const paths = sitemapPaths();

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&lt;': '<', '&gt;': '>' };
const decode = (text: string) => text.replace(/&(amp|quot|#39|#x27|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);

/** Every URL an HTML page points to through href, src or srcset. */
function urlsIn(html: string): string[] {
  const urls: string[] = [];
  for (const [, attribute, value] of html.matchAll(/\s(href|src|srcset)="([^"]*)"/g)) {
    const text = decode(value ?? '');
    if (attribute === 'srcset') urls.push(...text.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''));
    else urls.push(text);
  }
  return urls.filter(Boolean);
}

test('every link, asset and anchor in every page stays under the base path and resolves @crawl', async ({ request, baseURL }) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL ?? '').origin;
  const fetched = new Map<string, Promise<{ status: number; ids: Set<string> }>>();
  const get = (url: string) => {
    if (!fetched.has(url)) {
      fetched.set(url, request.get(url).then(async (response) => {
        const html = (response.headers()['content-type'] ?? '').includes('text/html');
        const ids = html ? new Set([...(await response.text()).matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1] ?? ''))) : new Set<string>();
        return { status: response.status(), ids };
      }));
    }
    return fetched.get(url)!;
  };
  const broken: string[] = [];
  for (const path of paths) {
    const page = `${origin}${BASE_PATH}${path}`;
    const response = await request.get(page);
    expect(response.status(), page).toBe(200);
    for (const raw of new Set(urlsIn(await response.text()))) {
      const url = new URL(raw, page);
      if (url.origin !== origin) continue;
      if (!url.pathname.startsWith(BASE_PATH)) {
        broken.push(`/${path}: ${raw} (outside the base path ${BASE_PATH})`);
        continue;
      }
      const { status, ids } = await get(url.origin + url.pathname);
      if (status !== 200) broken.push(`/${path}: ${raw} (status ${status})`);
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && anchor !== '_top' && !ids.has(anchor)) broken.push(`/${path}: ${raw} (no element with id "${anchor}")`);
    }
  }
  expect(broken, 'broken links and assets').toEqual([]);
  // Not vacuous: the pages point to their scripts, styles and each other.
  expect(fetched.size).toBeGreaterThan(paths.length);
});

const demoPages = paths.filter((path) => readFileSync(join(DIST_DIR, path, 'index.html'), 'utf8').includes('data-demo="'));

test.describe('demos under the base path', () => {
  // Reduced motion: each demo loads (runtime, data, weights) and then waits for the reader.
  test.use({ contextOptions: { reducedMotion: 'reduce' } });

  test('the demo pages are found @crawl', () => {
    expect(demoPages.length).toBeGreaterThanOrEqual(6);
  });

  for (const path of demoPages) {
    test(`every demo of /${path} loads on wasm @crawl`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(`${path}?backend=wasm`);
      const demos = page.locator('[data-demo]');
      const count = await demos.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const demo = demos.nth(i);
        await demo.scrollIntoViewIfNeeded();
        await expect(demo, await demo.getAttribute('data-demo') ?? '').toHaveAttribute('data-status', 'paused', { timeout: 60_000 });
        await expect(demo).toHaveAttribute('data-backend', 'wasm');
      }
    });
  }
});
