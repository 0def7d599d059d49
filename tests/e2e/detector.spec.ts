/** The detector demo of Lecture 11 on wasm: IoU of the dragged boxes, training, NMS, AP, bad input. */
import { expect, idleTensorCount, openDemo, test } from './fixtures.ts';

const PAGE = 'notes/lecture-11-detection-and-segmentation/?backend=wasm';
const ID = 'detector';

test.describe('detector', () => {
  test('IoU of two boxes; trains in a worker; NMS step by step; AP per digit and mAP', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}#${ID}.steps=12&${ID}.batch=4&${ID}.scoreThreshold=0&${ID}.nmsSteps=1`, ID);
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    // A = 40×40, B = 48×42, overlapping 20×24: 480 / (1600 + 2016 − 480).
    await expect(demo.locator('[data-iou] text[data-iou]')).toHaveText('IoU = 480 / 3136 = 0.153');
    await expect(demo).toHaveAttribute('data-trains-in', 'worker');
    const summary = demo.locator('[data-summary]');
    await expect(summary).toContainText(/Step 12 of 12 \(4 new scenes a step, [\d.]+ s of training\)\. mAP@0\.5 on 100 held-out scenes: 0\.\d{3} \(after step 12\)\./);
    await expect(demo.locator('[data-ap]')).toContainText(/AP@0\.5 per digit: 0: \d\.\d\d, 1: \d\.\d\d/);
    await expect(demo.locator('[data-chart] svg').nth(1).locator('path')).toHaveCount(10);
    // Every one of the 144 cells is a candidate at score threshold 0; the first NMS step keeps the best.
    await expect(demo.locator('[data-nms]')).toContainText(/^NMS step 1 of \d+: kept a \d scored 0\.\d\d; /);
    await expect(demo.locator('[data-figure] rect[data-box="kept"]')).toHaveCount(1);
    await expect(demo.locator('[data-figure] rect[data-box="pending"]').first()).toBeVisible();
    // Worker: 16 parameters and Adam's 32 moments; nothing on the page.
    expect(await idleTensorCount(demo)).toBe(48);
    // Dragging box B onto box A raises the IoU and writes the box to the setting.
    const body = demo.locator('[data-iou-box="b"] rect').first();
    const from = await body.boundingBox();
    if (!from) throw new Error('box B is not drawn');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 - 40, from.y + from.height / 2 - 30, { steps: 5 });
    await page.mouse.up();
    await expect(demo.getByLabel('Box B (x0,y0,x1,y1)')).not.toHaveValue('32,30,80,72');
    const iou = Number(/= ([\d.]+)$/.exec((await demo.locator('[data-iou] text[data-iou]').textContent()) ?? '')?.[1]);
    expect(iou).toBeGreaterThan(0.153);
  });

  test('bad input: zero-area boxes, thresholds outside [0, 1], scenes with no digits', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}#${ID}.steps=2&${ID}.batch=2`, ID);
    const message = demo.locator('[data-message]');
    const boxA = demo.getByLabel('Box A (x0,y0,x1,y1)');
    await boxA.fill('10,10,10,50');
    await boxA.press('Enter');
    await expect(message).toHaveText('Box A (x0,y0,x1,y1): This box has zero area (0 × 40 pixels): IoU divides by the area of the union, so it needs boxes with width and height above 0; kept the previous value.');
    await expect(boxA).toHaveValue('12,14,52,54');
    const nms = demo.getByLabel('NMS IoU threshold');
    await nms.fill('1.5');
    await nms.press('Enter');
    await expect(message).toHaveText('NMS IoU threshold: 1.5 is outside 0 to 1; using 1.');
    const score = demo.getByLabel('Score threshold');
    await score.fill('-0.2');
    await score.press('Enter');
    await expect(message).toHaveText('Score threshold: -0.2 is outside 0 to 1; using 0.');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(demo.locator('[data-summary]')).toContainText('Step 2 of 2');

    const digits = demo.getByLabel('Digits per scene (most)');
    await digits.fill('0');
    await digits.press('Enter');
    await expect(message).toHaveText('The scenes have no digits (digits per scene is 0): there is nothing to detect or learn. Set it to 1 or more.', { timeout: 60_000 });
    await digits.fill('2');
    await digits.press('Enter');
    await demo.locator('button[data-action="play"]').click();
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(demo.locator('[data-summary]')).toContainText('mAP@0.5 on 100 held-out scenes');
  });
});
