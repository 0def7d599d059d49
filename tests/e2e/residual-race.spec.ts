/** The residual race of Lecture 9 on wasm: training in a worker, the gradient at step 0, bad input. */
import { expect, idleTensorCount, openDemo, test } from './fixtures.ts';

const PAGE = 'notes/lecture-09-cnn-architectures/?backend=wasm';
const ID = 'residual-race';

test.describe('residual race', () => {
  test('trains both nets in a worker; the gradient reaching the first layer is far larger with shortcuts', async ({ page }) => {
    test.setTimeout(180_000);
    const demo = await openDemo(page, `${PAGE}#${ID}.steps=24`, ID);
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
    await expect(demo).toHaveAttribute('data-trains-in', 'worker');
    const summary = (await demo.locator('[data-summary]').textContent()) ?? '';
    expect(summary).toContain('Step 24 of 24, depth 20, no batch norm. Training loss (last 20 steps): plain ');
    expect(summary).toMatch(/Held-out accuracy at step 24: plain [\d.]+%, residual [\d.]+%\./);
    const norms = /Gradient norm of the first layer at step 0: plain ([\d.e+-]+), residual ([\d.e+-]+)/.exec(summary);
    expect(Number(norms?.[2]) / Number(norms?.[1])).toBeGreaterThan(20);
    // Three charts: loss, accuracy, gradient norms (dashed at step 0).
    await expect(demo.locator('[data-chart] path[stroke-dasharray]')).toHaveCount(2);
    // In the worker: both nets' 40 + 42 variables, as many momentum buffers, the training digits and labels.
    expect(await idleTensorCount(demo)).toBe(166);
  });

  test('bad depths get a message and the demo keeps working', async ({ page }) => {
    test.setTimeout(180_000);
    const demo = await openDemo(page, `${PAGE}#${ID}.depth=9&${ID}.steps=10`, ID);
    const message = demo.locator('[data-message]');
    await expect(message).toHaveText('Depth 9: each block has two layers, so the depth is even; using 8.', { timeout: 60_000 });
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    const depth = demo.getByLabel('Depth');
    await depth.fill('40');
    await depth.press('Enter');
    await expect(message).toHaveText('Depth: 40 is outside 8 to 32; using 32.');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await expect(demo.locator('[data-summary]')).toContainText('Step 10 of 10, depth 32, no batch norm.');
  });
});
