/** The semantic-gap demo of Lecture 1 on wasm: the measured gap, a drawing, a clamped shift and an unreadable image. */
import type { Locator, Page } from '@playwright/test';
import { expect, idleTensorCount, openDemo, test } from './fixtures.ts';

const PAGE = 'notes/lecture-01-introduction/?backend=wasm';
const FIXTURES = 'tests/fixtures/images';

async function draw(page: Page, demo: Locator, stroke: [number, number][]): Promise<void> {
  const pad = demo.locator('canvas[data-gap-pad]');
  await pad.evaluate((canvas) => canvas.scrollIntoView({ block: 'center' }));
  const box = (await pad.boundingBox())!;
  const [first, ...rest] = stroke.map(([x, y]) => [box.x + x * box.width, box.y + y * box.height] as const);
  await page.mouse.move(first![0], first![1]);
  await page.mouse.down();
  for (const [x, y] of rest) await page.mouse.move(x, y, { steps: 5 });
  await page.mouse.up();
}

test.describe('semantic gap', () => {
  test('a 7 shifted 2 px is farther in pixels than its nearest 7 and a 4; unchanged is 0; a drawing is compared too', async ({ page }) => {
    const demo = await openDemo(page, PAGE, 'semantic-gap');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const summary = demo.locator('[data-summary]');
    // Pixel distances are plain TypeScript: the same digits on every backend.
    await expect(summary).toContainText('Held-out digit 5 (a 7), shifted 2 px right: in pixel space (L2) it is 7.81 from the original, farther than the nearest other 7 among the training digits (4.14) and farther than the nearest digit of another class, a 4 (7.22).');
    await expect(summary).toContainText(/In the ConvNet's code space it is 11\.0 away: farther than that 7 \(7\.53\) and nearer than that 4 \(23\.9\); the network reads the changed digit as a 7 \(100%\)\./);
    await expect(demo.locator('[data-figure] svg image')).toHaveCount(4);
    const held = await idleTensorCount(demo);
    expect(held).toBe(10); // the ConvNet's eight parameter tensors, the training digits and their norms

    const shift = demo.locator('input[data-setting="shiftX"]');
    await shift.fill('0');
    await shift.press('Enter');
    await expect(summary).toHaveText('Held-out digit 5 (a 7), unchanged: every distance from the original is 0. Shift, rotate, darken, occlude or add noise to see how far each change moves it.');
    await shift.fill('25');
    await shift.press('Enter');
    await expect(demo.locator('[data-message]')).toHaveText('Shift right (px): 25 is outside -10 to 10; using 10.');
    await expect(summary).toContainText('shifted 10 px right');

    await draw(page, demo, [[0.25, 0.22], [0.5, 0.22], [0.72, 0.22], [0.6, 0.45], [0.5, 0.65], [0.42, 0.85]]);
    await expect(demo.getByLabel('Digit', { exact: true })).toHaveValue('drawing');
    await expect(summary).toContainText(/^Your drawing \(the ConvNet reads a \d\), shifted 10 px right/);
    expect(await idleTensorCount(demo)).toBe(held);
  });

  test('an unreadable image is refused with a message and the demo keeps measuring', async ({ page }) => {
    const demo = await openDemo(page, PAGE, 'semantic-gap');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const input = demo.locator('input[data-file]');
    await input.setInputFiles(`${FIXTURES}/not-an-image.png`);
    await expect(demo.locator('[data-message]')).toHaveText('“not-an-image.png” was not opened: the demo accepts PNG, JPEG and WebP images, and it looks like a text file.');
    await input.setInputFiles(`${FIXTURES}/shapes.png`);
    await expect(demo.getByLabel('Digit', { exact: true })).toHaveValue('file');
    await expect(demo.locator('[data-summary]')).toContainText(/^“shapes\.png” \(the ConvNet reads a \d\), shifted 2 px right/);
    expect(await idleTensorCount(demo)).toBe(10);
  });
});
