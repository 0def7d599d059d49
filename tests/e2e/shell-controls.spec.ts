/**
 * @crawl: every setting a demo declares has a control in the demo's shell as built (an element
 * with its data-setting inside the demo), so no setting exists only in the URL. Reads the built
 * pages from disk: no browser. Settings the figure itself sets (points drawn on a canvas) are
 * listed with the reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR, expect, sitemapPaths, test } from './fixtures.ts';

/** Settings a figure sets by direct manipulation, not through a control. */
const SET_BY_THE_FIGURE: Record<string, string[]> = {
  'gan-2d': ['points'], // the points the reader draws on the plot
};

/** Every demo's setting names, from the specs (a spec module exports DEMO_ID and one *_SPEC, or INSIGHT_SPECS). */
async function demoSettings(): Promise<Map<string, string[]>> {
  const settings = new Map<string, string[]>();
  for (const dir of readdirSync('src/demos', { withFileTypes: true }).filter((d) => d.isDirectory())) {
    let module: Record<string, unknown>;
    try {
      module = (await import(`../../src/demos/${dir.name}/spec.ts`)) as Record<string, unknown>;
    } catch {
      continue; // a folder without a spec (shared helpers)
    }
    const insight = module['INSIGHT_SPECS'] as Record<string, object> | undefined;
    if (insight) for (const [id, spec] of Object.entries(insight)) settings.set(id, Object.keys(spec));
    const spec = Object.entries(module).find(([name]) => name.endsWith('_SPEC'))?.[1] as object | undefined;
    if (typeof module['DEMO_ID'] === 'string' && spec) settings.set(module['DEMO_ID'], Object.keys(spec));
  }
  return settings;
}

test('every setting of every demo on the site has a control in its shell @crawl', async () => {
  const settings = await demoSettings();
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const path of sitemapPaths()) {
    const html = readFileSync(join(DIST_DIR, path, 'index.html'), 'utf8');
    // Each demo's shell runs from its data-demo attribute to the next demo's (or the end of the page).
    const parts = html.split(/(?=<[^>]+\sdata-demo=")/).slice(1);
    for (const part of parts) {
      const id = /\sdata-demo="([^"]+)"/.exec(part)![1]!;
      const keys = settings.get(id);
      expect(keys, `a spec for the demo ${id} on /${path}`).toBeDefined();
      seen.add(id);
      for (const key of keys!) {
        if (SET_BY_THE_FIGURE[id]?.includes(key)) continue;
        if (!part.includes(`data-setting="${key}"`)) missing.push(`${id}.${key} on /${path}`);
      }
    }
  }
  expect(seen.size).toBeGreaterThanOrEqual(27);
  expect(missing).toEqual([]);
});
