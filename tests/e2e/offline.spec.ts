/**
 * @subpath: the site as a reader who opened it once and then lost the network. Each test serves
 * the build itself (offline-server.ts) and stops that server, besides switching the browser
 * offline. Service workers are allowed here only (playwright.config.ts blocks them elsewhere).
 */
import type { Page } from '@playwright/test';
import { BASE_PATH, DIST_DIR, expect, test } from './fixtures.ts';
import { serveSite, type SiteServer } from './offline-server.ts';

test.use({ serviceWorkers: 'allow' });
// npm test runs these under the sub-path only: there the service worker's scope and every precached
// URL carry the base, the stricter case; at / the build's precache list is still read (offline-build.spec.ts).
test.skip(BASE_PATH === '/', 'run under a sub-path (npm test: /cs231n/)');
test.describe.configure({ mode: 'serial' });

const LANDSCAPE = 'notes/lecture-03-loss-functions-and-optimization/?backend=cpu#loss-landscape.steps=20&loss-landscape.resolution=11';
const GENERATIVE = 'notes/lecture-13-generative-models/?backend=cpu';

let server: SiteServer | undefined;
test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Opens the home page and waits until the service worker has precached the site and controls the page. */
async function openOnline(page: Page, root: string): Promise<void> {
  await page.goto(root);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
}

async function goOffline(page: Page): Promise<void> {
  await server?.stop();
  await page.context().setOffline(true);
}

async function landscapeSummary(page: Page, url: string): Promise<string> {
  await page.goto(url);
  const demo = page.locator('[data-demo="loss-landscape"]');
  await demo.scrollIntoViewIfNeeded();
  await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  const summary = (await demo.locator('[data-summary]').textContent()) ?? '';
  expect(summary).toMatch(/11×11 grid computed in \d+ ms/);
  return summary;
}

test('after one visit, pages, references, search and a demo already run work with no network @subpath', async ({ page, watch }) => {
  test.setTimeout(240_000);
  server = await serveSite(DIST_DIR);
  watch.allowOrigin(new URL(server.url).origin);
  const root = server.url;
  await openOnline(page, root);
  const online = await landscapeSummary(page, `${root}${LANDSCAPE}`);
  await goOffline(page);

  // The page reloads from the cache, and its demo runs again on cached code, digits and wasm.
  await page.reload();
  const offline = await landscapeSummary(page, `${root}${LANDSCAPE}`);
  expect(offline.replace(/\d+ ms/, '')).toBe(online.replace(/\d+ ms/, ''));

  for (const [path, title] of [
    ['notes/lecture-01-introduction/', /Lecture 1/],
    ['notes/lecture-09-cnn-architectures/', /Lecture 9/],
    ['notes/assignment-2/', /Assignment 2/],
    ['references/he2016deep/', /Deep Residual Learning for Image Recognition/],
  ] as const) {
    const response = await page.goto(`${root}${path}`);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('h1').first()).toHaveText(title);
  }

  // The site search, then the references search with its state in the URL.
  await page.getByRole('button', { name: 'Search' }).click();
  await page.locator('#starlight__search input').fill('Fully Convolutional Networks for Semantic Segmentation');
  const links = () => page.locator('#starlight__search .pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  await expect.poll(links, { timeout: 15_000 }).toContainEqual(`${BASE_PATH}references/long2015fully/`);
  await page.goto(`${root}references/?q=residual`);
  await expect(page.locator('[data-results] a', { hasText: 'Deep Residual Learning for Image Recognition' })).toBeVisible();

  // A demo never run online says it must be downloaded first.
  await page.goto(`${root}${GENERATIVE}`);
  const sampler = page.locator('[data-demo="gan-sampler"]');
  await sampler.scrollIntoViewIfNeeded();
  await expect(sampler).toHaveAttribute('data-status', 'error', { timeout: 60_000 });
  await expect(sampler.locator('[data-message]')).toContainText('not saved for offline use yet');
  await expect(sampler.locator('[data-message]')).toContainText('Make everything available offline');
});

test('"Make everything available offline" saves every demo, with progress in bytes @subpath', async ({ page, watch }) => {
  test.setTimeout(240_000);
  server = await serveSite(DIST_DIR);
  watch.allowOrigin(new URL(server.url).origin);
  const root = server.url;
  await openOnline(page, root);
  const panel = page.locator('offline-download');
  await expect(panel.locator('[data-offline-pages]')).toHaveText(/Every page, the references and the search are saved/);
  await expect(panel.locator('[data-offline-demos]')).toHaveText(/Saved so far: 0\.0 MB of \d+\.\d MB\./);
  const button = page.getByRole('button', { name: 'Make everything available offline' });
  // Every status the panel shows, in order.
  await panel.locator('[data-offline-demos]').evaluate((status) => {
    const seen: string[] = [];
    (window as unknown as { offlineStatuses: string[] }).offlineStatuses = seen;
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
  });
  await button.click();
  await expect(panel).toHaveAttribute('data-state', 'complete', { timeout: 120_000 });
  await expect(panel.locator('[data-offline-demos]')).toHaveText(/Every demo is available offline: \d+\.\d MB/);
  const progress = await panel.locator('progress').evaluate((p) => [(p as HTMLProgressElement).value, (p as HTMLProgressElement).max]);
  expect(progress[0]).toBe(progress[1]);
  expect(progress[1]).toBeGreaterThan(5e6);
  await expect(button).toBeHidden();
  // While it ran, it counted bytes up to the total.
  const statuses = await page.evaluate(() => (window as unknown as { offlineStatuses: string[] }).offlineStatuses);
  const counts = statuses.map((text) => /^Downloading: ([\d.]+) MB of ([\d.]+) MB\.$/.exec(text)).filter((m) => m !== null).map((m) => [Number(m[1]), Number(m[2])] as const);
  expect(counts.length).toBeGreaterThan(1);
  expect(counts.some(([saved, total]) => saved > 0 && saved < total)).toBe(true);
  expect(counts.every(([saved], i) => i === 0 || saved >= counts[i - 1]![0])).toBe(true);

  await goOffline(page);
  await page.goto(`${root}${GENERATIVE}`);
  const sampler = page.locator('[data-demo="gan-sampler"]');
  await sampler.scrollIntoViewIfNeeded();
  await expect(sampler).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(sampler).toHaveAttribute('data-backend', 'cpu');
});

test('pressed offline, the download says it needs the network and saves nothing false @subpath', async ({ page, watch }) => {
  test.setTimeout(120_000);
  // The failed downloads log their network errors; any other error still fails the test.
  watch.ignoreErrors(/net::ERR_INTERNET_DISCONNECTED/);
  server = await serveSite(DIST_DIR);
  watch.allowOrigin(new URL(server.url).origin);
  const root = server.url;
  await openOnline(page, root);
  const status = page.locator('offline-download [data-offline-demos]');
  await expect(status).toHaveText(/Saved so far: 0\.0 MB of [\d.]+ MB\./);
  const total = /of ([\d.]+) MB/.exec((await status.textContent()) ?? '')?.[1];
  await goOffline(page);
  const button = page.getByRole('button', { name: 'Make everything available offline' });
  await button.click();
  await expect(status).toHaveText(`The download stopped (no connection). 0.0 MB of ${total} MB are saved; press the button to continue.`);
  await expect(button).toBeEnabled();
  // Offline, the worker answers missing demo code with a stand-in module: none may be saved as the real file.
  const saved = await page.evaluate(async () => (await Promise.all((await caches.keys()).filter((name) => name.startsWith('cs231n-')).map(async (name) => (await (await caches.open(name)).keys()).length))).reduce((a, b) => a + b, 0));
  expect(saved).toBe(0);
});
