/**
 * The installable, offline site. Wraps @vite-pwa/astro (vite-plugin-pwa, Workbox's generateSW):
 * the web app manifest and a service worker generated after each build that precaches every page,
 * the search index and the site's scripts (offline-plan.ts), and caches demo code, wasm, MNIST and
 * weights when first used (cache first: they never change under one name, see offline-files.ts).
 * A new build's worker waits until the reader accepts the update (register.ts), so a page never
 * mixes versions. Nothing of this runs under `astro dev` (see dev-service-worker.ts).
 *
 * Hooks: config:setup adds @vite-pwa/astro (after this integration, so its build:done, which
 * writes the worker, runs after ours, which writes offline/files.json and the not-downloaded module
 * that the worker precaches).
 */
import AstroPWA, { type PwaOptions } from '@vite-pwa/astro';
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devServiceWorker } from './dev-service-worker.ts';
import {
  CODE_CACHE,
  DATA_CACHE_PREFIX,
  NOT_DOWNLOADED_MESSAGE,
  NOT_DOWNLOADED_MODULE,
  OFFLINE_INDEX,
  THEME_COLORS,
  type OfflineIndex,
} from './offline-files.ts';
import { listFiles, planOffline, type IsDemoScript, type OfflinePlan } from './offline-plan.ts';

export interface OfflineSiteOptions {
  /** Off for benchmark builds: a worker precaching 20 MB in the background would skew their timings. */
  enabled: boolean;
}

/** A short hash of every file under the given folders: a new one when any MNIST or weights file changes. */
function hashFolders(folders: string[]): string {
  const hash = createHash('sha256');
  for (const folder of folders.filter((f) => existsSync(f))) {
    for (const file of listFiles(folder).sort()) hash.update(file).update(readFileSync(join(folder, file)));
  }
  return hash.digest('hex').slice(0, 10);
}

/** The demo shells' scripts (components/demos/X.astro becomes _astro/X.astro_astro_type_script…) and the shared demo element. */
function demoScripts(root: string): IsDemoScript {
  const shells = readdirSync(join(root, 'components/demos')).filter((f) => f.endsWith('.astro')).map((f) => f.slice(0, -'.astro'.length));
  const pattern = new RegExp(`^_astro/(demo-element\\.|(${shells.join('|')})\\.astro_astro_type_script)`);
  return (path) => pattern.test(path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function pwaOptions(base: string, outDir: string, dataCache: string, plan: () => OfflinePlan): PwaOptions {
  const at = escapeRegExp(base);
  return {
    registerType: 'prompt',
    // register.ts registers the worker itself: workbox-window would not fit the pages' script budget.
    injectRegister: false,
    manifest: {
      id: base,
      name: 'CS231n, interactive notes',
      short_name: 'CS231n notes',
      description: 'The CS231n (Stanford, Spring 2017) notes with live demos, references and study progress, readable offline.',
      lang: 'en',
      start_url: base,
      scope: base,
      display: 'standalone',
      background_color: THEME_COLORS.light,
      theme_color: THEME_COLORS.light,
      // Relative to the manifest, so they follow the base path.
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globDirectory: outDir,
      globPatterns: ['**/*'],
      // Not hashed for the manifest at all: never precached (the plan decides the rest).
      globIgnores: ['data/**', 'models/**', '**/*.{ttf,woff,xml,txt}'],
      manifestTransforms: [async (entries) => ({ manifest: entries.filter((entry) => plan().precache.has(entry.url)), warnings: [] })],
      // The largest notes pages are about 1.2 MB of HTML.
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      // Every page is precached: no single-page-app fallback (it would answer every URL with the home page).
      navigateFallback: null,
      directoryIndex: 'index.html',
      // Query strings only carry state for scripts (?q= of the references search, ?backend=): a page is the same file.
      ignoreURLParametersMatching: [/./],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: false,
      // Each route matches URLs without a query only: the download button's requests (DOWNLOAD_QUERY) pass through.
      runtimeCaching: [
        {
          urlPattern: new RegExp(`${at}_astro/[^/]+\\.js$`),
          handler: 'CacheFirst',
          options: {
            cacheName: CODE_CACHE,
            cacheableResponse: { statuses: [200] },
            // Offline, demo code never fetched answers with a module that throws a readable message.
            precacheFallback: { fallbackURL: `${base}${NOT_DOWNLOADED_MODULE}` },
          },
        },
        { urlPattern: new RegExp(`${at}_astro/[^/]+\\.wasm$`), handler: 'CacheFirst', options: { cacheName: CODE_CACHE, cacheableResponse: { statuses: [200] } } },
        { urlPattern: new RegExp(`${at}(?:data|models)/[^?]+$`), handler: 'CacheFirst', options: { cacheName: dataCache, cacheableResponse: { statuses: [200] } } },
      ],
    },
  };
}

function writeOfflineFiles(dist: string, plan: OfflinePlan, dataCache: string): void {
  const index: OfflineIndex = { version: 1, caches: { code: CODE_CACHE, data: dataCache }, files: plan.onDemand };
  const indexPath = join(dist, OFFLINE_INDEX);
  mkdirSync(dirname(indexPath), { recursive: true });
  writeFileSync(indexPath, `${JSON.stringify(index)}\n`);
  writeFileSync(join(dist, NOT_DOWNLOADED_MODULE), `throw new Error(${JSON.stringify(NOT_DOWNLOADED_MESSAGE)});\n`);
  plan.precache.add(OFFLINE_INDEX).add(NOT_DOWNLOADED_MODULE);
}

export function offlineSite({ enabled }: OfflineSiteOptions): AstroIntegration {
  let base = '/';
  let dist = '';
  let dataCache = '';
  let isDemoScript: IsDemoScript = () => false;
  let plan: OfflinePlan | undefined;
  const currentPlan = () => (plan ??= planOffline(dist, base, isDemoScript));
  return {
    name: 'cs231n:offline-site',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        dist = fileURLToPath(config.outDir);
        isDemoScript = demoScripts(fileURLToPath(config.root));
        const publicDir = fileURLToPath(config.publicDir);
        dataCache = `${DATA_CACHE_PREFIX}${hashFolders([join(publicDir, 'data'), join(publicDir, 'models')])}`;
        updateConfig({ vite: { define: { 'import.meta.env.OFFLINE_SITE': JSON.stringify(enabled) } } });
        if (enabled) updateConfig({ integrations: [AstroPWA(pwaOptions(base, dist, dataCache, currentPlan))] });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(devServiceWorker(base));
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!enabled) return;
        dist = fileURLToPath(dir);
        plan = planOffline(dist, base, isDemoScript);
        writeOfflineFiles(dist, plan, dataCache);
        const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
        const onDemand = plan.onDemand.reduce((sum, file) => sum + file.bytes, 0);
        logger.info(`offline: ${plan.precache.size} files precached, ${plan.onDemand.length} on demand (${megabytes(onDemand)})`);
      },
    },
  };
}
