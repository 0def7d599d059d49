/**
 * @crawl, only for a build under a sub-path (BASE_PATH other than /): every demo, on wasm, loads
 * what it fetches at run time (tfjs's .wasm, the digits, the shipped weights) from under the base
 * path, with no console error and no request to another origin (the watcher). At / the demos'
 * own specs load every demo.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_PATH, DIST_DIR, expect, sitemapPaths, test } from './fixtures.ts';

test.skip(BASE_PATH === '/', 'at / every demo is loaded by its own spec');

const paths = sitemapPaths();

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
