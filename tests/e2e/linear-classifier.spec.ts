/** The linear classifier of Lecture 2 on wasm: training in a worker, templates, a test digit, the sweep, bad input. */
import { expect, idleTensorCount, openDemo, test } from './fixtures.ts';

const PAGE = 'notes/lecture-02-image-classification/?backend=wasm';
const ID = 'linear-classifier';

const percents = (summary: string) => {
  const match = /training accuracy ([\d.]+)%, validation accuracy ([\d.]+)%\. Held-out test accuracy ([\d.]+)%/.exec(summary);
  return { train: Number(match?.[1]), validation: Number(match?.[2]), test: Number(match?.[3]) };
};

test.describe('linear classifier', () => {
  test('softmax trains in a worker to about 90%, draws its templates and scores a test digit', async ({ page }) => {
    test.setTimeout(180_000);
    const demo = await openDemo(page, `${PAGE}#${ID}.steps=400&${ID}.digit=3`, ID);
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
    await expect(demo).toHaveAttribute('data-trains-in', 'worker');
    const summary = demo.locator('[data-summary]');
    await expect(summary).toContainText('Softmax classifier, step 400 of 400 (learning rate 0.5, λ 0.0005): loss');
    const { train, validation, test: held } = percents((await summary.textContent()) ?? '');
    expect(train).toBeGreaterThan(89);
    expect(validation).toBeGreaterThan(86);
    expect(held).toBeGreaterThan(86);
    expect(Number(await demo.getAttribute('data-test-accuracy'))).toBeCloseTo(held / 100, 3);
    // Ten templates drawn, one outlined; the digit panel names the winner among its ten rows.
    await expect(demo.locator('[data-figure] image[data-template]')).toHaveCount(10);
    await expect(demo.locator('[data-figure] image[data-template="9"]')).toHaveAttribute('href', /^data:image\/png/);
    await expect(demo.locator('[data-digit] [data-class]')).toHaveCount(10);
    await expect(demo.locator('[data-digit]')).toContainText('probability p = softmax(s)');
    await expect(demo.locator('[data-digit]')).toContainText(/L_i = −log p_y = \d+\.\d{3}Template \d wins/);
    // Worker: three splits' X and one-hot Y, and W; nothing on the page.
    expect(await idleTensorCount(demo)).toBe(7);

    // Another digit redraws the panel from the same W, without training.
    const before = await demo.locator('[data-digit]').textContent();
    const digit = demo.locator('[data-setting="digit"]');
    await digit.fill('4');
    await digit.press('Enter');
    await expect(demo.locator('[data-digit]')).not.toHaveText(before ?? '');
    await expect(summary).toContainText('step 400 of 400');
  });

  test('a small sweep fills its heatmap, picks the best cell and retrains it (SVM)', async ({ page }) => {
    test.setTimeout(180_000);
    const demo = await openDemo(page, `${PAGE}#${ID}.loss=svm&${ID}.mode=sweep&${ID}.size=2&${ID}.cellSteps=40&${ID}.steps=60`, ID);
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
    await expect(demo.locator('[data-sweep] [data-cell]')).toHaveCount(4);
    await expect(demo.locator('[data-sweep] [data-cell] text')).toHaveCount(4);
    const summary = (await demo.locator('[data-summary]').textContent()) ?? '';
    const best = /Sweep done \(4 cells\)\. Best: learning rate ([\d.e-]+), λ ([\d.e-]+), validation accuracy ([\d.]+)%\. Retrained with it: Multiclass SVM, step 60 of 60 \(learning rate \1, λ \2\)/.exec(summary);
    expect(best, summary).not.toBeNull();
    // The grid is lr ∈ {0.00316, 3.16} × λ ∈ {1e-5, 0.1}: the best cell holds the largest accuracy drawn.
    const cells = await demo.locator('[data-sweep] [data-cell] text').allTextContents();
    expect(Math.max(...cells.map((c) => Number(c.replace('%', ''))))).toBeCloseTo(Number(best![3]), 1);
    await expect(demo.locator('[data-digit]')).toContainText('margin max(0, s − s_y + 1)');
    // The lr and λ controls belong to training runs; the grid's to sweeps.
    await expect(demo.locator('[data-setting="lr"]')).toBeHidden();
    await expect(demo.locator('[data-setting="size"]')).toBeVisible();
  });

  test('bad input gets a message and the demo keeps working', async ({ page }) => {
    test.setTimeout(120_000);
    const demo = await openDemo(page, `${PAGE}#${ID}.steps=30&${ID}.lr=NaN`, ID);
    const message = demo.locator('[data-message]');
    await expect(message).toContainText('Learning rate: "NaN" is not a number; kept 0.5.');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
    const lambda = demo.locator('[data-setting="lambda"]');
    await lambda.fill('-1');
    await lambda.press('Enter');
    await expect(message).toHaveText('Regularization λ: -1 is outside 0 to 1; using 0.');
    const digit = demo.locator('[data-setting="digit"]');
    await digit.fill('5000');
    await digit.press('Enter');
    await expect(message).toHaveText('Test digit: 5000 is outside 1 to 2000; using 2000.');
    await expect(demo.locator('[data-digit]')).toContainText('Template');

    // A learning rate far too large: the loss overflows, and the reader is told what to do.
    await page.goto('about:blank');
    await page.goto(`${PAGE}#${ID}.loss=svm&${ID}.lr=10&${ID}.lambda=1&${ID}.steps=200`);
    await demo.scrollIntoViewIfNeeded();
    await expect(message).toContainText(/The loss became infinite or NaN at step \d+: learning rate 10 is too large/, { timeout: 90_000 });
    await expect(demo).not.toHaveAttribute('data-status', 'error');
  });
});
