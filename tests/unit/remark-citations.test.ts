import { readFileSync } from 'node:fs';
import { compile } from '@mdx-js/mdx';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { describe, expect, test } from 'vitest';
import { buildBibliography } from '../../src/bib/bibliography.ts';
import { remarkCitations } from '../../src/remark/remark-citations.ts';
import { citedKeys, findCitations } from '../../src/units/citations.ts';

const bibliography = buildBibliography(readFileSync('tests/fixtures/bib/valid.bib', 'utf8'), 'fixtures/valid.bib');

async function render(markdown: string, base = '/cs231n/'): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkCitations, { bibliography, base })
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

describe('citation syntax', () => {
  test('finds single, grouped and located citations', () => {
    expect(findCitations('See [@a1], [@b-2; @c3, sec. 6] and [not a cite] or [@]').map((m) => m.items)).toEqual([
      [{ key: 'a1' }],
      [{ key: 'b-2' }, { key: 'c3', locator: 'sec. 6' }],
    ]);
    expect(citedKeys('[@x] [@y; @x]')).toEqual(['x', 'y']);
  });
});

describe('remarkCitations', () => {
  test('renders a linked author-year label under the base path', async () => {
    expect(await render('As shown [@smith2020example].')).toBe(
      '<p>As shown <span class="citation">(<a href="/cs231n/references/smith2020example/" title="Jane Smith, John Doe, Richard Roe (2020). An Example Title with Ümlauts">Smith et al., 2020</a>)</span>.</p>',
    );
  });

  test('renders groups and locators, and leaves code alone', async () => {
    const html = await render('Two [@smith2020example, sec. 2; @page-fixture] and `[@smith2020example]`.', '/');
    expect(html).toContain('>Smith et al., 2020, sec. 2</a>; <a href="/references/page-fixture/"');
    expect(html).toContain('<code>[@smith2020example]</code>');
  });

  test('citations inside MDX components are rendered too', async () => {
    const result = await compile('<Aside>\n\nAs shown [@page-fixture].\n\n</Aside>', {
      remarkPlugins: [[remarkCitations, { bibliography, base: '/' }]],
    });
    expect(String(result)).toContain('"/references/page-fixture/"');
    expect(String(result)).not.toContain('[@page-fixture]');
  });

  test('an unknown key fails the MDX compile with the file and position', async () => {
    const path = 'tests/fixtures/pages/unknown-citation.mdx';
    await expect(
      compile({ path, value: readFileSync(path, 'utf8') }, { remarkPlugins: [[remarkCitations, { bibliography, base: '/' }]] }),
    ).rejects.toThrow(/Unknown citation key "@no-such-paper2099": it is not in fixtures\/valid\.bib/);
    await expect(
      compile({ path, value: readFileSync(path, 'utf8') }, { remarkPlugins: [[remarkCitations, { bibliography, base: '/' }]] }),
    ).rejects.toMatchObject({ file: expect.stringContaining('unknown-citation.mdx'), line: 5 });
  });
});
