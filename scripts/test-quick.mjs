#!/usr/bin/env node
// `npm run test:quick`, the inner loop: types, unit tests, one build at /, and the end-to-end tests
// on wasm only (no crawl, no other backend: `npm test` runs those).
import { runSteps } from './run-steps.mjs';

runSteps([
  // astro check type-checks every file tsconfig includes (.astro, .ts in src, tests, scripts): tsc would repeat it.
  ['Type check: astro check', 'npx', ['astro', 'check'], {}],
  ['Unit and build-failure tests (Vitest)', 'npx', ['vitest', 'run'], {}],
  ['Build at /', 'npx', ['astro', 'build'], { BASE_PATH: '', SITE: '' }],
  ['End-to-end tests on wasm (Playwright, Chromium)', 'npx', ['playwright', 'test', '--grep-invert', '@crawl|@other-backends|@serial', '--workers', '2'], { BASE_PATH: '', DIST_DIR: 'dist', SITE: '' }],
]);
