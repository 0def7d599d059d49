/** The segmentation demo of Lecture 11 on wasm: transposed-convolution mechanics, training, masks, bad input. */
import { expect, idleTensorCount, openDemo, test } from './fixtures.ts';

const PAGE = 'notes/lecture-11-detection-and-segmentation/?backend=wasm';
const ID = 'segmentation';

test.describe('segmentation', () => {
  test('mechanics with and without a checkerboard; trains in a worker; masks and mean IoU', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}#${ID}.steps=4&${ID}.batch=2`, ID);
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await expect(demo).toHaveAttribute('data-trains-in', 'worker');
    const text = demo.locator('[data-mechanics-text]');
    await expect(text).toHaveText('Input 3×3, kernel 3, stride 2, padding 0: output 7×7, y = Cᵀx with C the 9×49 matrix of the convolution that maps 7×7 to 3×3. Kernel 3 is not divisible by stride 2: output cells get 1 to 4 contributions, in a checkerboard.');
    await expect(demo.locator('[data-grid="output"] rect')).toHaveCount(49);
    // Row 2, column 2 is written by four input cells; row 1, column 1 by one.
    await expect(demo.locator('[data-grid="output"] text').nth(16)).toHaveText('4');
    await expect(demo.locator('[data-grid="output"] text').nth(8)).toHaveText('1');
    const kernel = demo.getByLabel('Kernel size k');
    await kernel.fill('4');
    await kernel.press('Enter');
    await expect(text).toContainText('output 8×8');
    await expect(text).toContainText('Kernel 4 is divisible by stride 2');
    await expect(demo.locator('[data-summary]')).toContainText(/Step 4 of 4 \(2 new scenes a step, [\d.]+ s of training\)\. Mean IoU on 50 held-out scenes: 0\.\d{3}, pixel accuracy [\d.]+% \(after step 4\)\./);
    await expect(demo.locator('[data-iou-text]')).toContainText(/IoU per class: background: 0\.\d\d, 0: /);
    await expect(demo.locator('[data-figure] image[data-mask="predicted"]')).toHaveAttribute('href', /^data:image\/png/);
    // Worker: 20 parameters and Adam's 40 moments; nothing on the page.
    expect(await idleTensorCount(demo)).toBe(60);
  });

  test('bad input: padding as large as the kernel, scenes with no digits', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}#${ID}.steps=1&${ID}.batch=1`, ID);
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    const message = demo.locator('[data-message]');
    const padding = demo.getByLabel('Padding p');
    await padding.fill('9');
    await padding.press('Enter');
    await expect(message).toHaveText('Padding p: 9 is outside 0 to 2; using 2.');
    const kernel = demo.getByLabel('Kernel size k');
    await kernel.fill('2');
    await kernel.press('Enter');
    await expect(message).toHaveText('Padding 2 must be smaller than the kernel (2): the output would lose every cell the kernel touches.');
    await kernel.fill('5');
    await kernel.press('Enter');
    await expect(demo.locator('[data-mechanics-text]')).toContainText('output 5×5');
    const digits = demo.getByLabel('Digits per scene (most)');
    await digits.fill('0');
    await digits.press('Enter');
    await expect(message).toHaveText('The scenes have no digits (digits per scene is 0): every pixel is background, so there is nothing to segment. Set it to 1 or more.', { timeout: 60_000 });
  });
});
