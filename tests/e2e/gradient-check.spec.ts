/** The gradient-check demo of Assignment 2 on wasm: correct pass, a planted bug, bad input. */
import { expect, test, openDemo } from './fixtures.ts';

const PAGE = 'notes/assignment-2/?backend=wasm';

const verdicts = (demo: import('@playwright/test').Locator) =>
  demo.locator('[data-check] tr').evaluateAll((rows) => rows.map((r) => `${(r as HTMLElement).dataset['tensor']}:${(r as HTMLElement).dataset['verdict']}`));

test.describe('gradient check', () => {
  test('a correct backward pass agrees in float64; a planted bug shows exactly where it acts', async ({ page }) => {
    const demo = await openDemo(page, PAGE, 'gradient-check');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    expect(await verdicts(demo)).toEqual(['W1:happy', 'gamma:happy', 'beta:happy', 'W2:happy', 'b2:happy']);
    await expect(demo.locator('[data-summary]')).toContainText('In float64 every tensor agrees');
    await demo.getByLabel('Backward pass').selectOption('transposed');
    await expect(demo.locator('[data-summary]')).toContainText('In float64 the check flags W1, gamma, beta', { timeout: 60_000 });
    expect(await verdicts(demo)).toEqual(['W1:wrong', 'gamma:wrong', 'beta:wrong', 'W2:happy', 'b2:happy']);
    expect(page.url()).toContain('gradient-check.bug=transposed');
  });

  test('a batch of one digit is refused: batch norm needs two', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}#gradient-check.digits=1`, 'gradient-check');
    await expect(demo.locator('[data-message]')).toContainText('Digits in the batch: 1 is outside 2 to 64; using 2.');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(demo.locator('[data-check] tr')).toHaveCount(5);
  });
});
