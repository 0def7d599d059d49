/**
 * Build time: sorts the built files into what the service worker precaches on first visit and
 * what it caches when first used. Precached: every page, styles, woff2 fonts, images, the
 * bibliography, the search index, and the scripts of everything but the demos: those pages load
 * (with their static imports) and those they import later (the search UI). On demand: the code
 * the demo elements import when a demo starts (engines, tfjs, d3), wasm, MNIST and model weights.
 * Left out: ttf/woff fonts (browsers with service workers use woff2), sitemaps, Pagefind's unused
 * UI variants.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { OfflineCacheKind, OfflineFile } from './offline-files.ts';

export interface OfflinePlan {
  /** Paths relative to the output folder, e.g. "notes/lecture-01-introduction/index.html". */
  precache: Set<string>;
  onDemand: OfflineFile[];
}

/** Which scripts that pages load are demo elements: what they import later is demo code. */
export type IsDemoScript = (path: string) => boolean;

const UNUSED_PAGEFIND = /^pagefind\/(pagefind-(component|modular)-ui\.|pagefind-highlight\.js$|wasm\.unknown\.pagefind$)/;
const PRECACHED_TYPES = /\.(css|woff2|svg|png|jpe?g|webp|ico|bib)$/;
/** Static imports and re-exports in Vite's output: import{a}from"./x.js", import"./y.js", export*from"./z.js". */
const STATIC_IMPORT = /(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;
/** Dynamic imports, and the files Vite preloads with them (listed from the base: "_astro/x.js"). */
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+\.m?js)["']\s*\)/g;
const PRELOAD_LIST = /\.f=\[([^\]]*)\]/g;

export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, path) : [path];
  });
}

/** A script reference as a path in the output folder, or undefined when it is elsewhere. */
function resolveReference(reference: string, from: string, base: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference) || reference.startsWith('//')) return undefined;
  const path = reference.split(/[?#]/)[0] ?? '';
  if (path.startsWith('/')) return path.startsWith(base) ? posix.normalize(path.slice(base.length)) : undefined;
  return posix.normalize(posix.join(posix.dirname(from), path));
}

function referencesInHtml(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const attrs = tag[0];
    if (tag[1] === 'script') found.push(/\ssrc="([^"]+)"/.exec(attrs)?.[1] ?? '');
    else if (/\srel="modulepreload"/.test(attrs)) found.push(/\shref="([^"]+)"/.exec(attrs)?.[1] ?? '');
  }
  for (const inline of html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
    for (const match of (inline[1] ?? '').matchAll(STATIC_IMPORT)) found.push(match[1] ?? '');
  }
  return found.filter(Boolean);
}

interface ScriptImports {
  static: string[];
  dynamic: string[];
}

function importsOf(dist: string, script: string, base: string): ScriptImports {
  const code = readFileSync(join(dist, script), 'utf8');
  const resolve = (reference: string) => resolveReference(reference, script, base);
  const preloaded = [...code.matchAll(PRELOAD_LIST)].flatMap((list) => [...(list[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? ''));
  return {
    static: [...code.matchAll(STATIC_IMPORT)].map((m) => resolve(m[1] ?? '')).filter((p): p is string => p !== undefined),
    dynamic: [
      ...[...code.matchAll(DYNAMIC_IMPORT)].map((m) => resolve(m[1] ?? '')),
      ...preloaded.map((path) => (path.startsWith('/') ? resolve(path) : posix.normalize(path))),
    ].filter((p): p is string => p !== undefined),
  };
}

/**
 * The scripts to precache: the static closure of every script a page references, plus, for
 * scripts outside the demos, the full closure of what they import dynamically. The demos' own
 * dynamic imports stay out.
 */
export function precachedScripts(dist: string, base: string, files: string[], isDemoScript: IsDemoScript): Set<string> {
  const scripts = new Set(files.filter((file) => file.endsWith('.js')));
  const imports = new Map<string, ScriptImports>();
  const importsFor = (script: string) => {
    let found = imports.get(script);
    if (!found) imports.set(script, (found = importsOf(dist, script, base)));
    return found;
  };
  const closure = (roots: Iterable<string>, followDynamic: boolean): Set<string> => {
    const seen = new Set<string>();
    const queue = [...roots].filter((root) => scripts.has(root));
    for (let script = queue.pop(); script !== undefined; script = queue.pop()) {
      if (seen.has(script)) continue;
      seen.add(script);
      const { static: stat, dynamic } = importsFor(script);
      queue.push(...stat.filter((s) => scripts.has(s)), ...(followDynamic ? dynamic.filter((s) => scripts.has(s)) : []));
    }
    return seen;
  };
  const referenced = new Set<string>();
  for (const page of files.filter((file) => file.endsWith('.html'))) {
    for (const reference of referencesInHtml(readFileSync(join(dist, page), 'utf8'))) {
      const path = resolveReference(reference, page, base);
      if (path) referenced.add(path);
    }
  }
  const demoRoots = [...referenced].filter(isDemoScript);
  const siteRoots = [...referenced].filter((path) => !isDemoScript(path));
  // The site's own scripts with everything they import, even later; the demos' shells only as loaded.
  return new Set([...closure(siteRoots, true), ...closure(demoRoots, false)]);
}

function classify(path: string, precachedJs: Set<string>): 'precache' | OfflineCacheKind | undefined {
  if (path.endsWith('.html') || path.startsWith('offline/')) return 'precache';
  if (path.startsWith('pagefind/')) return UNUSED_PAGEFIND.test(path) ? undefined : 'precache';
  if (path.startsWith('data/') || path.startsWith('models/')) return 'data';
  if (path.startsWith('_astro/') && path.endsWith('.js')) return precachedJs.has(path) ? 'precache' : 'code';
  if (path.startsWith('_astro/') && path.endsWith('.wasm')) return 'code';
  return PRECACHED_TYPES.test(path) ? 'precache' : undefined;
}

/** `base`: the site's base path with both slashes, e.g. "/" or "/cs231n/". */
export function planOffline(dist: string, base: string, isDemoScript: IsDemoScript): OfflinePlan {
  const files = listFiles(dist);
  const precachedJs = precachedScripts(dist, base, files, isDemoScript);
  const plan: OfflinePlan = { precache: new Set(), onDemand: [] };
  for (const path of files) {
    const kind = classify(path, precachedJs);
    if (kind === 'precache') plan.precache.add(path);
    else if (kind) plan.onDemand.push({ url: path, bytes: statSync(join(dist, path)).size, cache: kind });
  }
  return plan;
}
