/**
 * The backend benchmark on wasm (its contract on every backend is in demo-contract.spec.ts): the
 * whole suite within 30 s in a worker with the page responsive, sizes out of range refused with a
 * message, saved runs read back and compared (a wrong file refused), and a backend that fails
 * mid-way keeping what it measured while the next one runs.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, openDemo, test } from './fixtures.ts';

const PAGE = 'notes/lecture-08-deep-learning-software/';
const SUITE = { timeout: 90_000 };

interface Saved {
  demo: string;
  data: {
    ops: { backend: string; op: string; size: number; gflops: number; wallMs: number }[];
    train: { backend: string; eagerKernels: number; fusedKernels: number; gradientGap: number }[];
    failed: { backend: string; message: string }[];
    backends: { backend: string; where: string; totalMs: number }[];
  };
}

async function savedJson(page: Page, demo: Locator): Promise<{ text: string; parsed: Saved }> {
  const pending = page.waitForEvent('download');
  await demo.locator('button[data-action="export-json"]').click();
  const text = readFileSync((await (await pending).path())!, 'utf8');
  return { text, parsed: JSON.parse(text) as Saved };
}

/** Records main-thread long tasks from the start of the page. */
function watchLongTasks(): void {
  const durations: number[] = [];
  (window as unknown as { longTasks: number[] }).longTasks = durations;
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => durations.push(entry.duration))).observe({ type: 'longtask', buffered: true });
}

test.use({ contextOptions: { reducedMotion: 'reduce' } });

// @serial: timed (suite time, longest main-thread task), so `npm test` runs it alone.
test('the whole suite on WebAssembly finishes within 30 s in a worker, and the page stays responsive', { tag: '@serial' }, async ({ page }) => {
  test.setTimeout(150_000);
  await page.addInitScript(watchLongTasks);
  const demo = await openDemo(page, `${PAGE}?backend=wasm#backend-bench.backends=page`, 'backend-bench');
  await expect(demo).toHaveAttribute('data-status', 'paused', { timeout: 60_000 });
  const before = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.length);
  await demo.locator('button[data-action="play"]').click();
  await expect(demo).toHaveAttribute('data-status', 'done', SUITE);
  const { parsed } = await savedJson(page, demo);
  const [wasm] = parsed.data.backends;
  expect(wasm).toMatchObject({ backend: 'wasm', where: 'worker' });
  expect(wasm!.totalMs, 'suite time on wasm (a loaded 2-core machine)').toBeLessThan(30_000);
  const matmul = parsed.data.ops.filter((r) => r.op === 'matmul').map((r) => r.size);
  expect(matmul.slice(0, 4)).toEqual([64, 128, 256, 512]);
  for (const r of parsed.data.ops) expect(r.gflops, `${r.op} ${r.size}`).toBeGreaterThan(0.01);
  expect(parsed.data.ops.some((r) => r.op === 'alexnet' && r.size === 227)).toBe(true);
  const [step] = parsed.data.train;
  expect(step!.fusedKernels).toBeLessThan(step!.eagerKernels);
  expect(step!.gradientGap).toBeLessThan(1e-4);
  await expect(demo.locator('[data-summary]')).toContainText(/^Done\. WebAssembly: matmul peaks at [\d.]+ GFLOP\/s \(n = \d+\); training step/);
  await expect(demo.locator('[data-op-rows] tr')).toHaveCount(matmul.length);
  await expect(demo.locator('[data-notes]')).toContainText('WebAssembly computed on the processor.');
  // The measuring ran in the worker: the page's own tasks stayed short (loaded machine: some slack).
  const tasks = await page.evaluate((from) => (window as unknown as { longTasks: number[] }).longTasks.slice(from), before);
  expect(Math.max(0, ...tasks), 'longest main-thread task while measuring, ms').toBeLessThan(500);
  // The chart shows the other ops when asked, without measuring again.
  await demo.getByLabel('Chart').selectOption('alexnet');
  await expect(demo.locator('[data-op-caption]')).toContainText('AlexNet conv1');
  await expect(demo.locator('[data-op-rows] tr')).toHaveCount(parsed.data.ops.filter((r) => r.op === 'alexnet').length);
  await expect(demo).toHaveAttribute('data-tensors', '0');
});

test('sizes out of range are refused with a message and the run uses what it can', async ({ page }) => {
  test.setTimeout(120_000);
  const demo = await openDemo(page, `${PAGE}?backend=wasm#backend-bench.backends=page&backend-bench.largest=4096&backend-bench.repeats=1`, 'backend-bench');
  await expect(demo).toHaveAttribute('data-status', 'paused', { timeout: 60_000 });
  // The link's values were clamped into range before the run saw them.
  const largest = demo.getByLabel('Largest matrix n', { exact: true });
  await expect(largest).toHaveValue('2048');
  await expect(demo.getByLabel('Timed runs per size', { exact: true })).toHaveValue('3');
  const message = demo.locator('[data-message]');
  await largest.fill('4096');
  await largest.press('Enter');
  await expect(message).toContainText('Largest matrix n: 4096 is outside 64 to 2048; using 2048.');
  await expect(largest).toHaveValue('2048');
  await expect(demo).toHaveAttribute('data-status', 'paused', { timeout: 60_000 });
  await largest.fill('300');
  await largest.press('Enter');
  await expect(message).toContainText('Matrix sizes run in powers of two: up to 256 (largest 300).', { timeout: 60_000 });
  await largest.fill('0');
  await largest.press('Enter');
  await expect(message).toContainText('Largest matrix n: 0 is outside 64 to 2048; using 64.');
  await expect(demo).toHaveAttribute('data-status', 'paused', { timeout: 60_000 });
  await demo.locator('button[data-action="step"]').click();
  await expect(demo.locator('[data-op-rows] tr')).toHaveCount(1, { timeout: 30_000 });
  await expect(demo.locator('[data-op-rows] tr')).toContainText('matmul 64×64');
  await expect(demo).not.toHaveAttribute('data-status', 'error');
});

test('a saved run reads back and is drawn beside this one; a wrong file is refused', async ({ page }) => {
  test.setTimeout(120_000);
  const demo = await openDemo(page, `${PAGE}?backend=wasm#backend-bench.backends=page&backend-bench.largest=128&backend-bench.repeats=3`, 'backend-bench');
  await expect(demo).toHaveAttribute('data-status', 'paused', { timeout: 60_000 });
  for (let i = 0; i < 2; i++) {
    await demo.locator('button[data-action="step"]').click();
    await expect(demo.locator('[data-op-rows] tr')).toHaveCount(i + 1, { timeout: 30_000 });
  }
  const { text } = await savedJson(page, demo);
  const input = demo.locator('[data-compare-file]');
  const message = demo.locator('[data-message]');
  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a benchmark') });
  await expect(message).toHaveText('“notes.txt” is not a saved benchmark run: it is not JSON.');
  await input.setInputFiles({ name: 'tsne.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ demo: 'tsne', data: {} })) });
  await expect(message).toHaveText('“tsne.json” is not a saved benchmark run: it was saved by the “tsne” demo.');
  const chart = demo.locator('[data-figure] svg');
  await expect(chart).toHaveAttribute('data-lines', '1');
  // The same run saved twice as two machines' files: drawn dashed and dotted, compared in one sentence.
  await input.setInputFiles([{ name: 'laptop.json', mimeType: 'application/json', buffer: Buffer.from(text) }, { name: 'desktop.json', mimeType: 'application/json', buffer: Buffer.from(text) }]);
  await expect(chart).toHaveAttribute('data-lines', '3');
  await expect(demo.locator('[data-compare-summary]')).toHaveText(/^desktop\.json against laptop\.json: 1\.00× the throughput overall \(geometric mean over 2 measurements in both\)/);
  await demo.locator('[data-compare-clear]').click();
  await expect(chart).toHaveAttribute('data-lines', '1');
  await expect(demo).not.toHaveAttribute('data-status', 'error');
});

/** In the page, before its scripts: the wasm benchmark worker reports its fourth measurement (after matmul 64, 128 and the training step) as failed. */
function failWasmMidway(): void {
  const Native = window.Worker;
  window.Worker = class extends Native {
    backend = '';
    measured = 0;
    override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
      const m = message as { kind?: string; backend?: string; id?: number; request?: Record<string, unknown> };
      if (m.kind === 'init') this.backend = m.backend ?? '';
      if (m.kind === 'request' && this.backend === 'wasm' && m.request && !('describe' in m.request) && ++this.measured === 4) {
        const failed = { kind: 'failed', id: m.id, name: 'Error', message: 'the test made this backend fail', tensors: 0 };
        setTimeout(() => this.onmessage?.(new MessageEvent('message', { data: failed })));
        return;
      }
      super.postMessage(message, transfer as Transferable[]);
    }
  };
}

test('a backend that fails mid-benchmark keeps its results and the next backend still runs', async ({ page }) => {
  test.setTimeout(150_000);
  await page.addInitScript(failWasmMidway);
  const demo = await openDemo(page, `${PAGE}?backend=wasm#backend-bench.backends=wasm-cpu&backend-bench.largest=128&backend-bench.repeats=3&backend-bench.budget=5`, 'backend-bench');
  await expect(demo).toHaveAttribute('data-status', 'paused', { timeout: 60_000 });
  await demo.locator('button[data-action="play"]').click();
  await expect(demo).toHaveAttribute('data-status', 'done', SUITE);
  const { parsed } = await savedJson(page, demo);
  expect(parsed.data.failed).toEqual([{ backend: 'wasm', message: 'WebAssembly failed at VGG 3×3 conv on 14×14: the test made this backend fail' }]);
  expect(parsed.data.ops.filter((r) => r.backend === 'wasm').map((r) => r.size)).toEqual([64, 128]);
  expect(parsed.data.train.map((t) => t.backend)).toContain('wasm');
  expect(parsed.data.ops.filter((r) => r.backend === 'cpu').length).toBeGreaterThanOrEqual(2);
  await expect(demo.locator('[data-notes]')).toContainText('WebAssembly failed at VGG 3×3 conv on 14×14');
  await expect(demo.locator('[data-summary]')).toContainText('1 failed');
  await expect(demo).toHaveAttribute('data-backend', 'wasm');
});
