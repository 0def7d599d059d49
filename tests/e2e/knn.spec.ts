/** The kNN demo of Lecture 2 on wasm: timings that agree, cross-validation of k, the held-out score, a digit's vote, bad input. */
import { expect, idleTensorCount, openDemo, test } from './fixtures.ts';

const PAGE = 'notes/lecture-02-image-classification/?backend=wasm';

test.describe('kNN', () => {
  test('times three distance versions that agree, cross-validates k on 1,000 digits, scores held-out digits, shows a digit\'s vote', async ({ page }) => {
    test.setTimeout(180_000);
    const demo = await openDemo(page, `${PAGE}#knn.trainSize=1000&knn.heldOut=200&knn.loopQueries=3`, 'knn');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
    // On wasm the distances run in a Web Worker, off the page's thread.
    await expect(demo).toHaveAttribute('data-computes-in', 'worker');
    const rows = demo.locator('[data-timings] tr[data-method]');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0).locator('td').nth(0)).toHaveText('3 × 250');
    for (let i = 0; i < 3; i++) expect(Number(await rows.nth(i).locator('td').nth(4).textContent())).toBeLessThan(5e-3);
    // Five folds, ten k each, every dot an accuracy.
    await expect(demo.locator('[data-figure] circle[data-fold]')).toHaveCount(50);
    const summary = demo.locator('[data-summary]');
    await expect(summary).toContainText(/^5-fold cross-validation of k on 1,000 training digits \(L2\) took [\d.]+ m?s; k = (\d+) is best, (\d+\.\d)% ± \d+\.\d% over the folds\. On 200 held-out digits, k = \1 is right (\d+\.\d)% of the time \((\d+) correct\)\.$/);
    const text = (await summary.textContent()) ?? '';
    const [, k, cvMean, heldOut] = /k = (\d+) is best, (\d+\.\d)%.* right (\d+\.\d)%/.exec(text)!;
    expect(Number(cvMean)).toBeGreaterThan(85);
    expect(Number(heldOut)).toBeGreaterThan(85);
    await expect(demo.locator('[data-figure] rect[data-chosen-k]')).toHaveAttribute('data-chosen-k', k!);
    // The digit panel votes with the chosen k; held-out digit 1 is a 5 (as in the ConvNet demo).
    await expect(demo.locator('[data-neighbours] image[data-neighbour]')).toHaveCount(Math.min(24, Number(k)));
    const votes = await demo.locator('[data-neighbours] rect[data-votes]').evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-votes'))));
    expect(votes.reduce((a, b) => a + b, 0)).toBe(Number(k));
    await expect(demo).toHaveAttribute('data-predicted', String(votes.indexOf(Math.max(...votes))));
    // The engine in the worker holds the digits (2) and the full training set with its norms (2).
    expect(await idleTensorCount(demo)).toBe(4);

    // k larger than the training set: a message, and the whole training set votes.
    const kInput = demo.locator('input[data-setting="k"]');
    await kInput.fill('1500');
    await kInput.press('Enter');
    await expect(demo.locator('[data-message]')).toHaveText('k = 1,500 is larger than the 1,000 training digits; using k = 1,000, every training digit.');
    await expect(demo.locator('[data-neighbours] text').nth(1)).toHaveText('its 1000 nearest training digits (the first 24 shown)');
    const all = await demo.locator('[data-neighbours] rect[data-votes]').evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-votes'))));
    expect(all.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(await idleTensorCount(demo)).toBe(4);
  });

  test('empty folds and k values a fold cannot supply get a message, and the demo still cross-validates', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}#knn.trainSize=12&knn.folds=20&knn.heldOut=10&knn.loopQueries=1`, 'knn');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
    await expect(demo.locator('[data-message]')).toHaveText('12 training digits cannot fill 20 folds: 8 would be empty; using 12 folds. k = 12, 15, 20, 50 and 100 are larger than the 11 training digits each fold leaves, so cross-validation skips them.');
    await expect(demo.locator('[data-figure] circle[data-fold]')).toHaveCount(12 * 5);
    await expect(demo.locator('[data-summary]')).toContainText('12-fold cross-validation of k on 12 training digits (L2)');
  });
});
