/**
 * The Lecture 13 generative-model demos (the shipped DCGAN and VAE weights) on wasm (their
 * contract on every backend is in demo-contract.spec.ts): samples and paths, picks, sliders, the
 * latent plane's pointer and keys; and bad input refused with its message while the demo keeps
 * working.
 */
import type { Locator } from '@playwright/test';
import { expect, idleTensorCount, test, openDemo } from './fixtures.ts';

const PAGE = 'notes/lecture-13-generative-models/';

/** Sets a number, text or choice control the way a reader does. */
async function set(demo: Locator, label: string, value: string) {
  const control = demo.getByLabel(label, { exact: true });
  const kind = await control.evaluate((e) => (e instanceof HTMLInputElement ? e.type : e.tagName));
  if (kind === 'SELECT') {
    await control.selectOption(value);
  } else if (kind === 'number' && !Number.isFinite(Number(value))) {
    // A number field cannot be typed into with letters: what the browser hands over is "" then.
    await control.evaluate((input: HTMLInputElement, v) => {
      input.value = v;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  } else {
    await control.fill(value);
    await control.press('Enter');
  }
}

/** Generating on a busy 2-core machine takes seconds. */
const SLOW = { timeout: 60_000 };

const href = (demo: Locator, digit: string) => demo.locator(`[data-figure] image[data-digit="${digit}"]`).getAttribute('href');

test.describe('GAN sampler', () => {
  test('samples; the paths end at the picked samples; interactions leave the tensor count exact', async ({ page }) => {
    test.setTimeout(120_000);
    const demo = await openDemo(page, `${PAGE}?backend=wasm#gan-sampler.a=3&gan-sampler.b=12`, 'gan-sampler');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const summary = demo.locator('[data-summary]');
    await expect(summary).toContainText('Seed 1: 32 samples from 32-dimensional codes z ~ N(0, I)');
    await expect(summary).toContainText('Path from sample 3 to 12');
    await expect(demo.locator('[data-figure] image[data-digit^="nearest-"]')).toHaveCount(32);
    // The ends of both paths are the picked samples themselves (identical images).
    const [a, b] = [await href(demo, 'sample-3'), await href(demo, 'sample-12')];
    expect(a).toMatch(/^data:image\/png;base64,/);
    expect(a).not.toBe(b);
    for (const kind of ['linear', 'spherical']) {
      expect(await href(demo, `${kind}-0`), `${kind} start`).toBe(a);
      expect(await href(demo, `${kind}-8`), `${kind} end`).toBe(b);
    }
    const before = await idleTensorCount(demo);
    await demo.locator('input[data-latent-dim="0"]').fill('2.5');
    await expect(demo.locator('output[data-for-dim="0"]')).toHaveText('2.5', SLOW);
    await set(demo, 'Seed', '7');
    await expect(summary).toContainText('Seed 7: 32 samples', SLOW);
    // Another seed, other codes: other images.
    expect(await href(demo, 'sample-3')).not.toBe(a);
    expect(await idleTensorCount(demo)).toBe(before);
  });

  test('clicks and keys pick samples into the URL; sliders edit A; arithmetic shows its result', async ({ page }) => {
    test.setTimeout(120_000);
    const demo = await openDemo(page, `${PAGE}?backend=wasm`, 'gan-sampler');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const edited = await href(demo, 'edited');
    expect(edited).toBe(await href(demo, 'sample-0'));
    await demo.locator('input[data-latent-dim="2"]').fill('-2.8');
    await expect.poll(() => href(demo, 'edited')).not.toBe(edited);

    await set(demo, 'A click on a sample makes it', 'end');
    await demo.locator('rect[data-sample="9"]').click();
    await expect(page).toHaveURL(/gan-sampler\.b=9/);
    await expect(demo.locator('[data-summary]')).toContainText('Path from sample 0 to 9', SLOW);
    // Keyboard: the cursor starts at the clicked sample 9; two steps right, one row (8) down, Enter: 19.
    await set(demo, 'A click on a sample makes it', 'start');
    await demo.locator('.gan-sampler-grid').focus();
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown', 'Enter']) await page.keyboard.press(key);
    await expect(page).toHaveURL(/gan-sampler\.a=19/);
    // Picking a new A puts the sliders back to its own code.
    await expect.poll(() => href(demo, 'edited'), SLOW).toBe(await href(demo, 'sample-19'));

    await set(demo, 'A click on a sample makes it', 'plus');
    await demo.locator('rect[data-sample="4"]').click();
    await expect(demo.getByLabel('X: samples added', { exact: true })).toHaveValue('4');
    await expect(demo.locator('[data-figure] image[data-digit="arithmetic"]')).toHaveCount(1, SLOW);
    // X alone: mean(X) − 0 + 0 is sample 4's own code.
    expect(await href(demo, 'arithmetic')).toBe(await href(demo, 'sample-4'));
  });

  test('bad input gets a clear message and the demo keeps working', async ({ page }) => {
    test.setTimeout(120_000);
    const demo = await openDemo(page, `${PAGE}?backend=wasm#gan-sampler.steps=abc`, 'gan-sampler');
    const message = demo.locator('[data-message]');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    // A bad value in the link is replaced by the default.
    await expect(demo.getByLabel('Steps on the path', { exact: true })).toHaveValue('9');
    await expect(demo.locator('[data-figure] image[data-digit="linear-8"]')).toHaveCount(1);
    await set(demo, 'Start A (sample number)', '99');
    await expect(message).toHaveText('Start A (sample number): 99 is outside 0 to 31; using 31.');
    await set(demo, 'X: samples added', 'seven');
    await expect(message).toHaveText('X: samples added: "seven" is not in the expected form; kept the previous value.');
    await set(demo, 'Seed', 'NaN');
    await expect(message).toHaveText('Seed: "" is not a number; kept 1.');
    await set(demo, 'Y: samples subtracted', '5,40');
    await expect(message).toHaveText('Note: sample 40 is not in the grid (0 to 31) and is left out.', SLOW);
    await set(demo, 'End B (sample number)', '31');
    await expect(message).toContainText('the path starts and ends at the same sample');
    await expect(demo.locator('[data-summary]')).toContainText('Path from sample 31 to 31');
  });
});

test.describe('VAE manifold', () => {
  test('decodes the grid and encodes the test digits; interactions leave the tensor count exact', async ({ page }) => {
    test.setTimeout(120_000);
    const demo = await openDemo(page, `${PAGE}?backend=wasm`, 'vae-manifold');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(demo.locator('[data-summary]')).toContainText('20 × 20 digits decoded at codes Φ⁻¹((k + ½)/20)');
    await expect(demo.locator('[data-figure] circle[fill-opacity="0.8"]')).not.toHaveCount(0);
    const before = await idleTensorCount(demo);
    await set(demo, 'Grid spacing', 'uniform');
    await expect(demo.locator('[data-summary]')).toContainText('codes evenly from -3 to 3', SLOW);
    const plane = demo.locator('.vae-manifold-plane');
    await plane.scrollIntoViewIfNeeded();
    const box = (await plane.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.25);
    await expect(demo.locator('[data-preview-code]')).toHaveText('z = (1.50, 1.50)', SLOW);
    expect(await idleTensorCount(demo)).toBe(before);
  });

  test('the arrow keys move the decoded point; bad input gets a clear message', async ({ page }) => {
    test.setTimeout(120_000);
    const demo = await openDemo(page, `${PAGE}?backend=wasm#vae-manifold.gridSize=50`, 'vae-manifold');
    const message = demo.locator('[data-message]');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    // Out of range in the link: clamped.
    await expect(demo.locator('[data-summary]')).toContainText('30 × 30 digits');
    await expect(demo.getByLabel('Grid size n', { exact: true })).toHaveValue('30');
    const code = demo.locator('[data-preview-code]');
    await expect(code).toHaveText('z = (0.00, 0.00)');
    const preview = await demo.locator('[data-preview]').getAttribute('href');
    await demo.locator('.vae-manifold-plane').focus();
    for (const key of ['ArrowRight', 'ArrowRight', 'Shift+ArrowUp']) await page.keyboard.press(key);
    await expect(code).toHaveText('z = (0.20, 0.50)');
    expect(await demo.locator('[data-preview]').getAttribute('href')).not.toBe(preview);
    await set(demo, 'Extent of the plane', 'x');
    await expect(message).toHaveText('Extent of the plane: "" is not a number; kept 3.');
    await set(demo, 'Test digits shown', '5');
    await expect(message).toHaveText('Test digits shown: 5 is outside 100 to 2000; using 100.');
    await expect(demo.locator('[data-summary]')).toContainText('of 100 test digits have codes inside the plane');
  });
});
