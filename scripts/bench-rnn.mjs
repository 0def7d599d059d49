#!/usr/bin/env node
// `npm run bench:rnn`: how fast the char-RNN learns the notes in the page (issue #14 goals on
// wasm, 2 cores: an LSTM 1×128 at <= 2.2 held-out bits/char within 3 minutes of training, and with
// --long a 2×128 at <= 2.0 within 10 minutes). In headless Chromium on the BENCH=1 build:
//   engine: the demo's trainer on the page /bench/rnn/ (bits/char on the whole held-out part
//           against training time, characters per second, the first sample's latency);
//   demo:   the char-rnn demo in Lecture 10 as a reader sees it: its first sample's latency,
//           its characters per second and the longest main-thread task while it trains (WATCH_S).
// Both train with the demo's default settings (the bench page reads the rest from the demo's spec);
// SETTINGS adds demo settings by their names, as in the demo's URL hash (e.g. SETTINGS='lr=0.03&decay=none').
// --long-only: the 2×128 alone, without the 1×128 and the demo watch.
// Env: BACKENDS (default wasm), SKIP_BUILD=1, PORT (default 4437), SEED (default 1), BUDGET (s), SETTINGS.
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { buildBench, serveBench } from './bench-server.mjs';

const BACKENDS = (process.env.BACKENDS ?? 'wasm').split(',');
const SEED = Number(process.env.SEED ?? 1);
const WATCH_S = Number(process.env.WATCH_S ?? 30);
const SETTINGS = process.env.SETTINGS ? `&${process.env.SETTINGS}` : '';
const longOnly = process.argv.includes('--long-only');
const runs = longOnly ? [] : [{ name: 'lstm-1x128', query: `layers=1&hidden=128&budget=${process.env.BUDGET ?? 180}&goal=2.2${SETTINGS}` }];
if (longOnly || process.argv.includes('--long')) runs.push({ name: 'lstm-2x128', query: `layers=2&hidden=128&budget=${process.env.BUDGET ?? 600}&goal=2.0&every=60${SETTINGS}` });

buildBench();
const { origin, stop } = await serveBench(Number(process.env.PORT ?? 4437));
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const results = {};
const loadBefore = loadavg()[0];
try {
  for (const backend of BACKENDS) {
    const entry = (results[backend] = { engine: {}, demo: null });
    for (const run of runs) {
      const page = await browser.newPage();
      page.on('console', (message) => message.type() === 'log' && console.error(`[${backend} ${run.name}] ${message.text()}`));
      try {
        await page.goto(`${origin}/bench/rnn/?backend=${backend}&seed=${SEED}&${run.query}`);
        await page.waitForSelector('#status[data-done]', { timeout: 3_600_000 });
        const text = (await page.textContent('#status')) ?? '';
        if ((await page.getAttribute('#status', 'data-done')) !== 'ok') throw new Error(text);
        entry.engine[run.name] = JSON.parse(text);
      } catch (error) {
        entry.engine[run.name] = { error: String(error.message ?? error).split('\n')[0] };
      }
      await page.close();
    }
    if (longOnly) continue;
    const page = await browser.newPage();
    try {
      entry.demo = await watchDemo(page, backend);
    } catch (error) {
      entry.demo = { error: String(error.message ?? error).split('\n')[0] };
    }
    await page.close();
  }
} finally {
  await browser.close();
  stop();
}

console.log(JSON.stringify({
  machine: { cores: cpus().length, cpu: cpus()[0]?.model, chromium: browser.version(), loadAverageBefore: loadBefore, loadAverageAfter: loadavg()[0] },
  goals: { 'lstm-1x128': '<= 2.2 held-out bits/char within 180 s of training on wasm', 'lstm-2x128': '<= 2.0 within 600 s (run with --long)' },
  settings: SETTINGS || 'the demo\'s defaults',
  results,
}, null, 2));

/** The demo in Lecture 10 with its default model: first sample, throughput, long tasks while it trains. */
async function watchDemo(page, backend) {
  await page.goto(`${origin}/notes/lecture-10-recurrent-neural-networks/?backend=${backend}#char-rnn.seed=${SEED}`, { waitUntil: 'networkidle' });
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask' });
  });
  const demo = page.locator('[data-demo="char-rnn"]');
  await demo.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-demo="char-rnn"]')?.getAttribute('data-status') === 'running', undefined, { timeout: 120_000 });
  const runningAt = await page.evaluate(() => performance.now());
  await page.waitForTimeout(WATCH_S * 1000);
  return {
    firstSampleMs: Number(await demo.getAttribute('data-first-sample-ms')),
    trainsIn: await demo.getAttribute('data-trains-in'),
    summaryAfterSeconds: WATCH_S,
    summary: await demo.locator('[data-summary]').textContent(),
    longestTaskWhileTrainingMs: await page.evaluate((from) => Math.round(Math.max(0, ...window.__tasks.filter(([start]) => start >= from).map(([, d]) => d))), runningAt),
  };
}
