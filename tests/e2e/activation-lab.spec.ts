/** The activation lab of Lecture 6 on wasm: tanh with 0.01·N(0,1) collapses deep activations, Xavier keeps them; bad input. */
import { expect, idleTensorCount, test, openDemo } from './fixtures.ts';

const PAGE = 'notes/lecture-06-training-neural-networks-1/?backend=wasm';

const stat = async (demo: import('@playwright/test').Locator, layer: number, key: string) =>
  Number(await demo.locator(`[data-stats] tr[data-layer="${layer}"] td[data-stat="${key}"]`).getAttribute('data-value'));

test.describe('activation lab', () => {
  test('at the defaults, A (0.01·N(0,1), tanh) collapses toward 0 by layer 10 while B (Xavier) keeps its spread', async ({ page }) => {
    const demo = await openDemo(page, PAGE, 'activation-lab');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
    // On wasm the sweeps (seconds of work each) run in a Web Worker, off the page's thread.
    await expect(demo).toHaveAttribute('data-computes-in', 'worker');
    await expect(demo.locator('[data-stats] tr[data-layer]')).toHaveCount(10);
    expect(await stat(demo, 1, 'A-std')).toBeCloseTo(0.264, 2);
    expect(await stat(demo, 10, 'A-std')).toBeLessThan(1e-6);
    expect(await stat(demo, 1, 'B-std')).toBeCloseTo(0.626, 2);
    expect(await stat(demo, 10, 'B-std')).toBeGreaterThan(0.2);
    await expect(demo.locator('[data-summary]')).toContainText('A (tanh, 0.01·N(0,1)): activation std 0.264 at layer 1');
    await expect(demo.locator('[data-summary]')).toContainText('initial loss 2.303');
    expect(await idleTensorCount(demo)).toBe(0);
  });

  test('a width of 0 is refused with a message and the lab runs at the nearest width; ReLU with He shows dead units', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}#activation-lab.layers=4&activation-lab.width=50&activation-lab.bActivation=relu&activation-lab.bInit=he`, 'activation-lab');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
    const width = demo.locator('input[data-setting="width"]');
    await width.fill('0');
    await width.press('Enter');
    await expect(demo.locator('[data-message]')).toHaveText('Width: 0 is outside 10 to 500; using 10.');
    await expect(width).toHaveValue('10');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
    await expect(demo.locator('[data-stats] tr[data-layer]')).toHaveCount(4);
    await expect(demo.locator('[data-summary]')).toContainText('B (ReLU, He)');
    await expect(demo.locator('[data-summary]')).toContainText('dead units');
    await expect(demo.locator('[data-message]')).toHaveText('Width: 0 is outside 10 to 500; using 10.');
    expect(await idleTensorCount(demo)).toBe(0);
  });
});
