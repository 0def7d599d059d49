// Shared by the scripts that drive pages of the benchmark build (train-cnn, bench-cnn,
// train-generative): builds the site with BENCH=1 into dist-bench/ (unless SKIP_BUILD is set),
// serves it, and drives a page of it.
import { spawn, spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

export function buildBench() {
  if (process.env.SKIP_BUILD) return;
  const build = spawnSync('npx', ['astro', 'build', '--outDir', 'dist-bench'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, BENCH: '1', BASE_PATH: '', ASTRO_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Serves dist-bench/ on `port`; resolves with the origin and a stop function once it answers. */
export async function serveBench(port) {
  const server = spawn('node', ['scripts/serve.mjs', 'dist-bench'], { env: { ...process.env, PORT: String(port), BASE_PATH: '' }, stdio: 'ignore' });
  const origin = `http://localhost:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${origin}/`)).status < 500) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { origin, stop: () => server.kill() };
}

/**
 * Builds and serves the benchmark build, opens `path` in headless Chromium, passes the page's
 * console.log lines (and errors) to `log`, and resolves with the JSON result the page publishes
 * in #status (src/bench/page-harness.ts). `describe(chromiumVersion)` gives the first log line.
 */
export async function driveBenchPage(path, { port, log, describe }) {
  buildBench();
  const { origin, stop } = await serveBench(port);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'log') log(message.text());
      if (message.type() === 'error') log(`browser error: ${message.text()}`);
    });
    log(describe(browser.version()));
    await page.goto(`${origin}${path}`);
    await page.waitForSelector('#status[data-done]', { timeout: 3_600_000 });
    const text = (await page.textContent('#status')) ?? '';
    if ((await page.getAttribute('#status', 'data-done')) !== 'ok') throw new Error(text);
    return JSON.parse(text);
  } finally {
    await browser.close();
    stop();
  }
}
