#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure.
//   types (astro check: .astro and .ts) -> unit and build-failure tests (Vitest) -> build at / -> e2e (Playwright:
//   each demo on wasm, the demo contract on all four backends, the rest of the site, the crawl of every
//   page) at / -> the timed e2e tests alone -> build under a sub-path for a named SITE -> crawl, link
//   check and @subpath specs under it.
import { runSteps } from './run-steps.mjs';

const SUB_PATH = '/cs231n/';
// The sub-path build also stands for a real deployment: its canonical links and sitemap must name this host.
const SITE = 'https://cs231n.example.org';
runSteps([
  // astro check type-checks every file tsconfig includes (.astro, .ts in src, tests, scripts): tsc would repeat it.
  ['Type check: astro check', 'npx', ['astro', 'check'], {}],
  ['Unit and build-failure tests (Vitest)', 'npx', ['vitest', 'run'], {}],
  ['Build at /', 'npx', ['astro', 'build'], { BASE_PATH: '', SITE: '' }],
  // Two workers (the demo contract's cases spread over both): on 2 cores the e2e and crawl at / took 17 min,
  // against 29 in one worker. Timed tests (@serial) then run alone.
  ['End-to-end tests and crawl at / (Playwright, Chromium, 2 workers)', 'npx', ['playwright', 'test', '--grep-invert', '@serial', '--workers', '2'], { BASE_PATH: '', DIST_DIR: 'dist', SITE: '' }],
  ['Timed end-to-end tests at / (one worker)', 'npx', ['playwright', 'test', '--grep', '@serial', '--workers', '1'], { BASE_PATH: '', DIST_DIR: 'dist', SITE: '' }],
  [`Build under ${SUB_PATH} for ${SITE}`, 'npx', ['astro', 'build', '--outDir', 'dist-subpath'], { BASE_PATH: SUB_PATH, SITE }],
  // @subpath: the specs that must also hold under a sub-path (site URL, offline).
  [`Crawl, link check and @subpath specs under ${SUB_PATH}`, 'npx', ['playwright', 'test', '--grep', '@crawl|@subpath', '--workers', '2'], { BASE_PATH: SUB_PATH, DIST_DIR: 'dist-subpath', SITE }],
]);
