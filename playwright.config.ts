import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

// The e2e run serves a built folder (DIST_DIR, default dist) under BASE_PATH, as a static host would.
const base = `/${(process.env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const port = Number(process.env.E2E_PORT ?? 4329);
const distDir = process.env.DIST_DIR ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  // One worker unless told (`npm test` runs two, and the timed @serial tests alone).
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://localhost:${port}${base}`,
    // The site's service worker would precache ~20 MB in every test's fresh browser context and
    // answer requests before page.route sees them: only the offline specs allow it (test.use).
    serviceWorkers: 'block',
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
  },
  webServer: {
    command: `node scripts/serve.mjs ${distDir}`,
    url: `http://localhost:${port}${base}`,
    env: { PORT: String(port), BASE_PATH: base },
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
