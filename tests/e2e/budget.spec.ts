/**
 * JavaScript budget: a page without demos (every notes page has one now: a reference page, the
 * about page) loads at most 35 KiB of gzipped JavaScript in total, including what loads on idle
 * (Starlight's search UI); a page with demos at most 50 KiB until a demo nears the viewport. Sizes are measured by gzipping
 * each script response at level 9, as a static host would serve it.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const BUDGET_BYTES = 35 * 1024;

const DEMO_PAGE_BUDGET_BYTES = 50 * 1024;

async function measureScripts(page: Page, path: string): Promise<{ total: number; report: string; urls: string[] }> {
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
  return { total, report, urls: [...scripts.keys()] };
}

// Pages without a demo.
for (const path of ['references/he2016deep/', 'references/simonyan2015vgg/', 'about/']) {
  test(`a page without demos loads at most 35 KiB gzip of JavaScript: /${path}`, async ({ page }) => {
    const { total, report, urls } = await measureScripts(page, path);
    expect(urls.length).toBeGreaterThan(0);
    expect(total, report).toBeLessThanOrEqual(BUDGET_BYTES);
  });
}

// Pages with demos: until a demo nears the viewport only its small element shell loads; tfjs alone
// (hundreds of KiB) would break this budget.
for (const path of ['notes/lecture-01-introduction/', 'notes/lecture-05-convolutional-neural-networks/', 'notes/lecture-09-cnn-architectures/', 'notes/lecture-13-generative-models/']) {
  test(`a demo page loads at most 50 KiB gzip of JavaScript before its demos scroll into view: /${path}`, async ({ page }) => {
    const { total, report, urls } = await measureScripts(page, path);
    expect(urls.some((url) => url.includes('demo-element'))).toBe(true);
    expect(total, report).toBeLessThanOrEqual(DEMO_PAGE_BUDGET_BYTES);
  });
}
