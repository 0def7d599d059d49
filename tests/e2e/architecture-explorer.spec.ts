/** The architecture explorer of Lecture 9 on wasm: totals, sorting, a comparison, timing, bad input. */
import { expect, idleTensorCount, openDemo, test } from './fixtures.ts';

const PAGE = 'notes/lecture-09-cnn-architectures/?backend=wasm';
const ID = 'architecture-explorer';

test.describe('architecture explorer', () => {
  test('counts two networks, sorts the layer table, and agrees with the notes\' tables', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}#${ID}.network=alexnet&${ID}.compare=resnet50`, ID);
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const totals = demo.locator('[data-totals]');
    await expect(totals).toContainText('60,965,224 (61.0 M)');
    await expect(totals).toContainText('25,557,032 (25.6 M)');
    await expect(totals).toContainText('724,406,816 (724 M)');
    await expect(demo.locator('[data-summary]')).toContainText('AlexNet on 227×227×3: 8 layers with weights, 61.0 M parameters, 724 M multiply-adds');
    await expect(demo.locator('[data-summary]')).toContainText('Fully connected layers hold 96% of its parameters');
    // One bar per row of each network: AlexNet's 14 rows (input included) and ResNet-50's 73.
    await expect(demo.locator('[data-figure] rect:has(title)')).toHaveCount(14 + 73);

    await demo.locator('summary', { hasText: 'Every layer' }).click();
    const firstRow = demo.locator('[data-table] tbody tr').first();
    await expect(firstRow).toContainText('input');
    await demo.locator('[data-table] button[data-sort="params"]').click();
    await expect(page).toHaveURL(new RegExp(`${ID}\\.sort=params`));
    await expect(firstRow).toContainText('FC6');
    await expect(firstRow).toContainText('37,752,832');

    // The notes' comparison table is computed from the same specs.
    const alexnet = page.locator('[data-architecture-comparison] tr', { hasText: 'AlexNet' });
    await expect(alexnet.locator('td')).toHaveText(['AlexNet (2012)', '8', '61.0M', '0.72G', '15.3%']);
    await expect(page.locator('[data-architecture-table="alexnet"]')).toContainText('60,954,656');
    expect(await idleTensorCount(demo)).toBe(0);
  });

  test('times one forward pass in a worker; VGG-16 only on request', async ({ page }) => {
    // Building the weights and two passes on a busy 2-core machine.
    test.setTimeout(180_000);
    const demo = await openDemo(page, `${PAGE}#${ID}.network=resnet18&${ID}.compare=none&${ID}.input=112`, ID);
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await demo.locator('[data-time]').click();
    await expect(demo.locator('[data-timing]')).toContainText(/ResNet-18 on WebAssembly, in a Web Worker: .* second pass \d+ ms: [\d.]+ GFLOP\/s \(2 × 485 M multiply-adds per pass\)/, { timeout: 120_000 });
    expect(await idleTensorCount(demo)).toBe(0);

    await demo.locator('[data-setting="network"]').selectOption('vgg16');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await demo.locator('[data-time]').click();
    await expect(demo.locator('[data-message]')).toContainText('VGG-16 is heavy (553 MB of weights, 15.5 G multiply-adds per pass): tick "Allow timing VGG-16" to time it.');
  });

  test('an input too small for the network gets a message, and a valid one brings the tables back', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}#${ID}.network=alexnet&${ID}.compare=none&${ID}.input=40`, ID);
    const message = demo.locator('[data-message]');
    await expect(message).toHaveText('POOL3: its 1×1 input is too small for a 3×3 window with stride 2; choose a larger input. (Input side 40.)', { timeout: 60_000 });
    await expect(demo).toHaveAttribute('data-status', 'done');
    const input = demo.getByLabel('Input side (pixels)');
    await input.fill('9999');
    await input.press('Enter');
    await expect(message).toHaveText('Input side (pixels): 9999 is outside 0 to 512; using 512.');
    await expect(demo.locator('[data-totals]')).toContainText('AlexNet');
    await input.fill('0');
    await input.press('Enter');
    await expect(demo.locator('[data-totals]')).toContainText('60,965,224');
    await expect(message).toHaveText('');
  });
});
