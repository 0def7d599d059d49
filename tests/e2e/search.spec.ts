/** Search: the references index (Pagefind JS API with facets) and Starlight's site search. */
import { expect, test } from './fixtures.ts';

test.describe('references search', () => {
  test('a known query finds the expected reference pages', async ({ page }) => {
    await page.goto('references/');
    const query = page.getByLabel('Search references');
    await expect(query).toBeVisible();
    await query.fill('residual');
    const results = page.locator('[data-results] li');
    await expect(results.first()).toBeVisible();
    await expect(page.locator('[data-results] a', { hasText: 'Deep Residual Learning for Image Recognition' })).toHaveAttribute(
      'href',
      /references\/he2016deep\/$/,
    );
    await expect(page.locator('[data-catalogue]')).toBeHidden();

    await query.fill('Girshick');
    await expect(page.locator('[data-results] a', { hasText: /^Fast R-CNN$/ })).toBeVisible();
    await expect(page.locator('[data-results] a', { hasText: 'Mask R-CNN' })).toBeVisible();
  });

  test('a facet filter narrows results to exactly the matching references', async ({ page }) => {
    await page.goto('references/');
    // The catalogue's own count of code entries is the expected number.
    const codeHeading = await page.locator('#kind-code').textContent();
    const expected = Number(/\((\d+)\)/.exec(codeHeading ?? '')?.[1]);
    expect(expected).toBeGreaterThan(3);

    await page.locator('fieldset[data-facet="kind"] label', { hasText: /^\s*Code\b/ }).locator('input').check();
    await expect(page.locator('[data-status]')).toHaveText(`${expected} references found.`);
    await expect(page.locator('[data-results] li')).toHaveCount(expected);
    for (const facts of await page.locator('.reference-result-facts').allTextContents()) expect(facts).toMatch(/^Code · /);
    await expect(page).toHaveURL(/\?kind=Code$/);

    // A second facet (AND): code used in Lecture 10 is exactly min-char-rnn, char-rnn and neuraltalk2.
    await page.locator('fieldset[data-facet="unit"] label', { hasText: /^\s*Lecture 10\b/ }).locator('input').check();
    await expect(page.locator('[data-status]')).toHaveText('3 references found.');
    await expect(page.locator('[data-results] a')).toHaveText([/char-rnn|neuraltalk2/i, /char-rnn|neuraltalk2/i, /char-rnn|neuraltalk2/i]);

    // The state survives a reload through the URL.
    await page.reload();
    await expect(page.locator('[data-status]')).toHaveText('3 references found.');
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect(page.locator('[data-catalogue]')).toBeVisible();
    await expect(page).toHaveURL(/references\/$/);
  });

  test('facet counts follow the query', async ({ page }) => {
    await page.goto('references/');
    await page.getByLabel('Search references').fill('dropout');
    const status = await page.locator('[data-status]').filter({ hasText: /references? found/ }).textContent();
    const found = Number(/(\d+)/.exec(status ?? '')?.[1]);
    await expect(page.locator('[data-results] li')).toHaveCount(found);
    const facts = await page.locator('.reference-result-facts').allTextContents();
    const papers = facts.filter((f) => f.startsWith('Paper · ')).length;
    expect(papers).toBeGreaterThanOrEqual(2);
    // The Paper facet now counts the papers among these results, not all 87.
    await expect(page.locator('fieldset[data-facet="kind"] label', { hasText: /^\s*Paper\b/ }).locator('[data-count]')).toHaveText(String(papers));
  });
});

test('the site search finds a reference page and a unit page', async ({ page }) => {
  await page.goto('');
  await page.getByRole('button', { name: 'Search' }).click();
  const input = page.locator('#starlight__search input');
  await input.fill('Fully Convolutional Networks for Semantic Segmentation');
  // Pagefind renders results one by one as their fragments load: poll until both are in.
  const links = () => page.locator('#starlight__search .pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  await expect.poll(links, { timeout: 15_000 }).toContainEqual(expect.stringMatching(/references\/long2015fully\/$/));
  await expect.poll(links, { timeout: 15_000 }).toContainEqual(expect.stringMatching(/notes\/lecture-11-detection-and-segmentation\/$/));
});
