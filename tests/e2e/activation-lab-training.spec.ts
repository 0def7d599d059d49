/**
 * The activation lab's training modes on wasm: A and B trained side by side in a worker, the
 * initial loss against ln 10, the update/weight ratio per layer, held-out accuracy; the "overfit
 * 20 digits" button driving both losses near zero; a bad learning rate refused with a message.
 */
import { expect, idleTensorCount, test, openDemo } from './fixtures.ts';

const PAGE = 'notes/lecture-06-training-neural-networks-1/?backend=wasm';
// Small nets so a run takes seconds: A keeps the default tanh with 0.01·N(0,1); B is ReLU, He, batch norm.
const SMALL = 'activation-lab.layers=3&activation-lab.width=50&activation-lab.bActivation=relu&activation-lab.bInit=he&activation-lab.bBatchNorm=true';

const value = async (demo: import('@playwright/test').Locator, row: string, stat: string) =>
  Number(await demo.locator(`[data-ratios] tr[${row}] td[data-stat="${stat}"]`).getAttribute('data-value'));

test.describe('activation lab, training', () => {
  test('A and B train side by side in a worker: initial loss near ln 10 for A, ratios per layer, B learns', async ({ page }) => {
    // A constant α (no decay): the ratios read at the last step are then those of α itself.
    const demo = await openDemo(page, `${PAGE}#activation-lab.mode=train&activation-lab.steps=100&activation-lab.trainBatch=64&activation-lab.lr=0.001&activation-lab.decay=none&${SMALL}`, 'activation-lab');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await expect(demo).toHaveAttribute('data-trains-in', 'worker');
    await expect(demo.locator('[data-figure]')).toBeHidden();
    await expect(demo.locator('[data-training] svg')).toHaveCount(3);
    // A's scores start near zero: the loss of a uniform guess over 10 classes.
    expect(await value(demo, 'data-row="initial-loss"', 'A-initial-loss')).toBeCloseTo(Math.log(10), 2);
    await expect(demo.locator('[data-ratios] tr[data-layer]')).toHaveCount(4);
    for (let layer = 1; layer <= 4; layer++) {
      const ratio = await value(demo, `data-layer="${layer}"`, 'B-ratio');
      expect(ratio).toBeGreaterThan(1e-5);
      expect(ratio).toBeLessThan(1);
    }
    expect(await value(demo, 'data-row="loss"', 'B-loss')).toBeLessThan(0.8);
    await expect(demo.locator('[data-summary]')).toContainText('Step 100 of 100 (minibatches of 64).');
    const accuracy = Number(/B \(ReLU, He, batch norm\): .*?held-out accuracy ([\d.]+)%/.exec((await demo.locator('[data-summary]').textContent()) ?? '')?.[1]);
    expect(accuracy).toBeGreaterThan(80);
    // The worker holds per model its parameters and Adam's two moments of each (A: 8, B: 11), B's
    // running mean and variance (6), and the 1,000 held-out digits and labels; the page holds none.
    expect(await idleTensorCount(demo)).toBe(3 * 8 + 3 * 11 + 6 + 2);
  });

  test('"Overfit 20 digits" drives both losses near zero; a learning rate of 0 is refused with a message', async ({ page }) => {
    // A: ReLU, He, batch norm, dropout 0.5 (off while overfitting); B: tanh, Xavier (the default).
    const demo = await openDemo(page, `${PAGE}#activation-lab.layers=3&activation-lab.width=50&activation-lab.aActivation=relu&activation-lab.aInit=he&activation-lab.aBatchNorm=true&activation-lab.aDropout=0.5`, 'activation-lab');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
    await demo.locator('[data-overfit]').click();
    await expect(demo.locator('select[data-setting="mode"]')).toHaveValue('overfit');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await expect(demo.locator('[data-summary]')).toContainText('Step 300 of 300 (on the same 20 digits, no dropout).');
    expect(await value(demo, 'data-row="loss"', 'A-loss')).toBeLessThan(0.01);
    expect(await value(demo, 'data-row="loss"', 'B-loss')).toBeLessThan(0.01);
    await expect(demo.locator('[data-summary]')).toContainText('accuracy on the 20 100.0%');
    const lr = demo.locator('input[data-setting="lr"]');
    await lr.fill('0');
    await lr.press('Enter');
    await expect(demo.locator('[data-message]')).toContainText('Learning rate α: 0 is outside');
    await expect(lr).toHaveValue('0.00001');
  });
});
