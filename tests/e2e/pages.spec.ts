/** What a unit page and a reference page show, KaTeX from our own build, and the .bib export. */
import { expect, test } from './fixtures.ts';

test('a unit page shows its checklist, its topics as sections and its reading list', async ({ page }) => {
  await page.goto('notes/lecture-05-convolutional-neural-networks/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lecture 5: Convolutional Neural Networks');
  await expect(page.getByRole('heading', { level: 2, name: 'Study checklist' })).toBeVisible();
  for (const topic of ['History', 'Convolutional layer', 'Pooling layer', 'Case studies', 'Computational considerations']) {
    await expect(page.getByRole('heading', { level: 2, name: topic, exact: true })).toBeVisible();
  }
  const reading = page.locator('section.reading-list');
  await expect(reading.getByRole('heading', { level: 3 })).toHaveText(['Papers', 'Books', 'Course notes and handouts', 'Slides', 'Videos', 'Code', 'Interactive demos', 'Blog posts', 'Web pages']);
  await expect(reading.locator('#ref-he2016deep')).toContainText('He, K., Zhang, X., Ren, S., & Sun, J. (2016a). Deep Residual Learning for Image Recognition.');
  // The table of contents lists the generated sections too.
  await expect(page.locator('starlight-toc a[href="#reading-list"]')).toHaveCount(1);
  // Inline citations link to reference pages.
  await expect(page.locator('.citation a', { hasText: 'Simonyan & Zisserman, 2015' }).first()).toHaveAttribute('href', /references\/simonyan2015vgg\/$/);
});

test('math is rendered by KaTeX with fonts served by the site', async ({ page }) => {
  await page.goto('notes/lecture-04-introduction-to-neural-networks/');
  await expect(page.locator('.katex').first()).toBeVisible();
  const fontReady = await page.evaluate(async () => {
    await document.fonts.ready;
    await document.fonts.load('16px KaTeX_Main');
    return document.fonts.check('16px KaTeX_Main');
  });
  expect(fontReady).toBe(true);
  const stylesheets = await page.$$eval('link[rel="stylesheet"]', (links) => links.map((l) => (l as HTMLLinkElement).href));
  for (const href of stylesheets) expect(new URL(href).origin).toBe(new URL(page.url()).origin);
});

test('a reference page shows the citation, facts, uses and copyable BibTeX', async ({ page }) => {
  await page.goto('references/he2016deep/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deep Residual Learning for Image Recognition');
  await expect(page.locator('.reference-facts')).toContainText('CVPR');
  await expect(page.getByRole('link', { name: /arXiv:1512\.03385/ })).toHaveAttribute('href', 'https://arxiv.org/abs/1512.03385');
  await expect(page.locator('.reference-uses a')).toHaveText(['Lecture 1: Introduction', 'Lecture 5: Convolutional Neural Networks', 'Lecture 7: Training Neural Networks II', 'Lecture 9: CNN Architectures', 'Lecture 12: Visualizing and Understanding']);
  await expect(page.locator('.expressive-code pre')).toContainText('@inproceedings{he2016deep,');
  await expect(page.locator('.expressive-code button.copy button, .expressive-code .copy button')).toHaveCount(1);
});

test('the whole bibliography downloads as references.bib', async ({ request, baseURL }) => {
  const response = await request.get(`${baseURL}references.bib`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('bibtex');
  const text = await response.text();
  expect((text.match(/^@\w+\{/gm) ?? []).length).toBeGreaterThanOrEqual(150);
  expect(text).toContain('@inproceedings{he2016deep,');
});
