/**
 * The contract every demo keeps, on every backend forced with ?backend= (WebGPU and WebGL run on
 * SwiftShader here): it loads on the forced backend (data-backend), reaches data-status running,
 * holds an exact tensor count over repeated work, reads its settings from the URL hash and writes
 * them back, and exports PNG, SVG, CSV and JSON. What each demo computes is checked on wasm in
 * its own spec; this file only holds what all of them share.
 *
 * Each test opens the demo's page with every other demo removed before it can start (tfjs keeps
 * one tensor count for the page, so a neighbour loading would move it), and with reduced motion,
 * so the demo waits, paused, for Play or Step: the work done is exactly the work the test asks for.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, idleTensorCount, isolateDemo, test } from './fixtures.ts';
import { DEMOS, type DemoCase } from './demo-cases.ts';

const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
/** Steps after the first (whose tensors, lazily built state, may stay): one more leaking even one tensor fails. */
const STEPS = 1;
/** Loading tfjs, data and weights on SwiftShader on a busy 2-core machine takes a while. */
const SLOW = { timeout: 90_000 };

interface DemoLog {
  /** Every data-status the demo went through, in order. */
  statuses: string[];
  /** How many times data-busy went away (an advance or tracked computation ended). */
  settled: number;
}

declare global {
  interface Window {
    demoLog?: Record<string, DemoLog>;
  }
}

/** In the page, before its scripts: logs the contract attributes of every demo. */
function logDemos(): void {
  const log: Record<string, DemoLog> = {};
  window.demoLog = log;
  new MutationObserver((records) => {
    records.forEach((record, i) => {
      const element = record.target as HTMLElement;
      const id = element.dataset['demo'];
      const name = record.attributeName;
      if (!id || !name) return;
      // Records come in batches: the value a record set is the next record's old value, or the current one.
      const next = records.slice(i + 1).find((r) => r.target === element && r.attributeName === name);
      const value = next ? next.oldValue : element.getAttribute(name);
      const entry = (log[id] ??= { statuses: [], settled: 0 });
      if (name === 'data-status' && value !== null && value !== record.oldValue) entry.statuses.push(value);
      if (name === 'data-busy' && record.oldValue !== null && value === null) entry.settled++;
    });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-status', 'data-busy'], attributeOldValue: true });
}

async function demoLog(page: Page, id: string): Promise<DemoLog> {
  return page.evaluate((key) => window.demoLog?.[key] ?? { statuses: [], settled: 0 }, id);
}

/** Presses Step and waits until that step's advance has ended. */
async function step(page: Page, demo: Locator, id: string): Promise<void> {
  const before = (await demoLog(page, id)).settled;
  await demo.locator('button[data-action="step"]').click();
  await expect.poll(async () => (await demoLog(page, id)).settled, SLOW).toBeGreaterThan(before);
}

/** Presses Play on a finished demo ("Run again") and waits until it has finished again. */
async function runAgain(page: Page, demo: Locator, id: string): Promise<void> {
  const done = (await demoLog(page, id)).statuses.filter((s) => s === 'done').length;
  await demo.locator('button[data-action="play"]').click();
  await expect.poll(async () => (await demoLog(page, id)).statuses.filter((s) => s === 'done').length, SLOW).toBeGreaterThan(done);
}

/** Clicks an export button and returns the download's name and bytes. */
async function exported(page: Page, demo: Locator, action: string): Promise<{ name: string; bytes: Buffer }> {
  const pending = page.waitForEvent('download');
  await demo.locator(`button[data-action="${action}"]`).click();
  const file = await pending;
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

async function checkExports(page: Page, demo: Locator, id: string, backend: string, settings: Record<string, string>): Promise<void> {
  const png = await exported(page, demo, 'export-png');
  expect(png.name).toBe(`${id}.png`);
  expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const svg = await exported(page, demo, 'export-svg');
  expect(svg.name).toBe(`${id}.svg`);
  // Only the head: a failure would print megabytes of inline images otherwise.
  expect(svg.bytes.toString().slice(0, 2000)).toMatch(/^(<\?xml[^>]*>\s*)?<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const csv = await exported(page, demo, 'export-csv');
  expect(csv.name).toBe(`${id}.csv`);
  const lines = csv.bytes.toString().trim().split('\n');
  expect(lines[0]).toMatch(/^"[^"]+"(,"[^"]+")*$/);
  expect(lines.length).toBeGreaterThan(1);
  const json = await exported(page, demo, 'export-json');
  expect(json.name).toBe(`${id}.json`);
  const parsed = JSON.parse(json.bytes.toString()) as { demo: string; backend: string; settings: Record<string, unknown>; data: unknown };
  expect(parsed).toMatchObject({ demo: id, backend });
  // The settings travel with the data, as the URL gave them.
  for (const [key, value] of Object.entries(settings)) expect(String(parsed.settings[key]), key).toBe(value);
  expect(parsed.data).toBeTruthy();
}

/** Sets a control as the reader's change would (also for one inside a closed <details>). */
async function change(demo: Locator, key: string, value: string): Promise<void> {
  await demo.locator(`[data-setting="${key}"]`).evaluate((control: HTMLInputElement | HTMLSelectElement, v) => {
    control.value = v;
    control.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** The idle tensor count, which the element must actually show. */
async function tensorCount(demo: Locator): Promise<number> {
  const count = await idleTensorCount(demo);
  await expect(demo).toHaveAttribute('data-tensors', /^\d+$/);
  return count;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.use({ contextOptions: { reducedMotion: 'reduce' } });
// Each case opens its own page and shares nothing with the others: Playwright may spread them over its workers.
test.describe.configure({ mode: 'parallel' });

for (const backend of BACKENDS) {
  // `npm run test:quick` runs wasm only.
  test.describe(`on ${backend}`, { tag: backend === 'wasm' ? [] : ['@other-backends'] }, () => {
    for (const c of DEMOS) {
      test(`${c.id}: status, backend, exact tensor count, URL round-trip, exports`, async ({ page }) => {
        test.fixme(c.knownGaps?.[backend] !== undefined, c.knownGaps?.[backend]);
        test.setTimeout(180_000);
        await contract(page, c, backend);
      });
    }
  });
}

async function contract(page: Page, c: DemoCase, backend: string): Promise<void> {
  const { id } = c;
  const [key, fromLink] = c.fromLink;
  const demo = page.locator(`[data-demo="${id}"]`);

  await test.step('loads paused on the forced backend, with the setting from the link', async () => {
    await page.addInitScript(isolateDemo, id);
    await page.addInitScript(logDemos);
    await page.goto(`${c.page}?backend=${backend}#${[c.hash, `${id}.${key}=${fromLink}`].filter(Boolean).join('&')}`);
    expect(await page.locator('[data-demo]').evaluateAll((all) => all.map((e) => e.getAttribute('data-demo')))).toEqual([id]);
    await demo.scrollIntoViewIfNeeded();
    // Reduced motion: ready, then waiting for the reader.
    await expect(demo).toHaveAttribute('data-status', 'paused', SLOW);
    await expect(demo).toHaveAttribute('data-backend', backend);
    await expect(demo.locator(`[data-setting="${key}"]`)).toHaveValue(fromLink);
  });

  if (c.work === 'steps') {
    await test.step(`steps ${1 + STEPS} times with an exact tensor count, then runs`, async () => {
      // The first step may build state that stays (an optimizer's slots); later steps add nothing.
      await step(page, demo, id);
      const before = await tensorCount(demo);
      for (let i = 0; i < STEPS; i++) await step(page, demo, id);
      expect(await tensorCount(demo), `tensors after ${STEPS} more steps`).toBe(before);
      // Played, it runs; paused in the same task as the check, so it cannot finish in between.
      await demo.locator('button[data-action="play"]').click();
      await expect.poll(async () => (await demoLog(page, id)).statuses, SLOW).toContain('running');
      await demo.evaluate((element: HTMLElement) => {
        if (element.dataset['status'] === 'running') element.querySelector<HTMLButtonElement>('button[data-action="play"]')?.click();
      });
      await expect(demo).toHaveAttribute('data-status', /^(paused|done)$/);
      await idleTensorCount(demo);
    });
  } else {
    await test.step('runs to the end, and again with an exact tensor count', async () => {
      await demo.locator('button[data-action="play"]').click();
      await expect.poll(async () => (await demoLog(page, id)).statuses, SLOW).toContain('done');
      expect((await demoLog(page, id)).statuses).toContain('running');
      const before = await tensorCount(demo);
      await runAgain(page, demo, id);
      expect(await tensorCount(demo), 'tensors after running again').toBe(before);
    });
  }
  await expect(demo).toHaveAttribute('data-backend', backend);
  // The backend's numbers agree with the demo's own reference, where it has one.
  if (c.agrees) await expect(demo.locator(c.agrees).first()).toBeAttached();

  await test.step('exports PNG, SVG, CSV and JSON', () => checkExports(page, demo, id, backend, { [key]: fromLink }));

  await test.step('writes a changed setting into the link', async () => {
    await change(demo, key, c.changeTo);
    await expect(page).toHaveURL(new RegExp(`[#&]${escape(id)}\\.${escape(key)}=${escape(c.changeTo)}(&|$)`));
    // The run takes the change and settles before the page closes (no GPU work left queued).
    await expect(demo).toHaveAttribute('data-status', /^(paused|done)$/, SLOW);
    await idleTensorCount(demo);
    await expect(demo).not.toHaveAttribute('data-status', 'error');
  });
}
