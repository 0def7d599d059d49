/**
 * Every MDX page compiles with the site's Markdown pipeline (math, citations, KaTeX), and no
 * formula is a KaTeX error: rehype-katex renders errors in red instead of failing the build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { describe, expect, test } from 'vitest';
import { loadBibliography } from '../../src/bib/bibliography.ts';
import { remarkCitations } from '../../src/remark/remark-citations.ts';
import { BIBLIOGRAPHY_PATH } from '../../src/site/paths.ts';

const bibliography = loadBibliography(BIBLIOGRAPHY_PATH);

function mdxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return mdxFiles(path);
    return name.endsWith('.mdx') ? [path] : [];
  });
}

describe('every page compiles', () => {
  test.each(mdxFiles('content/docs'))('%s', async (path) => {
    const file = await compile(
      { path, value: readFileSync(path, 'utf8') },
      {
        remarkPlugins: [remarkMath, [remarkCitations, { bibliography, base: '/' }]],
        rehypePlugins: [rehypeKatex],
      },
    );
    // rehype-katex reports formulas it cannot parse as messages and renders them in red.
    const errors = file.messages.map((m) => `${m.line ?? '?'}:${m.column ?? '?'} ${m.reason}${m.cause ? ` (${String(m.cause)})` : ''}`);
    expect(errors, 'KaTeX errors and other compile warnings').toEqual([]);
  });
});
