import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { planOffline } from '../../src/offline/offline-plan.ts';

let dist = '';
afterEach(() => rmSync(dist, { recursive: true, force: true }));

/** A small build under `base`, shaped like Astro's: pages, hashed scripts, a demo shell and its lazy code. */
function build(base: string): string {
  dist = mkdtempSync(join(tmpdir(), 'offline-plan-'));
  const files: Record<string, string> = {
    'index.html': `<script type="module" src="${base}_astro/page.A1.js"></script><script type="module" src="${base}_astro/Search.astro_astro_type_script_index_0_lang.B2.js"></script>`,
    'notes/lecture-05/index.html': `<script type="module" src="${base}_astro/CnnViewer.astro_astro_type_script_index_0_lang.C3.js"></script><script type="module">import"${base}_astro/inline-dep.D4.js";</script>`,
    '404.html': '',
    '_astro/page.A1.js': 'import{a as b}from"./shared.E5.js";b();',
    '_astro/shared.E5.js': 'export const a=()=>1;',
    '_astro/Search.astro_astro_type_script_index_0_lang.B2.js': 'const x=()=>import("./ui-core.F6.js");',
    '_astro/ui-core.F6.js': 'import"./ui-dep.G7.js";',
    '_astro/ui-dep.G7.js': '',
    '_astro/inline-dep.D4.js': '',
    '_astro/CnnViewer.astro_astro_type_script_index_0_lang.C3.js': 'import{D as e}from"./demo-element.H8.js";const r=()=>__vitePreload(()=>import("./run.I9.js"),__vite__mapDeps([0]));',
    '_astro/demo-element.H8.js': 'export class D{};const t=()=>import("./tfjs.J0.js");',
    '_astro/run.I9.js': 'import"./tfjs.J0.js";',
    '_astro/tfjs.J0.js': 'x'.repeat(1000),
    '_astro/tfjs-backend-wasm.K1.wasm': 'w'.repeat(300),
    '_astro/site.L2.css': '',
    '_astro/KaTeX_Main-Regular.M3.woff2': '',
    '_astro/KaTeX_Main-Regular.M3.woff': '',
    '_astro/KaTeX_Main-Regular.M3.ttf': '',
    'pagefind/pagefind.js': '',
    'pagefind/pagefind-ui.js': '',
    'pagefind/pagefind-component-ui.js': '',
    'pagefind/wasm.en.pagefind': '',
    'pagefind/wasm.unknown.pagefind': '',
    'pagefind/fragment/en_1.pf_fragment': '',
    'data/mnist/images.bin': 'i'.repeat(500),
    'models/mnist-cnn/model.json': '{}',
    'favicon.svg': '',
    'references.bib': '',
    'sitemap-0.xml': '',
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), content);
  }
  return dist;
}

const isDemoScript = (path: string) => /^_astro\/(demo-element\.|CnnViewer\.astro_astro_type_script)/.test(path);

describe.each(['/', '/cs231n/'])('the offline plan of a build under %s', (base) => {
  test('precaches pages, styles, woff2, search and every script outside the demos, with what it imports', () => {
    const plan = planOffline(build(base), base, isDemoScript);
    expect([...plan.precache].sort()).toEqual([
      '404.html',
      '_astro/CnnViewer.astro_astro_type_script_index_0_lang.C3.js',
      '_astro/KaTeX_Main-Regular.M3.woff2',
      '_astro/Search.astro_astro_type_script_index_0_lang.B2.js',
      '_astro/demo-element.H8.js',
      '_astro/inline-dep.D4.js',
      '_astro/page.A1.js',
      '_astro/shared.E5.js',
      '_astro/site.L2.css',
      '_astro/ui-core.F6.js',
      '_astro/ui-dep.G7.js',
      'favicon.svg',
      'index.html',
      'notes/lecture-05/index.html',
      'pagefind/fragment/en_1.pf_fragment',
      'pagefind/pagefind-ui.js',
      'pagefind/pagefind.js',
      'pagefind/wasm.en.pagefind',
      'references.bib',
    ]);
  });

  test('leaves the demos\' lazy code, wasm, MNIST and models for later, with their sizes', () => {
    const plan = planOffline(build(base), base, isDemoScript);
    expect(plan.onDemand.sort((a, b) => a.url.localeCompare(b.url))).toEqual([
      { url: '_astro/run.I9.js', bytes: 21, cache: 'code' },
      { url: '_astro/tfjs-backend-wasm.K1.wasm', bytes: 300, cache: 'code' },
      { url: '_astro/tfjs.J0.js', bytes: 1000, cache: 'code' },
      { url: 'data/mnist/images.bin', bytes: 500, cache: 'data' },
      { url: 'models/mnist-cnn/model.json', bytes: 2, cache: 'data' },
    ]);
  });
});
