/**
 * @crawl: every page of the sitemap, read over HTTP (no browser): every same-origin link, script,
 * stylesheet, image and #anchor in its HTML stays under the base path and resolves. What pages do
 * at run time (links built by scripts, console errors, requests) is checked in a browser by
 * every-page.spec.ts, on one page of each kind and a sample of the reference pages.
 */
import { BASE_PATH, expect, sitemapPaths, test } from './fixtures.ts';

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

