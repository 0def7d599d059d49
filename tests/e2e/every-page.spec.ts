/**
 * @crawl: pages of the sitemap open in a browser with status 200, without console errors or
 * requests to other origins (the watcher); every internal link and #anchor on them, including
 * links built by scripts, resolves; and (at the root build) they have no serious or critical axe
 * violation.
 *
 * Which pages: every page but the reference pages, and a sample of those (one in ten at /, all
 * audited by axe; one in twenty under a sub-path, where axe does not run again). The reference
 * pages are ~190 copies of one template filled with bibliography fields: what one of them can get
 * wrong in its HTML (links, anchors, assets, the base path) page-links.spec.ts reads for every
 * page over HTTP, and what it does at run time is the same script on every copy. Opening each
 * of them took most of both crawls' time.
 */
import AxeBuilder from '@axe-core/playwright';
import { BASE_PATH, expect, sitemapPaths, test } from './fixtures.ts';

// The pages are independent: with --workers 2 (as npm test runs the crawl) they split across two browsers.
test.describe.configure({ mode: 'parallel' });

const paths = sitemapPaths();
// Link targets already verified, shared by the tests of this worker.
const checkedTargets = new Map<string, Promise<{ status: number; ids: Set<string> }>>();

test('the sitemap lists the home page, all 15 units and every reference page @crawl', () => {
  expect(paths).toContain('');
  expect(paths.filter((p) => p.startsWith('notes/'))).toHaveLength(15);
  expect(paths.filter((p) => /^references\/[^/]+\/$/.test(p)).length).toBeGreaterThanOrEqual(150);
});

const referencePages = paths.filter((p) => /^references\/[^/]+\/$/.test(p));
const oneIn = (n: number) => (path: string): boolean => !referencePages.includes(path) || referencePages.indexOf(path) % n === 0;
const opened = paths.filter(oneIn(BASE_PATH === '/' ? 10 : 20));

for (const path of opened) {
  test(`page /${path} @crawl`, async ({ page, request, baseURL }) => {
    // axe on a long page of formulas takes tens of seconds, minutes on a busy machine.
    test.setTimeout(240_000);
    const response = await page.goto(path, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);

    const origin = new URL(baseURL ?? '').origin;
    const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    const broken: string[] = [];
    for (const href of new Set(hrefs)) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      if (!url.pathname.startsWith(BASE_PATH)) {
        broken.push(`${href} (outside the base path ${BASE_PATH})`);
        continue;
      }
      const target = url.origin + url.pathname;
      if (!checkedTargets.has(target)) {
        checkedTargets.set(target, request.get(target).then(async (res) => ({
          status: res.status(),
          ids: new Set([...(await res.text()).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? '')),
        })));
      }
      const { status, ids } = await checkedTargets.get(target)!;
      if (status !== 200) broken.push(`${href} (status ${status})`);
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && anchor !== '_top' && !ids.has(anchor)) broken.push(`${href} (no element with id "${anchor}")`);
    }
    expect(broken, 'broken internal links').toEqual([]);

    if (BASE_PATH === '/') {
      // KaTeX draws each formula twice: MathML, which assistive tech reads and axe audits, and an
      // aria-hidden visual copy in the text's colour. Auditing thousands of the copy's spans took
      // half to two thirds of axe's time on a page of formulas, for no rule that applies to them.
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('.katex-html').analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(serious, 'serious or critical accessibility violations').toEqual([]);
    }
  });
}
