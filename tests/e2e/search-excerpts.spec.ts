/**
 * Search excerpts read well: each formula appears once, as text (src/search/math-text.ts), never
 * as KaTeX's MathML + TeX source + visual HTML ("s=Wxs = Wxs=Wx", "γ\gammaγ"). Checked in
 * Starlight's site search as a reader sees it, in the Pagefind results behind it (top ten, with
 * their section excerpts), and in the references search.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const QUERIES = ['gradient descent', 'softmax', 'batch normalization', 'xavier'];

/** Problems of one excerpt: a TeX command, or a run of math written twice in a row. */
function excerptProblems(excerpt: string): string[] {
  const text = excerpt.replace(/<\/?mark>/g, '').replace(/&[a-z]+;|&#\d+;/g, ' ');
  const problems: string[] = [];
  const command = /\\[a-zA-Z]+/.exec(text);
  if (command) problems.push(`TeX command ${command[0]}`);
  // Whitespace differs between KaTeX's copies ("s=Wx" and "s = Wx"): compare without it. A
  // repeated run must hold a symbol, so prose ("27x27x96", a doubled word) does not count.
  const squeezed = text.replace(/\s+/g, '');
  const repeated = /(\S{3,}?)\1/u.exec(squeezed);
  if (repeated?.[1] && /[^\p{L}\p{N}]/u.test(repeated[1]) && !/^[\d.,]+$/.test(repeated[1])) problems.push(`"${repeated[1]}" twice in a row`);
  // A one-letter formula in its three copies: "at step ttt".
  const tripled = /(?<!\p{L})(\p{L})\1\1(?!\p{L})/u.exec(text);
  if (tripled) problems.push(`"${tripled[0]}"`);
  return problems.map((problem) => `${problem} in: ${text.slice(0, 160)}`);
}

async function pagefindExcerpts(page: Page, query: string): Promise<string[]> {
  return page.evaluate(async (q) => {
    interface Result { data(): Promise<{ excerpt: string; sub_results: { excerpt: string }[] }> }
    const base = document.querySelector('link[rel="icon"]')?.getAttribute('href')?.replace(/favicon\.svg$/, '') ?? '/';
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as {
      options(o: { baseUrl: string }): Promise<void>;
      search(q: string): Promise<{ results: Result[] }>;
    };
    await pagefind.options({ baseUrl: base });
    const { results } = await pagefind.search(q);
    const data = await Promise.all(results.slice(0, 10).map((r) => r.data()));
    return data.flatMap((d) => [d.excerpt, ...d.sub_results.map((s) => s.excerpt)]);
  }, query);
}

test('the unit test of the check: KaTeX\'s triple copy and TeX source are caught, plain text passes', () => {
  expect(excerptProblems('the scores <mark>s=Wxs</mark> = Wxs=Wx of each class')).toHaveLength(1);
  expect(excerptProblems('with one γ\\gammaγ per feature')).toHaveLength(1);
  expect(excerptProblems('the gradient at step ttt, and')).toHaveLength(1);
  expect(excerptProblems('x_(t+1) = x_t − α ∇f(x_t), the step of gradient descent, 1,000 steps; 0.001')).toEqual([]);
});

for (const query of QUERIES) {
  test(`site search excerpts for "${query}" hold no TeX and no repeated formula`, async ({ page, watch: _ }) => {
    await page.goto('');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('#starlight__search input').fill(query);
    const results = page.locator('#starlight__search .pagefind-ui__result');
    await expect(results.first()).toBeVisible({ timeout: 15_000 });
    // Results render as their fragments load: wait until none is a placeholder.
    await expect(page.locator('#starlight__search .pagefind-ui__result .pagefind-ui__loading')).toHaveCount(0, { timeout: 15_000 });
    const shown = await page.locator('#starlight__search .pagefind-ui__result-excerpt').evaluateAll((nodes) => nodes.map((n) => n.innerHTML));
    expect(shown.length).toBeGreaterThan(0);

    const excerpts = [...shown, ...(await pagefindExcerpts(page, query))];
    expect(excerpts.some((excerpt) => excerpt.toLowerCase().includes(`<mark>${query.split(' ')[0]}`))).toBe(true);
    expect(excerpts.flatMap(excerptProblems)).toEqual([]);
  });
}

test('references search excerpts hold no TeX and no repeated formula', async ({ page, watch: _ }) => {
  await page.goto('references/');
  await page.getByLabel('Search references').fill('xavier initialization');
  await expect(page.locator('[data-results] a', { hasText: 'Understanding the difficulty of training deep feedforward neural networks' })).toBeVisible();
  const excerpts = await page.locator('[data-results] li p').evaluateAll((nodes) => nodes.map((n) => n.innerHTML));
  expect(excerpts.length).toBeGreaterThan(0);
  expect(excerpts.flatMap(excerptProblems)).toEqual([]);
});

test('the text indexed for formulas is never shown to readers', async ({ page, watch: _ }) => {
  await page.goto('notes/lecture-03-loss-functions-and-optimization/');
  const indexed = page.locator('.katex [data-math-text]');
  expect(await indexed.count()).toBeGreaterThan(100);
  await expect(indexed.first()).toBeHidden();
  await expect(indexed.first()).toHaveAttribute('hidden', '');
});
