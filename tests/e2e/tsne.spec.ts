/**
 * The t-SNE demo on wasm (its contract on every backend is in demo-contract.spec.ts): the map
 * improves (KL falls, neighbours are kept) with either gradient; bad input; the digit card on
 * hover; exports; the CNN codes. Small runs (500 digits, short exaggeration) keep it quick.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const PAGE = 'notes/lecture-12-visualizing-and-understanding/';
const SMALL = '#tsne.n=500&tsne.exaggerationIterations=50&tsne.iterations=300';

async function openDemo(page: Page, query: string, hash = SMALL): Promise<Locator> {
  await page.goto(`${PAGE}${query}${hash}`);
  const demo = page.locator('[data-demo="tsne"]');
  await demo.scrollIntoViewIfNeeded();
  return demo;
}

async function readNumber(demo: Locator, name: string): Promise<number> {
  return Number.parseFloat((await demo.locator(`[data-readout="${name}"]`).textContent())?.replace(/,/g, '') ?? '');
}

test.describe('t-SNE improves the map', () => {
  // Barnes-Hut is what wasm picks; the exact gradient is what the GPU backends pick, forced here.
  // KL rises during early exaggeration and falls below its first value some 100 iterations after it.
  for (const [gradient, method, iterations] of [['', 'Barnes-Hut', 300], ['&tsne.gradient=exact', 'exact gradient', 250]] as const) {
    test(`${method}: KL decreases to the last iteration and the map keeps its neighbours`, async ({ page }) => {
      test.setTimeout(120_000);
      const demo = await openDemo(page, '?backend=wasm', `#tsne.n=500&tsne.exaggerationIterations=50&tsne.iterations=${iterations}${gradient}`);
      await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
      await expect(demo.locator('[data-readout="kl"]')).toHaveText(/^\d/, { timeout: 30_000 });
      const firstKl = await readNumber(demo, 'kl');
      expect(firstKl).toBeGreaterThan(1);
      await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 100_000 });
      expect(await readNumber(demo, 'kl')).toBeLessThan(firstKl - 0.5);
      await expect(demo.locator('[data-readout="iteration"]')).toHaveText(`${iterations} of ${iterations}`);
      // The map keeps most of the input space's nearest-neighbour accuracy.
      expect(await readNumber(demo, 'accuracy')).toBeGreaterThan(75);
      await expect(demo.locator('[data-readout="time"]')).toContainText(method);
    });
  }
});

test.describe('bad input gets a clear message and the demo keeps working', () => {
  test('a perplexity of N/3 or more, from the link and from the control', async ({ page }) => {
    const demo = await openDemo(page, '?backend=wasm', '#tsne.n=500&tsne.perplexity=180');
    await expect(demo.locator('[data-message]')).toContainText('Perplexity 180 is too large for 500 digits: it must stay below N/3', { timeout: 60_000 });
    await expect(demo.locator('[data-message]')).toContainText('Using 166.');
    await expect(demo).toHaveAttribute('data-status', 'running');
    await expect(demo.locator('[data-notes]')).toContainText('Using 166.');
    const perplexity = demo.getByLabel('Perplexity');
    await perplexity.fill('199');
    await perplexity.press('Enter');
    await expect(demo.locator('[data-message]')).toContainText('Perplexity 199 is too large for 500 digits', { timeout: 60_000 });
    await expect(demo).toHaveAttribute('data-status', 'running');
    await expect(demo.locator('[data-readout="affinities"]')).toContainText('498 neighbours per digit');
  });

  test('a zero or NaN learning rate', async ({ page }) => {
    const demo = await openDemo(page, '?backend=wasm', '#tsne.n=500');
    await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
    const rate = demo.getByLabel('Learning rate η');
    await rate.fill('0');
    await rate.press('Enter');
    await expect(demo.locator('[data-message]')).toHaveText('Learning rate η: 0 is outside 0.1 to 100000; using 0.1.');
    await expect(rate).toHaveValue('0.1');
    // A number input gives "" for text it cannot parse (NaN): refused, the old value kept.
    await rate.evaluate((input: HTMLInputElement) => {
      input.value = '';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect(demo.locator('[data-message]')).toHaveText('Learning rate η: "" is not a number; kept 0.1.');
    await expect(demo).toHaveAttribute('data-status', /running|done/);
    const iteration = await readNumber(demo, 'iteration');
    await expect.poll(() => readNumber(demo, 'iteration')).toBeGreaterThan(iteration);
  });

  test('the exact gradient on too many digits falls back to Barnes-Hut with a note', async ({ page }) => {
    const demo = await openDemo(page, '?backend=wasm', '#tsne.n=2000&tsne.gradient=exact');
    await expect(demo.locator('[data-message]')).toContainText('Using Barnes-Hut', { timeout: 60_000 });
    await expect(demo.locator('[data-readout="time"]')).toContainText('Barnes-Hut', { timeout: 30_000 });
  });
});

test('hovering a point shows its digit; exports the map as SVG and the embedding as CSV and JSON', async ({ page }, testInfo) => {
  const demo = await openDemo(page, '?backend=wasm');
  await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  const canvas = demo.locator('.tsne-plot > canvas');
  const box = await canvas.boundingBox();
  expect(box).not.toBeNull();
  // Scan the plot until the pointer lands on a point.
  let found = false;
  for (let gy = 0.2; gy < 0.85 && !found; gy += 0.05) {
    for (let gx = 0.2; gx < 0.85 && !found; gx += 0.05) {
      await page.mouse.move(box!.x + gx * box!.width, box!.y + gy * box!.height);
      found = await demo.locator('.tsne-card').isVisible();
    }
  }
  expect(found).toBe(true);
  await expect(demo.locator('.tsne-card')).toContainText(/digit \d+: an? \d/);

  const download = async (name: string) => {
    const pending = page.waitForEvent('download');
    await demo.getByRole('button', { name, exact: true }).click();
    const file = await pending;
    const path = testInfo.outputPath(file.suggestedFilename());
    await file.saveAs(path);
    return readFileSync(path).toString();
  };
  const svg = await download('SVG');
  expect(svg).toMatch(/<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('<image');
  expect(svg).toContain('data:image/png;base64');
  const csv = (await download('CSV')).trim().split('\n');
  expect(csv[0]).toBe('"digit","label","x","y"');
  expect(csv).toHaveLength(501);
  const json = JSON.parse(await download('JSON')) as { demo: string; data: { n: number; kl: { iteration: number; kl: number }[]; embedding: unknown[] } };
  expect(json.demo).toBe('tsne');
  expect(json.data.n).toBe(500);
  expect(json.data.embedding).toHaveLength(500);
  expect(json.data.kl.at(-1)!.kl).toBeLessThan(json.data.kl[0]!.kl);
});

test('CNN codes: the shipped ConvNet\'s last hidden layer embedded; an old link to the in-page MLP opens it', async ({ page }) => {
  test.setTimeout(120_000);
  // `features=mlp` is what links said before the ConvNet existed: it now means the CNN codes.
  const demo = await openDemo(page, '?backend=wasm', '#tsne.n=1000&tsne.features=mlp&tsne.iterations=300');
  await expect(demo).toHaveAttribute('data-status', /running|done/, { timeout: 90_000 });
  await expect(demo.locator('select[data-setting="features"]')).toHaveValue('cnn');
  await expect(demo.locator('[data-notes]')).toContainText(/64 units of the last hidden layer of the site's trained ConvNet, its CNN codes \(trained on 8,000 digits, \d+\.\d\d% on 2,000 held-out ones; all 1,000 digits here are from its training set\)/);
  await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  // In the code space a digit's nearest neighbour almost always shares its label (98.0% at N = 1,000
  // on the CPU backend, against 90.7% for pixels), and the map keeps most of it.
  const text = (await demo.locator('[data-readout="accuracy"]').textContent()) ?? '';
  const inputSpace = Number.parseFloat(/input space ([\d.]+)%/.exec(text)?.[1] ?? '');
  expect(inputSpace).toBeGreaterThan(96);
  expect(await readNumber(demo, 'accuracy')).toBeGreaterThan(90);
});
