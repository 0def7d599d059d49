/**
 * The optimizer race, the loss landscape and the 2-D GAN: what each computes and shows, on wasm
 * (what all demos share, on every backend, is in demo-contract.spec.ts); and the fallback from a
 * failing GPU backend, which only the GPU backends can show.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, openDemo } from './fixtures.ts';

const RACE_PAGE = 'notes/lecture-07-training-neural-networks-2/';
const LANDSCAPE_PAGE = 'notes/lecture-03-loss-functions-and-optimization/';
// Small, deterministic landscape runs: 20 training steps, an 11 x 11 grid.
const SMALL_LANDSCAPE = '#loss-landscape.steps=20&loss-landscape.resolution=11';

/** Leaderboard losses by optimizer, after `steps` single steps from a paused start. */
async function raceAfterSteps(page: Page, steps: number): Promise<Record<string, number>> {
  const demo = page.locator('[data-demo="optimizer-race"]');
  await expect(demo).toHaveAttribute('data-status', 'paused', { timeout: 30_000 });
  const step = demo.getByRole('button', { name: 'Step' });
  for (let i = 0; i < steps; i++) await step.click();
  await expect(demo.locator('[data-summary]')).toContainText(`step ${steps}.`);
  const rows = await demo.locator('[data-leaderboard] tr').evaluateAll((trs) =>
    trs.map((tr) => [(tr as HTMLElement).dataset['optimizer'] ?? '', tr.querySelectorAll('td')[0]?.textContent ?? '']),
  );
  return Object.fromEntries(rows.map(([name, loss]) => [name, Number(loss)]));
}

test.describe('optimizer race', () => {
  test.describe('stepped from a paused start (reduced motion)', () => {
    test.use({ contextOptions: { reducedMotion: 'reduce' } });

    test('20 steps take every optimizer downhill, and SGD exactly where its update rule says', async ({ page }) => {
      await openDemo(page, `${RACE_PAGE}?backend=wasm`, 'optimizer-race');
      const losses = await raceAfterSteps(page, 20);
      expect(Object.keys(losses).sort()).toEqual(['adagrad', 'adam', 'momentum', 'nesterov', 'rmsprop', 'sgd']);
      // The valley f = 0.05x² + 2.5y² from (−9, 3), where f = 26.55.
      for (const [name, loss] of Object.entries(losses)) {
        expect(Number.isFinite(loss), name).toBe(true);
        expect(loss, name).toBeLessThan(26.55);
      }
      // SGD at rate 0.35: x ← (1 − 0.035)x, y ← (1 − 1.75)y.
      const x = -9 * 0.965 ** 20;
      const y = 3 * (-0.75) ** 20;
      const expected = 0.05 * x * x + 2.5 * y * y;
      // The leaderboard shows 3 significant digits.
      expect(Math.abs(losses['sgd']! - expected)).toBeLessThanOrEqual(expected * 0.005);
    });
  });

  test('the URL hash round-trips the settings', async ({ page }) => {
    const demo = await openDemo(page, `${RACE_PAGE}?backend=wasm`, 'optimizer-race');
    await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
    await demo.getByLabel('Problem').selectOption('rosenbrock');
    await demo.getByLabel('Steps per frame').fill('7');
    await demo.getByLabel('Steps per frame').press('Enter');
    await demo.locator('summary', { hasText: 'Learning rates' }).click();
    const sgd = demo.locator('input[data-setting="sgd.lr"]');
    await sgd.fill('0.0005');
    await sgd.press('Enter');
    await expect(page).toHaveURL(/optimizer-race\.problem=rosenbrock/);
    await expect(page).toHaveURL(/optimizer-race\.speed=7/);
    await expect(page).toHaveURL(/optimizer-race\.sgd\.lr=0\.0005/);
    await page.reload();
    const reloaded = page.locator('[data-demo="optimizer-race"]');
    await reloaded.scrollIntoViewIfNeeded();
    await expect(reloaded.getByLabel('Problem')).toHaveValue('rosenbrock');
    await expect(reloaded.getByLabel('Steps per frame')).toHaveValue('7');
    await expect(reloaded.locator('input[data-setting="sgd.lr"]')).toHaveValue('0.0005');
    // The rest of the preset for Rosenbrock came with the problem, not from the URL.
    await expect(reloaded.locator('input[data-setting="adam.lr"]')).toHaveValue('0.05');
  });

  test('bad learning rates are refused or clamped with a message, and nothing crashes', async ({ page }) => {
    const demo = await openDemo(page, `${RACE_PAGE}?backend=wasm`, 'optimizer-race');
    await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
    await demo.locator('summary', { hasText: 'Learning rates' }).click();
    const adam = demo.locator('input[data-setting="adam.lr"]');
    // A number input gives "" for text it cannot parse: refused, the old value kept.
    await adam.evaluate((input: HTMLInputElement) => {
      input.value = '';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect(demo.locator('[data-message]')).toHaveText('Adam learning rate: "" is not a number; kept 0.2.');
    await expect(adam).toHaveValue('0.2');
    await adam.fill('-3');
    await adam.press('Enter');
    await expect(demo.locator('[data-message]')).toHaveText('Adam learning rate: -3 is outside 0.000001 to 10; using 0.000001.');
    await adam.fill('1e9');
    await adam.press('Enter');
    await expect(demo.locator('[data-message]')).toContainText('using 10');
    // An absurd but allowed rate diverges that optimizer only.
    const sgd = demo.locator('input[data-setting="sgd.lr"]');
    await sgd.fill('5');
    await sgd.press('Enter');
    await expect(demo.locator('[data-leaderboard] tr[data-optimizer="sgd"]')).toHaveClass(/is-diverged/, { timeout: 15_000 });
    await expect(demo.locator('[data-leaderboard] tr[data-optimizer="momentum"] td').first()).toHaveText(/^\d/);
    await expect(demo).toHaveAttribute('data-status', /running|done/);
  });

  test('the MLP race trains on real digits', async ({ page }) => {
    const demo = await openDemo(page, `${RACE_PAGE}?backend=wasm#optimizer-race.problem=mlp`, 'optimizer-race');
    await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
    await expect(demo.locator('[data-summary]')).toContainText(/step [1-9]\d\d/, { timeout: 30_000 });
    const losses = await demo.locator('[data-leaderboard] tr td:first-of-type').allTextContents();
    for (const loss of losses) expect(Number(loss)).toBeLessThan(1.5); // from about 2.3 at the start
  });
});

test('exports the figure as PNG and SVG and the run as CSV and JSON; pauses off screen', async ({ page }, testInfo) => {
  const demo = await openDemo(page, `${RACE_PAGE}?backend=wasm`, 'optimizer-race');
  await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
  await expect(demo.locator('[data-summary]')).toContainText(/step [1-9]/);
  const download = async (name: string) => {
    const pending = page.waitForEvent('download');
    await demo.getByRole('button', { name, exact: true }).click();
    const file = await pending;
    const path = testInfo.outputPath(file.suggestedFilename());
    await file.saveAs(path);
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  };
  const png = await download('PNG');
  expect(png.name).toBe('optimizer-race.png');
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
  const svg = await download('SVG');
  expect(svg.bytes.toString()).toMatch(/<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg.bytes.toString()).toContain('<path');
  const csv = await download('CSV');
  const lines = csv.bytes.toString().trim().split('\n');
  expect(lines[0]).toBe('"optimizer","step","x","y","f"');
  expect(lines.length).toBeGreaterThan(12);
  const json = JSON.parse((await download('JSON')).bytes.toString()) as { demo: string; backend: string; data: { racers: { name: string; trail: unknown[] }[] } };
  expect(json).toMatchObject({ demo: 'optimizer-race', backend: 'wasm' });
  expect(json.data.racers).toHaveLength(6);

  // Scrolled away, the demo pauses; back on screen, it runs again.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(demo).toHaveAttribute('data-status', 'paused');
  await demo.scrollIntoViewIfNeeded();
  await expect(demo).toHaveAttribute('data-status', /running|done/);
});

test.describe('loss landscape', () => {
  test('trains the linear classifier and computes its 11×11 landscape around the trained weights', async ({ page }) => {
    const demo = await openDemo(page, `${LANDSCAPE_PAGE}?backend=wasm${SMALL_LANDSCAPE}`, 'loss-landscape');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const summary = (await demo.locator('[data-summary]').textContent()) ?? '';
    expect(summary).toMatch(/11×11 grid computed in \d+ ms/);
    const match = /loss ([\d.]+), training accuracy ([\d.]+)%.*loss from ([\d.]+) to ([\d.]+)/.exec(summary);
    expect(match, summary).not.toBeNull();
    const [loss, accuracy, from, to] = match!.slice(1).map(Number) as [number, number, number, number];
    // 20 steps of a 10-class linear classifier on digits: far better than chance (10%), loss below ln 10.
    expect(accuracy).toBeGreaterThan(50);
    expect(loss).toBeLessThan(Math.log(10));
    // The odd grid holds the trained weights at its centre: the slice's lowest loss is at most
    // theirs (rounded to 3 decimals), and the slice rises away from them.
    expect(from).toBeLessThanOrEqual(loss + 0.001);
    expect(to).toBeGreaterThan(loss);
    await expect(demo.locator('[data-figure] svg')).not.toHaveCount(0);
  });

  test('an MLP landscape with its training path, and a clamped grid size', async ({ page }) => {
    const demo = await openDemo(page, `${LANDSCAPE_PAGE}?backend=wasm#loss-landscape.model=mlp&loss-landscape.plane=pca&loss-landscape.resolution=500&loss-landscape.steps=60`, 'loss-landscape');
    await expect(demo.locator('[data-message]')).toContainText('Grid resolution: 500 is outside 5 to 51; using 51.');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(demo.locator('[data-summary]')).toContainText('51×51 grid computed in');
    await expect(demo.locator('[data-figure] svg circle')).not.toHaveCount(0);
  });
});

test.describe('backend failures fall back with a message', { tag: '@other-backends' }, () => {
  test('a lost WebGL context moves the demo to the next backend', async ({ page }) => {
    const demo = await openDemo(page, `${RACE_PAGE}?backend=webgl`, 'optimizer-race');
    await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
    await page.evaluate(() => {
      const runtime = (window as unknown as { cs231nRuntime: { tf: { backend(): unknown } } }).cs231nRuntime;
      const backend = runtime.tf.backend() as { gpgpu: { gl: WebGLRenderingContext } };
      backend.gpgpu.gl.getExtension('WEBGL_lose_context')?.loseContext();
    });
    await expect(demo).toHaveAttribute('data-backend', 'wasm', { timeout: 30_000 });
    await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
    await expect(demo.locator('[data-message]')).toContainText('WebGL failed (the WebGL context was lost)');
    await expect(demo.locator('select[data-backend-select] option[value="webgl"]')).toBeDisabled();
  });

  test('a lost WebGPU device moves the demo to WebGL', async ({ page }) => {
    const demo = await openDemo(page, `${RACE_PAGE}?backend=webgpu`, 'optimizer-race');
    await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
    await page.evaluate(() => {
      const runtime = (window as unknown as { cs231nRuntime: { tf: { backend(): unknown } } }).cs231nRuntime;
      const backend = runtime.tf.backend() as { device: GPUDevice };
      backend.device.destroy();
    });
    await expect(demo).toHaveAttribute('data-backend', 'webgl', { timeout: 30_000 });
    await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
    await expect(demo.locator('[data-message]')).toContainText('WebGPU failed');
  });

  test('the reader can switch backends on the badge', async ({ page }) => {
    const demo = await openDemo(page, `${RACE_PAGE}?backend=cpu`, 'optimizer-race');
    await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
    await demo.locator('select[data-backend-select]').selectOption('wasm');
    await expect(demo).toHaveAttribute('data-backend', 'wasm', { timeout: 30_000 });
    await expect(demo).toHaveAttribute('data-status', 'running');
    await expect(demo.locator('[data-message]')).toContainText('Now running on WebAssembly');
  });
});

test.describe('2-D GAN', () => {
  const GAN_PAGE = 'notes/lecture-13-generative-models/';

  test('trains: the D/G readouts and the modes covered show in the summary, the samples in the plot', async ({ page }) => {
    const demo = await openDemo(page, `${GAN_PAGE}?backend=wasm`, 'gan-2d');
    await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
    const summary = demo.locator('[data-summary]');
    await expect(summary).toContainText(/step [1-9]\d*\. D loss \d\.\d{3}, G loss \d\.\d{3}\. The generator covers \d of 8 modes\./, { timeout: 60_000 });
    const stepOf = async () => Number(/step (\d+)\./.exec((await summary.textContent()) ?? '')?.[1]);
    const first = await stepOf();
    await expect.poll(stepOf, { timeout: 30_000 }).toBeGreaterThan(first);
    await expect(demo.locator('[data-figure] svg circle')).not.toHaveCount(0);
  });

  test('drawn points: fewer than 10 get a message, the drawing lives in the URL, NaN rates are refused', async ({ page }) => {
    const demo = await openDemo(page, `${GAN_PAGE}?backend=wasm#gan-2d.distribution=drawn`, 'gan-2d');
    await expect(demo.locator('[data-message]')).toHaveText('Draw at least 10 points (you have 0): click or drag on the plot.', { timeout: 30_000 });
    const plot = demo.locator('[data-figure] svg');
    const box = (await plot.boundingBox())!;
    for (let i = 0; i < 12; i++) {
      await page.mouse.click(box.x + box.width * (0.2 + 0.05 * i), box.y + box.height * (0.3 + 0.03 * i));
    }
    await expect(page).toHaveURL(/gan-2d\.points=(-?\d+\.\d+(%2C|,)-?\d+\.\d+(%3B|;)){11}/);
    await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
    await expect(demo.locator('[data-summary]')).toContainText('Your points, step');
    const rate = demo.getByLabel('Generator learning rate');
    await rate.evaluate((input: HTMLInputElement) => {
      input.value = '';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect(demo.locator('[data-message]')).toHaveText('Generator learning rate: "" is not a number; kept 0.002.');
    await expect(demo).toHaveAttribute('data-status', 'running');
  });
});

