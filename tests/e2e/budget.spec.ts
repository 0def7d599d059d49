/**
 * JavaScript budget: a notes page without demos loads at most 35 KiB of gzipped JavaScript in
 * total, including what loads on idle (Starlight's search UI). Sizes are measured by gzipping
 * each script response at level 9, as a static host would serve it.
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures.ts';

const BUDGET_BYTES = 35 * 1024;

// Lecture 2 has carried the t-SNE demo since #4; Lecture 1 takes its place here.
for (const path of ['notes/lecture-01-introduction/', 'notes/lecture-13-generative-models/', 'about/']) {
  test(`a notes page loads at most 35 KiB gzip of JavaScript: /${path}`, async ({ page, watch: _ }) => {
    const scripts = new Map<string, number>();
    page.on('response', async (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (!type.includes('javascript')) return;
      const body = await response.body().catch(() => undefined);
      if (body) scripts.set(response.url(), gzipSync(body, { level: 9 }).length);
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    // Give idle-time loads (the search UI) a chance to happen, then settle.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 2000 })));
    await page.waitForLoadState('networkidle');
    const total = [...scripts.values()].reduce((a, b) => a + b, 0);
    const report = [...scripts].map(([url, size]) => `${(size / 1024).toFixed(1)} KiB ${new URL(url).pathname}`).join('\n');
    test.info().annotations.push({ type: 'js-gzip-bytes', description: `${total} bytes\n${report}` });
    console.log(`JS on /${path}: ${(total / 1024).toFixed(1)} KiB gzip\n${report}`);
    expect(scripts.size).toBeGreaterThan(0);
    expect(total, report).toBeLessThanOrEqual(BUDGET_BYTES);
  });
}
