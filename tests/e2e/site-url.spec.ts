/**
 * @subpath: the built pages name the host they are deployed to. Canonical links, og:url and the
 * sitemap all come from SITE (the build's environment, read here the same way) and BASE_PATH.
 * Run against the build it checks: SITE unset gives the local server's URL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteFromEnv } from '../../src/site/site-url.ts';
import { BASE_PATH, DIST_DIR, expect, test } from './fixtures.ts';

const root = `${siteFromEnv(process.env.SITE)}${BASE_PATH}`;
const built = (file: string): string => readFileSync(join(DIST_DIR, file), 'utf8');

test('canonical links and og:url follow SITE and the base path @subpath', () => {
  for (const path of ['', 'notes/lecture-01-introduction/', 'references/he2016deep/', 'references/']) {
    const html = built(join(path, 'index.html'));
    expect(/<link rel="canonical" href="([^"]+)"/.exec(html)?.[1], `canonical of /${path}`).toBe(`${root}${path}`);
    expect(/<meta property="og:url" content="([^"]+)"/.exec(html)?.[1], `og:url of /${path}`).toBe(`${root}${path}`);
  }
});

test('the sitemap lists every page under SITE and the base path @subpath', () => {
  expect([...built('sitemap-index.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([`${root}sitemap-0.xml`]);
  const locs = [...built('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
  expect(locs.length).toBeGreaterThan(200);
  expect(locs.filter((loc) => !loc.startsWith(root))).toEqual([]);
  expect(locs).toContain(`${root}notes/lecture-13-generative-models/`);
});
