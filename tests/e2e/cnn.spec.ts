/**
 * The CNN demos on wasm (their contract on every backend is in demo-contract.spec.ts): the
 * prediction for a test digit and for a drawing, training from scratch, and the three Lecture 12
 * tools, each with the numbers it shows.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, idleTensorCount, test, openDemo } from './fixtures.ts';

const VIEWER_PAGE = 'notes/lecture-05-convolutional-neural-networks/';
const INSIGHT_PAGE = 'notes/lecture-12-visualizing-and-understanding/';

/** Draws strokes (pad coordinates in [0, 1]) on the viewer's pad with the mouse. */
async function draw(page: Page, demo: Locator, strokes: [number, number][][]): Promise<void> {
  const pad = demo.locator('canvas[data-cnn-pad]');
  await pad.evaluate((canvas) => canvas.scrollIntoView({ block: 'center' }));
  const box = (await pad.boundingBox())!;
  for (const stroke of strokes) {
    const [first, ...rest] = stroke.map(([x, y]) => [box.x + x * box.width, box.y + y * box.height] as const);
    await page.mouse.move(first![0], first![1]);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(x, y, { steps: 5 });
    await page.mouse.up();
  }
}

const SEVEN: [number, number][][] = [[[0.25, 0.22], [0.5, 0.22], [0.72, 0.22], [0.6, 0.45], [0.5, 0.65], [0.42, 0.85]]];
const ONE: [number, number][][] = [[[0.52, 0.15], [0.5, 0.5], [0.48, 0.85]]];

test.describe('CNN viewer', () => {
  test('pretrained weights classify test digits and drawings, and many forward passes leave no tensor behind', async ({ page }) => {
    test.setTimeout(120_000);
    const demo = await openDemo(page, `${VIEWER_PAGE}?backend=wasm`, 'cnn-viewer');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(demo.locator('[data-summary]')).toContainText(/Pretrained network: 9[789]\.\d\d% correct on 2,000 held-out digits/);
    // Test digit 1 is a 5.
    await expect(demo).toHaveAttribute('data-prediction', '5');
    await expect(demo.locator('[data-cnn-prediction]')).toHaveText(/^Prediction: 5 \(\d+\.\d%\), correct\.$/);
    await expect(demo.locator('[data-cnn-network] svg image')).toHaveCount(6);
    const before = await idleTensorCount(demo);
    expect(before).toBeGreaterThan(0);

    await demo.getByRole('button', { name: 'Clear' }).click();
    await expect(demo.locator('[data-cnn-prediction]')).toContainText('The pad is empty');
    await draw(page, demo, SEVEN);
    await expect(demo).toHaveAttribute('data-prediction', /^\d$/);
    await expect(demo.locator('[data-cnn-prediction]')).toHaveText(/^Prediction: \d \(\d+\.\d%\)\.$/);
    await demo.getByRole('button', { name: 'Clear' }).click();
    await draw(page, demo, ONE);
    await expect(demo).toHaveAttribute('data-prediction', '1');
    // Many forward passes later, nothing is left behind.
    for (let i = 0; i < 3; i++) await draw(page, demo, SEVEN);
    expect(await idleTensorCount(demo)).toBe(before);
  });

  test('keyboard users pick test digits; the digit round-trips through the URL; a bad number is clamped with a message', async ({ page }) => {
    const demo = await openDemo(page, `${VIEWER_PAGE}?backend=wasm`, 'cnn-viewer');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await demo.getByRole('button', { name: 'Next test digit' }).focus();
    await page.keyboard.press('Enter');
    const input = demo.locator('input[data-setting="digit"]');
    await expect(input).toHaveValue('2');
    await expect(demo).toHaveAttribute('data-prediction', '3'); // test digit 2 is a 3
    await expect(page).toHaveURL(/cnn-viewer\.digit=2/);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(input).toHaveValue('1');
    await input.fill('99999');
    await input.press('Enter');
    await expect(demo.locator('[data-message]')).toHaveText('Test digit: 99999 is outside 1 to 2000; using 2000.');
    await expect(input).toHaveValue('2000');
    await page.reload();
    const reloaded = page.locator('[data-demo="cnn-viewer"]');
    await reloaded.scrollIntoViewIfNeeded();
    await expect(reloaded).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(reloaded.locator('input[data-setting="digit"]')).toHaveValue('2000');
    await expect(reloaded.locator('[data-cnn-prediction]')).toContainText(/label is|correct/);
  });

  test('trains from scratch: Step takes exactly one training step, filters and curves update, tensors stay exact', async ({ page }) => {
    test.setTimeout(120_000);
    const demo = await openDemo(page, `${VIEWER_PAGE}?backend=wasm`, 'cnn-viewer');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await demo.getByRole('button', { name: 'Train from scratch' }).click();
    await expect(page).toHaveURL(/cnn-viewer\.weights=scratch/);
    await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
    const summary = demo.locator('[data-summary]');
    await expect(summary).toContainText(/Training from scratch: step [1-9]/, { timeout: 60_000 });
    const stepOf = async () => Number(/step (\d+) of/.exec((await summary.textContent()) ?? '')?.[1]);
    // Paused, the advance in flight (steps, an evaluation, a redraw) ends; then nothing is in flight.
    await demo.locator('button[data-action="play"]').click();
    await expect(demo).toHaveAttribute('data-status', 'paused');
    // While running the summary is refreshed about once a second; a step refreshes it at once.
    const step = demo.locator('button[data-action="step"]');
    await step.click();
    const before = await idleTensorCount(demo);
    expect(before).toBeGreaterThan(0);
    const stepsBefore = await stepOf();
    for (let i = 1; i <= 3; i++) {
      await step.click();
      await expect(summary).toContainText(`step ${stepsBefore + i} of`, { timeout: 30_000 });
    }
    expect(await idleTensorCount(demo)).toBe(before);
    await expect(demo.locator('[data-cnn-filters] text').first()).toContainText(/at step \d+/);
    await expect(demo.locator('[data-cnn-curves] svg path').first()).toHaveAttribute('d', /L/);
    // Back to the pretrained weights (still paused by the reader: drawn, not run).
    await demo.getByRole('button', { name: 'Back to the pretrained weights' }).click();
    await expect(summary).toContainText('Pretrained network', { timeout: 60_000 });
    await expect(demo).toHaveAttribute('data-prediction', '5');
  });

  test('training from scratch on wasm learns: above 90% on the held-out digits, as the summary says', async ({ page }) => {
    test.setTimeout(240_000);
    const demo = await openDemo(page, `${VIEWER_PAGE}?backend=wasm#cnn-viewer.weights=scratch`, 'cnn-viewer');
    await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
    await expect.poll(async () => Number(await demo.getAttribute('data-held-out-accuracy')), { timeout: 200_000, intervals: [1000] }).toBeGreaterThan(0.9);
    await expect(demo.locator('[data-summary]')).toContainText(/Held-out accuracy (9\d\.\d)% on 1,000 digits at step \d+/);
  });
});

test.describe('what the network sees (Lecture 12)', () => {
  test('saliency, occlusion and fooling show their figures and what they found', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`${INSIGHT_PAGE}?backend=wasm`);
    const summaries: Record<string, string> = {};
    for (const id of ['cnn-occlusion', 'cnn-saliency', 'cnn-fooling']) {
      const demo = page.locator(`[data-demo="${id}"]`);
      await demo.scrollIntoViewIfNeeded();
      await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
      expect(await demo.locator('[data-cnn-figure] svg image[href^="data:image/png"]').count()).toBeGreaterThanOrEqual(3);
      summaries[id] = (await demo.locator('[data-summary]').textContent()) ?? '';
    }
    expect(summaries['cnn-saliency']).toMatch(/^Saliency of class 5 for test digit 1 \(label 5\): score S = [\d.]+/);
    const occlusion = /positions \(stride 2\), one forward pass each; lowest ([\d.]+)%/.exec(summaries['cnn-occlusion']!);
    expect(occlusion, summaries['cnn-occlusion']).not.toBeNull();
    expect(Number(occlusion![1])).toBeLessThan(100);
    const fooled = /^After (\d+) steps of η = 0\.01, the network reads test digit 3 \(a 1\) as a 3 with ([\d.]+)% confidence/.exec(summaries['cnn-fooling']!);
    expect(fooled, summaries['cnn-fooling']).not.toBeNull();
    // It stops at the default confidence, 90%.
    expect(Number(fooled![2])).toBeGreaterThanOrEqual(90);
  });

  test('settings recompute the figure, keep a flat tensor count, and the fooling image steps by hand', async ({ page }) => {
    test.setTimeout(120_000);
    const occlusion = await openDemo(page, `${INSIGHT_PAGE}?backend=wasm`, 'cnn-occlusion');
    await expect(occlusion).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const before = await idleTensorCount(occlusion);
    const patch = occlusion.getByLabel('Patch size P (px)');
    await patch.fill('40');
    await patch.press('Enter');
    await expect(occlusion.locator('[data-message]')).toHaveText('Patch size P (px): 40 is outside 1 to 28; using 28.');
    await expect(occlusion.locator('[data-summary]')).toContainText('at 1×1 = 1 positions', { timeout: 30_000 });
    await patch.fill('10');
    await patch.press('Enter');
    await expect(occlusion.locator('[data-summary]')).toContainText('A 10×10 patch', { timeout: 30_000 });
    await occlusion.getByRole('button', { name: 'Next test digit' }).click();
    await expect(occlusion.locator('[data-summary]')).toContainText('test digit 8 (label 1)', { timeout: 30_000 });
    expect(await idleTensorCount(occlusion)).toBe(before);
  });

  test.describe('from a paused start (reduced motion)', () => {
    test.use({ contextOptions: { reducedMotion: 'reduce' } });

    test('the fooling image advances one gradient step per click', async ({ page }) => {
      const fooling = await openDemo(page, `${INSIGHT_PAGE}?backend=wasm#cnn-fooling.target=8&cnn-fooling.stepSize=0.002`, 'cnn-fooling');
      await expect(fooling).toHaveAttribute('data-status', 'paused', { timeout: 60_000 });
      await expect(fooling.locator('[data-summary]')).toContainText('Step 0: p(8) =');
      const step = fooling.getByRole('button', { name: 'Step' });
      for (let i = 1; i <= 3; i++) {
        await step.click();
        await expect(fooling.locator('[data-summary]')).toContainText(`Step ${i}: p(8) =`);
      }
      await expect(fooling.locator('[data-cnn-figure] text').filter({ hasText: 'δ, step 3' })).toHaveCount(1);
    });
  });
});
