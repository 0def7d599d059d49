/** The spiral classifiers of Lecture 4 on wasm: training, the point's path, bad input. */
import { expect, idleTensorCount, openDemo, test } from './fixtures.ts';

const PAGE = 'notes/lecture-04-introduction-to-neural-networks/?backend=wasm';
const ID = 'spiral-classifier';

const accuracies = (summary: string) => {
  const linear = /Linear classifier: loss [\d.]+, training accuracy ([\d.]+)%/.exec(summary);
  const net = /2-layer net \(\d+ hidden\): loss [\d.]+, training accuracy ([\d.]+)%/.exec(summary);
  return { linear: Number(linear?.[1]), net: Number(net?.[1]) };
};

test.describe('spiral classifier', () => {
  test('trains in a worker; the 2-layer net beats the linear classifier; a clicked point shows its path', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}#${ID}.steps=2000`, ID);
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await expect(demo).toHaveAttribute('data-trains-in', 'worker');
    const summary = demo.locator('[data-summary]');
    await expect(summary).toContainText('Step 2000 of 2000 on 300 points in 3 classes.');
    const { linear, net } = accuracies((await summary.textContent()) ?? '');
    expect(linear).toBeGreaterThan(40);
    expect(linear).toBeLessThan(62);
    expect(net).toBeGreaterThan(90);
    // The decision map is drawn, the points on top.
    await expect(demo.locator('[data-figure] image')).toHaveAttribute('href', /^data:image\/png/);
    await expect(demo.locator('[data-figure] circle[data-point]')).toHaveCount(300);
    // Worker tensors: X, Xᵀ, a row of ones, labels, one-hot Y, the grid, 2 linear and 4 net weights; none on the page.
    expect(await idleTensorCount(demo)).toBe(12);

    await demo.locator('[data-figure] circle[data-point="150"]').click();
    const panel = demo.locator('[data-inspect]');
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('class 2');
    // Each stage forward with its value, and back with the gradient of this point's loss (computed by the engine).
    const stage = (name: string) => panel.locator(`tr[data-stage="${name}"] td`);
    await expect(stage('h = max(0, ·)').first()).toHaveText(/^\[.*\] \(\d+ of 100 units active\)$/);
    await expect(stage('x').nth(1)).toHaveText(/^\(-?\d+\.\d{3}, -?\d+\.\d{3}\)$/);
    await expect(stage('W1ᵀx + b1').nth(1)).toContainText('(0 where the unit is off)');
    const scoreGradient = (await stage('scores W2ᵀh + b2').nth(1).textContent()) ?? '';
    const entries = /p − y = \[(.*)\]/.exec(scoreGradient)![1]!.split(', ').map(Number);
    // p − y over the 3 classes sums to 0, and only the point's class (2) is negative.
    expect(entries).toHaveLength(3);
    expect(Math.abs(entries.reduce((a, b) => a + b, 0))).toBeLessThan(0.002);
    expect(entries[1]).toBeLessThan(0);
    const loss = Number(await stage('Lᵢ = −log p(class 2)').first().textContent());
    const p = Number(/\[[^,]*, ([\d.]+)/.exec((await stage('softmax p').first().textContent()) ?? '')![1]);
    expect(loss).toBeCloseTo(-Math.log(p), 2);
  });

  test('bad input gets a message and the demo keeps working', async ({ page }) => {
    // A link with a learning rate that is not a number (a number field cannot hold one).
    const demo = await openDemo(page, `${PAGE}#${ID}.steps=50&${ID}.lr=NaN`, ID);
    const message = demo.locator('[data-message]');
    await expect(message).toContainText('Learning rate: "NaN" is not a number; kept 1.');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const hidden = demo.getByLabel('Hidden width H');
    await hidden.fill('0');
    await hidden.press('Enter');
    await expect(message).toHaveText('Hidden width H: 0 is outside 1 to 500; using 1.');
    await expect(hidden).toHaveValue('1');
    await hidden.fill('100000');
    await hidden.press('Enter');
    await expect(message).toHaveText('Hidden width H: 100000 is outside 1 to 500; using 500.');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(demo.locator('[data-summary]')).toContainText('2-layer net (500 hidden)');

    // Only the reader's points, none of class 2 or 3.
    await page.goto('about:blank');
    await page.goto(`${PAGE}#${ID}.perClass=0&${ID}.points=0.5,0.5,0;-0.5,-0.5,0;0.2,-0.7,0&${ID}.steps=20`);
    await demo.scrollIntoViewIfNeeded();
    await expect(message).toHaveText('Classes 2 and 3 have no points: the models still score them, but can never be right about them. Click on the plane to add points.', { timeout: 60_000 });
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(demo.locator('[data-summary]')).toContainText('training accuracy 100.0%');
  });
});
