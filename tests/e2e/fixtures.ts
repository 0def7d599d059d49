/**
 * Shared e2e fixtures. Every test is watched, whether it names `watch` or not (an automatic
 * fixture on the browser context, so pages a test opens itself are watched too): requests to any
 * other origin are blocked and recorded, console errors and page errors are recorded, and the test
 * fails if either list is non-empty when it ends. A test that needs the lists asks for `watch`.
 */
import { test as base, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BASE_PATH = `/${(process.env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
export const DIST_DIR = process.env.DIST_DIR ?? 'dist';

export interface PageWatch {
  external: string[];
  errors: string[];
  /** Another origin that is the site too (a test serving the build itself, on its own port). */
  allowOrigin(origin: string): void;
  /** Console errors the test expects (a download that fails offline logs one): not counted. */
  ignoreErrors(pattern: RegExp): void;
}

/** Watches every page of `context`, present and future; `origin` is the site's own. */
async function watchContext(context: BrowserContext, origin: string): Promise<PageWatch> {
  const origins = new Set([origin]);
  const ignored: RegExp[] = [];
  const errors: string[] = [];
  const watch: PageWatch = {
    external: [],
    get errors() {
      return errors.filter((error) => !ignored.some((pattern) => pattern.test(error)));
    },
    allowOrigin: (other) => void origins.add(other),
    ignoreErrors: (pattern) => void ignored.push(pattern),
  };
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (/^https?:$/.test(url.protocol) && !origins.has(url.origin)) {
      watch.external.push(url.href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  const attach = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  };
  context.pages().forEach(attach);
  context.on('page', attach);
  return watch;
}

export const test = base.extend<{ watch: PageWatch }>({
  watch: [
    async ({ context, baseURL }, use) => {
      const watch = await watchContext(context, new URL(baseURL ?? 'http://localhost/').origin);
      await use(watch);
      expect(watch.external, 'requests to other origins').toEqual([]);
      expect(watch.errors, 'console and page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Paths (relative to the base, e.g. "notes/lecture-02-image-classification/") of every page in the sitemap. */
export function sitemapPaths(): string[] {
  const xml = readFileSync(join(DIST_DIR, 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => {
    const path = new URL(match[1] ?? '').pathname;
    if (!path.startsWith(BASE_PATH)) throw new Error(`sitemap entry outside ${BASE_PATH}: ${path}`);
    return path.slice(BASE_PATH.length);
  });
}

/** Opens `path` and scrolls the demo `id` into view (demos load only near the viewport). */
export async function openDemo(page: Page, path: string, id: string): Promise<Locator> {
  await page.goto(path);
  const demo = page.locator(`[data-demo="${id}"]`);
  await demo.scrollIntoViewIfNeeded();
  return demo;
}

/**
 * The demo's tfjs tensor count once nothing is in flight: data-busy gone (the element refreshes
 * data-tensors the moment its last advance or tracked computation ends). Between computations
 * the count is exact, so a leak of a single tensor shows.
 */
export async function idleTensorCount(demo: Locator): Promise<number> {
  await expect(demo).not.toHaveAttribute('data-busy', { timeout: 60_000 });
  await expect(demo).not.toHaveAttribute('data-status', 'loading');
  return Number(await demo.getAttribute('data-tensors'));
}

/**
 * In the page, before its scripts (page.addInitScript(isolateDemo, id)): removes every demo but
 * `keep` as it is parsed, so no neighbour loads (tfjs keeps one tensor count for the page).
 */
export function isolateDemo(keep: string): void {
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        const demos = node.matches('[data-demo]') ? [node] : [...node.querySelectorAll('[data-demo]')];
        for (const demo of demos) if (demo.getAttribute('data-demo') !== keep) (demo.closest('figure') ?? demo).remove();
      }
    }
  }).observe(document, { childList: true, subtree: true });
}
