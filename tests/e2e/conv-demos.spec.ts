/**
 * The Lecture 5 convolution demos on wasm (their contract on every backend is in
 * demo-contract.spec.ts): convolution mechanics and filters on images, the numbers checked against
 * independent arithmetic, and every bad image file refused with its message while the demo keeps
 * working.
 */
import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { expect, test, openDemo } from './fixtures.ts';

const PAGE = 'notes/lecture-05-convolutional-neural-networks/';
const FIXTURES = 'tests/fixtures/images';

/** Sets a number or choice control the way a reader does, and waits for the change to apply. */
async function set(demo: Locator, label: string, value: string) {
  const control = demo.getByLabel(label, { exact: true });
  if ((await control.evaluate((e) => e.tagName)) === 'SELECT') {
    await control.selectOption(value);
  } else {
    await control.fill(value);
    await control.press('Enter');
  }
}

const number = (text: string) => Number(text.replace(/−/g, '-').replace(/,/g, ''));

test.describe('convolution mechanics', () => {
  test.use({ contextOptions: { reducedMotion: 'reduce' } });

  test('computes strided, dilated convolutions and padded pooling equal to the reference', async ({ page }) => {
    // Stride and dilation both 2 (tf.conv2d refuses them together: the demo expands the filter).
    const conv = '#conv-mechanics.width=9&conv-mechanics.height=9&conv-mechanics.filters=3&conv-mechanics.dilation=2&conv-mechanics.seed=5';
    const demo = await openDemo(page, `${PAGE}?backend=wasm${conv}`, 'conv-mechanics');
    await expect(demo).toHaveAttribute('data-status', 'paused', { timeout: 60_000 });
    const summary = demo.locator('[data-summary]');
    await expect(summary).toContainText('dilation 2: output 4×4×3', { timeout: 30_000 });
    await expect(summary).toContainText('on WebAssembly');
    await expect(summary).toContainText('All 48 outputs match the plain-TS reference');
    const convCheck = /largest difference ([\d.e+-]+)\)/.exec((await summary.textContent()) ?? '');
    expect(Number(convCheck?.[1]), 'convolution check').toBeLessThan(1e-4);
    await expect(demo.locator('.conv-mech-check')).toHaveAttribute('data-agrees', 'true');
    // Average pooling with padding: tf skips padded positions (not zeros).
    await set(demo, 'Layer', 'avg');
    await expect(summary).toContainText('average pooling over 3×3 windows, stride 2, padding 1: output 5×5×3');
    const check = /largest difference ([\d.e+-]+)\)/.exec((await summary.textContent()) ?? '');
    expect(check, 'pooling check').not.toBeNull();
    expect(Number(check![1])).toBeLessThan(1e-5);
    await expect(demo).toHaveAttribute('data-tensors', '0');
  });

  test('a clicked or keyboard-selected output shows its receptive field and a dot product that is right', async ({ page }, testInfo) => {
    const demo = await openDemo(page, `${PAGE}?backend=wasm`, 'conv-mechanics');
    await expect(demo).toHaveAttribute('data-status', 'paused', { timeout: 60_000 });
    // The default layer: 5×5×3, two 3×3 filters, stride 2, padding 1 (the CS231n notes' demo).
    await expect(demo.locator('[data-formula]')).toContainText('W₂ = H₂ = (W − F + 2P)/S + 1 = (5 − 3 + 2·1)/2 + 1 = 3');
    await expect(demo.locator('[data-formula]')).toContainText('(3·3·3 + 1)·2 = 56');
    const target = demo.locator('rect.conv-mech-target').nth(1);
    await target.scrollIntoViewIfNeeded();
    const box = (await target.boundingBox())!;
    await page.mouse.click(box.x + (2.5 / 3) * box.width, box.y + (1.5 / 3) * box.height);
    const panel = demo.locator('[data-window]');
    await expect(panel.locator('.conv-mech-heading')).toHaveText('o[1,2,1]: row 1, column 2 of output map 1 (counting from 0)');
    await expect(panel.locator('.conv-mech-check')).toHaveAttribute('data-agrees', 'true');
    const shown = number((await panel.locator('.conv-mech-total').textContent())!.replace('=', ''));

    // Recompute o[1,2,1] here from the exported input and filters: b1 + Σ w1[a,c,d]·x̃[2 + a, 4 + c, d].
    const pending = page.waitForEvent('download');
    await demo.getByRole('button', { name: 'JSON', exact: true }).click();
    const path = testInfo.outputPath('layer.json');
    await (await pending).saveAs(path);
    const { data } = JSON.parse(readFileSync(path, 'utf8')) as { data: { input: { data: number[] }; filters: { weights: number[]; bias: number[] }; output: { data: number[] } } };
    let expected = data.filters.bias[1]!;
    for (let a = 0; a < 3; a++) {
      for (let c = 0; c < 3; c++) {
        const row = 2 * 1 + a - 1;
        const col = 2 * 2 + c - 1;
        if (row < 0 || col < 0 || row >= 5 || col >= 5) continue;
        for (let d = 0; d < 3; d++) expected += data.filters.weights[((a * 3 + c) * 3 + d) * 2 + 1]! * data.input.data[(row * 5 + col) * 3 + d]!;
      }
    }
    expect(shown).toBe(expected);
    expect(data.output.data[(1 * 3 + 2) * 2 + 1]).toBe(expected);
    // The padded taps of the window (its right column) are marked in the products.
    await expect(panel.locator('.is-pad')).toHaveCount(9);

    // The keyboard moves the window: left, then the previous map.
    await demo.locator('[data-figure]').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(panel.locator('.conv-mech-heading')).toContainText('o[1,1,1]');
    await page.keyboard.press('PageUp');
    await expect(panel.locator('.conv-mech-heading')).toContainText('o[1,1,0]');
    await expect(demo.locator('[data-announce]')).toContainText('Output o[1,1,0] =');
    await page.keyboard.press('End');
    await expect(panel.locator('.conv-mech-heading')).toContainText('o[2,2,0]');
    await expect(panel.locator('.conv-mech-check')).toHaveAttribute('data-agrees', 'true');
  });

  test('the output size is shown live, and combinations that do not fit say why', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}?backend=wasm`, 'conv-mechanics');
    await expect(demo).toHaveAttribute('data-status', 'paused', { timeout: 60_000 });
    const formula = demo.locator('[data-formula]');
    await set(demo, 'Input width W', '7');
    await set(demo, 'Input height H', '7');
    await set(demo, 'Padding P', '0');
    await set(demo, 'Stride S', '3');
    await expect(formula).toContainText('(7 − 3 + 2·0)/3 + 1 = 2.33');
    await expect(formula.locator('li').first()).toHaveText(
      'Width: (W − F + 2P)/S + 1 = (7 − 3 + 2·0)/3 + 1 = 2.33 is not a whole number: 4 is not divisible by the stride 3, so the window does not tile the padded input evenly. tf.conv2d rounds down to 2 and never reads the last 1 column (crossed out).',
    );
    await expect(formula.locator('li')).toHaveCount(2);
    await expect(demo.locator('[data-summary]')).toContainText('output 2×2×2. It does not fit as set');
    await set(demo, 'Padding P', '1');
    await expect(formula).toContainText('(7 − 3 + 2·1)/3 + 1 = 3');
    await expect(formula).toContainText('The window tiles the padded input exactly.');
    await set(demo, 'Filter size F', '11');
    await expect(formula.locator('li').first()).toContainText('Width: the window spans 11 columns but the padded input has only 9 (W + 2P = 7 + 2·1), so it fits nowhere.');
    await expect(demo.locator('[data-figure] svg')).toContainText('Output: none, the window fits nowhere');
    await set(demo, 'Filter size F', '3');
    await set(demo, 'Dilation d', '3');
    await expect(formula).toContainText('F_eff = 3·(3 − 1) + 1 = 7; W₂ = H₂ = (W − F_eff + 2P)/S + 1 = (7 − 7 + 2·1)/3 + 1 = 1.67');
    // Pooling refuses a window made of padding only.
    await set(demo, 'Layer', 'max');
    await set(demo, 'Filter size F', '2');
    await set(demo, 'Padding P', '2');
    await expect(formula).toContainText('Pooling with padding P = 2 ≥ F = 2');
    // Out of range: clamped, with a message that stays.
    await set(demo, 'Input width W', '500');
    await expect(demo.locator('[data-message]')).toHaveText('Input width W: 500 is outside 1 to 227; using 227.');
    await expect(demo.getByLabel('Input width W', { exact: true })).toHaveValue('227');
    await expect(demo).not.toHaveAttribute('data-status', 'error');
  });

  test('AlexNet\'s first layer: 55×55×96 and 34,944 parameters, computed in the page', async ({ page }) => {
    test.setTimeout(120_000);
    const alexnet = '#conv-mechanics.width=227&conv-mechanics.height=227&conv-mechanics.filters=96&conv-mechanics.size=11&conv-mechanics.stride=4&conv-mechanics.pad=0';
    const demo = await openDemo(page, `${PAGE}?backend=wasm${alexnet}`, 'conv-mechanics');
    await expect(demo.locator('[data-formula]')).toContainText('(227 − 11 + 2·0)/4 + 1 = 55', { timeout: 60_000 });
    await expect(demo.locator('[data-formula]')).toContainText('Output W₂×H₂×K = 55×55×96 = 290,400 numbers. Parameters (F·F·D + 1)·K = (11·11·3 + 1)·96 = 34,944. Multiply-adds: 105,415,200.');
    await expect(demo.locator('[data-summary]')).toContainText(/output 55×55×96\. Computed in \d+ ms on WebAssembly/, { timeout: 60_000 });
    await expect(demo.locator('.conv-mech-check')).toHaveAttribute('data-agrees', 'true');
    await set(demo, 'Input width W', '224');
    await expect(demo.locator('[data-formula] li').first()).toContainText('= 54.25 is not a whole number');
  });

  test('the URL hash round-trips the settings', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}?backend=wasm`, 'conv-mechanics');
    await expect(demo).toHaveAttribute('data-status', 'paused', { timeout: 60_000 });
    await set(demo, 'Layer', 'avg');
    await set(demo, 'Input depth D', '2');
    await set(demo, 'Stride S', '1');
    await expect(page).toHaveURL(/conv-mechanics\.mode=avg/);
    await expect(page).toHaveURL(/conv-mechanics\.depth=2/);
    await expect(page).toHaveURL(/conv-mechanics\.stride=1/);
    const before = await demo.locator('[data-summary]').textContent();
    await page.reload();
    const reloaded = page.locator('[data-demo="conv-mechanics"]');
    await reloaded.scrollIntoViewIfNeeded();
    await expect(reloaded.getByLabel('Layer', { exact: true })).toHaveValue('avg');
    await expect(reloaded.getByLabel('Input depth D', { exact: true })).toHaveValue('2');
    await expect(reloaded.locator('[data-summary]')).toContainText('output 5×5×2', { timeout: 60_000 });
    expect((await reloaded.locator('[data-summary]').textContent())?.replace(/Computed in \d+ ms/, '')).toBe(before?.replace(/Computed in \d+ ms/, ''));
  });
});

test('conv mechanics plays: the window slides, and a click on an output pauses it there', async ({ page }) => {
  const demo = await openDemo(page, `${PAGE}?backend=wasm#conv-mechanics.speed=30&conv-mechanics.width=15&conv-mechanics.height=15&conv-mechanics.stride=1&conv-mechanics.filters=4`, 'conv-mechanics');
  await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
  const heading = demo.locator('.conv-mech-heading');
  const first = await heading.textContent();
  await expect(heading).not.toHaveText(first ?? '', { timeout: 10_000 });
  const target = demo.locator('rect.conv-mech-target').first();
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  await page.mouse.click(box.x + 2, box.y + 2);
  await expect(demo).toHaveAttribute('data-status', 'paused');
  await expect(heading).toContainText('o[0,0,0]');
  // Paused, the loop has stopped: once nothing is in flight, the window is still where it was put.
  await expect(demo).not.toHaveAttribute('data-busy');
  await expect(heading).toContainText('o[0,0,0]');
  await expect(demo.locator('button[data-action="play"]')).toHaveText('Play');
});

test.describe('filters on images', () => {
  test.use({ contextOptions: { reducedMotion: 'reduce' } });

  /** The [min, max] of each response, read from the summary. */
  async function ranges(demo: Locator): Promise<number[][]> {
    const text = (await demo.locator('[data-summary]').textContent()) ?? '';
    return [...text.matchAll(/from (−?\d[\d,]*(?:\.\d+)?) to (−?\d[\d,]*(?:\.\d+)?)/g)].map((m) => [number(m[1]!), number(m[2]!)]);
  }

  test('applies a Gabor bank and Sobel to a digit: real strokes have real edges', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}?backend=wasm#conv-filters.kernel=gabor&conv-filters.digit=17&conv-filters.count=3`, 'conv-filters');
    await expect(demo.locator('[data-summary]')).toContainText('A bank of 3 Gabor filters', { timeout: 60_000 });
    const gabor = await ranges(demo);
    expect(gabor).toHaveLength(3);
    for (const [min, max] of gabor) expect(max).toBeGreaterThan(min!);
    await set(demo, 'Kernel', 'sobel');
    await expect(demo.locator('[data-summary]')).toContainText('Sobel x and y, gradient magnitude applied to MNIST digit #17');
    const sobel = await ranges(demo);
    expect(sobel).toHaveLength(3);
    // A stroke has two sides: the x-derivative is positive on one and negative on the other.
    expect(sobel[0]![0]).toBeLessThan(0);
    expect(sobel[0]![1]).toBeGreaterThan(0);
    // The magnitude is never negative, and strokes of ink on a blank ground give it a real range.
    expect(sobel[2]![0]).toBeGreaterThanOrEqual(0);
    expect(sobel[2]![1]).toBeGreaterThan(2);
    await expect(demo).toHaveAttribute('data-tensors', '0');
  });

  test('the Gabor bank follows its orientation and count; ReLU clips; a named kernel copies into yours', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}?backend=wasm`, 'conv-filters');
    await expect(demo.locator('[data-summary]')).toContainText('Sobel', { timeout: 60_000 });
    await set(demo, 'Kernel', 'gabor');
    await set(demo, 'Gabor orientations', '2');
    await set(demo, 'Gabor orientation θ (degrees)', '30');
    await expect(demo.locator('[data-summary]')).toContainText('Gabor 30° from');
    await expect(demo.locator('[data-summary]')).toContainText('Gabor 120° from');
    await demo.getByLabel('Apply ReLU, max(0, x)').check();
    await expect(demo.locator('[data-summary]')).toContainText('ReLU(Gabor 30°) from 0 to');
    for (const [min] of await ranges(demo)) expect(min).toBe(0);
    await set(demo, 'Kernel', 'sharpen');
    await demo.getByRole('button', { name: 'Copy this kernel into yours' }).click();
    await expect(demo.getByLabel('Kernel', { exact: true })).toHaveValue('custom');
    await expect(demo.locator('input[data-setting="k12"]')).toHaveValue('5');
    await expect(demo.locator('input[data-setting="k7"]')).toHaveValue('-1');
    await demo.locator('input[data-setting="k12"]').fill('6');
    await demo.locator('input[data-setting="k12"]').press('Enter');
    await expect(page).toHaveURL(/conv-filters\.k12=6/);
    await expect(demo.locator('[data-summary]')).toContainText('Your 3×3 kernel applied to');
    await set(demo, 'Kernel', 'gabor');
    await set(demo, 'Gabor envelope σ (pixels)', '3');
    await demo.getByRole('button', { name: 'Copy this kernel into yours' }).click();
    await expect(demo.locator('[data-message]')).toContainText('is 17×17, larger than the 5×5 editor');
  });

  test('the reader draws with a mouse, a pen or a finger and the responses follow', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}?backend=wasm#conv-filters.source=drawing`, 'conv-filters');
    await expect(demo.locator('[data-summary]')).toContainText('applied to your drawing', { timeout: 60_000 });
    expect((await ranges(demo))[2]).toEqual([0, 0]); // nothing drawn yet
    const canvas = demo.locator('canvas[data-drawing]');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.8, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await ranges(demo))[2]![1]).toBeGreaterThan(1);
    await demo.getByRole('button', { name: 'Clear the drawing' }).click();
    await expect.poll(async () => (await ranges(demo))[2]![1]).toBe(0);
    // A pen (with pressure) and a finger draw through the same pointer events.
    for (const [pointerType, pointerId] of [['pen', 7], ['touch', 8]] as const) {
      await canvas.evaluate((element, { pointerType, pointerId }) => {
        const rect = element.getBoundingClientRect();
        const event = (type: string, fx: number, fy: number) => new PointerEvent(type, { pointerType, pointerId, pressure: 0.7, isPrimary: true, bubbles: true, clientX: rect.left + rect.width * fx, clientY: rect.top + rect.height * fy });
        element.dispatchEvent(event('pointerdown', 0.6, 0.2));
        for (let t = 1; t <= 6; t++) element.dispatchEvent(event('pointermove', 0.6, 0.2 + 0.1 * t));
        element.dispatchEvent(event('pointerup', 0.6, 0.8));
      }, { pointerType, pointerId });
      await expect.poll(async () => (await ranges(demo))[2]![1], { message: pointerType }).toBeGreaterThan(1);
      await demo.getByRole('button', { name: 'Clear the drawing' }).click();
      await expect.poll(async () => (await ranges(demo))[2]![1]).toBe(0);
    }
  });

  test('opens PNG, JPEG and WebP images; refuses other, truncated and too-large files with a message and keeps working', async ({ page }) => {
    test.setTimeout(120_000);
    const demo = await openDemo(page, `${PAGE}?backend=wasm`, 'conv-filters');
    await expect(demo.locator('[data-summary]')).toContainText('MNIST digit', { timeout: 60_000 });
    const input = demo.locator('input[data-file]');
    const message = demo.locator('[data-message]');
    const summary = demo.locator('[data-summary]');

    await input.setInputFiles(`${FIXTURES}/shapes.png`);
    await expect(message).toHaveText('Opened “shapes.png” (PNG, 96×64) as grayscale.');
    await expect(summary).toContainText('applied to “shapes.png”, 96×64');
    await expect(demo.getByLabel('Image', { exact: true })).toHaveValue('file');
    const withPng = await summary.textContent();

    await input.setInputFiles(`${FIXTURES}/not-an-image.png`);
    await expect(message).toHaveText('“not-an-image.png” was not opened: the demo accepts PNG, JPEG and WebP images, and it looks like a text file.');
    await input.setInputFiles(`${FIXTURES}/truncated.jpg`);
    await expect(message).toHaveText('“truncated.jpg” was not opened: it is a JPEG file that is cut short (it ends before its end-of-image marker), perhaps an incomplete download.');
    // Generated here, not committed: 21 MB that even starts like a PNG.
    const large = Buffer.alloc(21 * 1024 * 1024);
    readFileSync(`${FIXTURES}/shapes.png`).copy(large);
    await input.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: large });
    await expect(message).toHaveText('“huge.png” was not opened: it is 21.0 MB, and the demo opens images up to 20 MB.');
    // Still showing the last good image, still working.
    expect(await summary.textContent()).toBe(withPng);
    await expect(demo).not.toHaveAttribute('data-status', 'error');
    await set(demo, 'Kernel', 'edges');
    await expect(summary).toContainText('Edges (Laplacian) applied to “shapes.png”');

    await input.setInputFiles(`${FIXTURES}/shapes.jpg`);
    await expect(message).toHaveText('Opened “shapes.jpg” (JPEG, 96×64) as grayscale.');
    await input.setInputFiles(`${FIXTURES}/shapes.webp`);
    await expect(message).toHaveText('Opened “shapes.webp” (WebP, 96×64) as grayscale.');
    await expect(summary).toContainText('applied to “shapes.webp”, 96×64');

    // A large picture is downscaled to 512 px on its longer side.
    await input.evaluate(async (element: HTMLInputElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = 1200;
      canvas.height = 800;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, 1200, 800);
      g.fillStyle = '#000';
      g.fillRect(300, 200, 600, 400);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], 'wide.png', { type: 'image/png' }));
      element.files = transfer.files;
      element.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect(message).toHaveText('Opened “wide.png” (PNG, 1200×800, downscaled to 512×341) as grayscale.');
    await expect(summary).toContainText('applied to “wide.png”, 512×341');
    // A dark rectangle on white: the Laplacian sees its edges.
    expect(Math.max(...(await ranges(demo)).flat().map(Math.abs))).toBeGreaterThan(0.5);
  });

  test('a link to an image from disk asks for one; settings round-trip through the URL', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}?backend=wasm#conv-filters.source=file&conv-filters.kernel=custom&conv-filters.customSize=5&conv-filters.k0=1.5`, 'conv-filters');
    await expect(demo.locator('[data-file-status]')).toContainText('To use an image from your disk, open one with “Open an image…”', { timeout: 60_000 });
    await expect(demo.locator('[data-summary]')).toContainText('Your 5×5 kernel applied to MNIST digit #0');
    await expect(demo.locator('input[data-setting="k0"]')).toHaveValue('1.5');
    await expect(demo.locator('input[data-setting="k0"]')).toBeVisible();
    await set(demo, 'Size of your kernel', '3');
    await expect(demo.locator('input[data-setting="k0"]')).toBeHidden();
    await set(demo, 'Image', 'digit');
    await set(demo, 'Digit number', '42');
    await page.reload();
    const reloaded = page.locator('[data-demo="conv-filters"]');
    await reloaded.scrollIntoViewIfNeeded();
    await expect(reloaded.locator('[data-summary]')).toContainText('Your 3×3 kernel applied to MNIST digit #42', { timeout: 60_000 });
  });
});
