/**
 * The sliding-window demo of Lecture 11 on wasm: the background class trains, the sliding window
 * and the fully convolutional net agree (max difference printed) and are both timed, boxes land
 * on the scene's digits, the reader draws a digit, and bad input gets a clear message.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, idleTensorCount, isolateDemo, openDemo, test } from './fixtures.ts';

const PAGE = 'notes/lecture-11-detection-and-segmentation/?backend=wasm';
const ID = 'sliding-window';

async function set(demo: Locator, label: string, value: string): Promise<void> {
  const control = demo.getByLabel(label, { exact: true });
  await control.fill(value);
  await control.press('Enter');
}

/** The rectangles of the figure's boxes of one kind ('truth' or 'kept'), in figure pixels. */
async function boxes(demo: Locator, kind: string): Promise<{ x: number; y: number; w: number; h: number }[]> {
  return demo.locator(`[data-figure] rect[data-box="${kind}"]`).evaluateAll((rects) =>
    rects.map((r) => ({ x: Number(r.getAttribute('x')), y: Number(r.getAttribute('y')), w: Number(r.getAttribute('width')), h: Number(r.getAttribute('height')) })));
}

const COMPARE = /^Stride (\d+), (\d+) windows: sliding window [\d.]+ ms, fully convolutional [\d.]+ ms \([\d.]+× (faster|slower)\)\. Largest \|difference\| between the two score maps: (\S+)\.$/;

async function comparison(demo: Locator): Promise<{ stride: number; windows: number; difference: number }> {
  const text = (await demo.locator('[data-compare]').textContent()) ?? '';
  const match = COMPARE.exec(text);
  if (!match) throw new Error(`unexpected comparison: ${text}`);
  return { stride: Number(match[1]), windows: Number(match[2]), difference: Number(match[4]) };
}

async function open(page: Page, hash: string): Promise<Locator> {
  await page.addInitScript(isolateDemo, ID);
  return openDemo(page, `${PAGE}#${hash}`, ID);
}

test.describe('sliding-window', () => {
  test('trains a background class; sliding window = fully convolutional, both timed; boxes on the digits; draws', async ({ page }) => {
    const demo = await open(page, `${ID}.stride=8`);
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await idleTensorCount(demo);
    await expect(demo.locator('[data-training]')).toHaveText(/^Background class: step 300 of 300, loss 0\.\d{3} on \d+ training windows \(\d+ centred on a digit\)\.$/);
    const c = await comparison(demo);
    expect(c).toMatchObject({ stride: 8, windows: 81 });
    expect(c.difference).toBeLessThanOrEqual(1e-4);
    // Every box found lies on a digit of the scene (its centre inside a true box), and it finds most of them.
    const truth = await boxes(demo, 'truth');
    const kept = await boxes(demo, 'kept');
    const onDigit = kept.filter((b) => truth.some((t) => b.x + b.w / 2 >= t.x && b.x + b.w / 2 <= t.x + t.w && b.y + b.h / 2 >= t.y && b.y + b.h / 2 <= t.y + t.h));
    expect(onDigit.length).toBeGreaterThanOrEqual(kept.length - 1);
    expect(onDigit.length).toBeGreaterThanOrEqual(truth.length - 1);
    // Page tensors: the shipped net (8), fc2 with background (2), the training windows (2), Adam's moments (4).
    expect(await idleTensorCount(demo)).toBe(16);

    // Stride 4: 324 windows, still the same scores.
    await set(demo, 'Stride (pixels)', '4');
    await expect.poll(async () => (await comparison(demo)).windows, { timeout: 60_000 }).toBe(324);
    expect((await comparison(demo)).difference).toBeLessThanOrEqual(1e-4);

    // Clear, then draw a 1: a vertical stroke in the middle, about a window tall.
    await demo.locator('button[data-clear]').click();
    await expect(demo.locator('[data-message]')).toHaveText(/^The scene is blank: draw a digit/);
    await expect(demo.locator('[data-figure] rect[data-box="kept"]')).toHaveCount(0);
    const svg = await demo.locator('[data-figure] svg').boundingBox();
    if (!svg) throw new Error('no scene figure');
    const k = svg.width / 96;
    await page.mouse.move(svg.x + 48 * k, svg.y + 36 * k);
    await page.mouse.down();
    await page.mouse.move(svg.x + 48 * k, svg.y + 58 * k, { steps: 12 });
    await page.mouse.up();
    await expect(demo.locator('[data-boxes]')).toHaveText(/on your drawing\.$/, { timeout: 60_000 });
    await idleTensorCount(demo);
    // The stroke is found as a 1, boxed where it was drawn (scene pixels 44 to 64 down the middle).
    await expect(demo.locator('[data-figure] text')).toHaveText([/^1 (0\.[89]\d|1\.00)$/]);
    const [one] = await boxes(demo, 'kept');
    expect(Math.abs(one!.x + one!.w / 2 - 48 * (await demo.locator('[data-figure] svg').evaluate((e) => Number(e.getAttribute('width')) / 96)))).toBeLessThan(20);
    expect(await idleTensorCount(demo)).toBe(16);
  });

  test('bad input: stride out of range or not a multiple of 4, threshold outside [0, 1], a scene with no digits', async ({ page }) => {
    const demo = await open(page, `${ID}.steps=20&${ID}.stride=12`);
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    const message = demo.locator('[data-message]');
    await set(demo, 'Stride (pixels)', '40');
    await expect(message).toHaveText('Stride (pixels): 40 is outside 4 to 28; using 28.');
    await expect.poll(async () => (await comparison(demo)).windows, { timeout: 60_000 }).toBe(9);
    await set(demo, 'Stride (pixels)', '6');
    await expect(message).toHaveText('Stride (pixels): 6 is not a multiple of 4 (the network\'s two 2×2 poolings put its outputs 4 pixels apart); using 8.');
    await expect.poll(async () => (await comparison(demo)).windows, { timeout: 60_000 }).toBe(81);
    await set(demo, 'Score threshold', '1.5');
    await expect(message).toHaveText('Score threshold: 1.5 is outside 0 to 1; using 1.');
    await set(demo, 'Score threshold', '-0.2');
    await expect(message).toHaveText('Score threshold: -0.2 is outside 0 to 1; using 0.');
    await set(demo, 'Digits per scene (most)', '0');
    await expect(message).toHaveText('This scene has no digits (digits per scene is 0): every window should score as background, so no box appears. Set digits per scene to 1 or more.', { timeout: 60_000 });
    await expect(demo.locator('[data-figure] rect[data-box="truth"]')).toHaveCount(0);
    // It keeps working: back to scenes with digits, the boxes come back.
    await set(demo, 'Digits per scene (most)', '3');
    await set(demo, 'Score threshold', '0.5');
    await expect(demo.locator('[data-boxes]')).toHaveText(/the scene has [1-3] digits?\.$/, { timeout: 60_000 });
    await expect(demo).not.toHaveAttribute('data-status', 'error');
  });
});
