import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BibtexError, parseBibtex } from '../../src/bib/parse-bibtex.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/bib/${name}`, 'utf8');

describe('parseBibtex', () => {
  test('reads braced, quoted, numeric and month values and skips comments', () => {
    const entries = parseBibtex(fixture('valid.bib'), 'valid.bib');
    expect(entries.map((e) => e.key)).toEqual(['smith2020example', 'page-fixture']);
    const [article, page] = entries;
    expect(article?.type).toBe('article');
    expect(article?.line).toBe(2);
    expect(article?.fields['title']).toBe('An {Example} Title with {\\"U}mlauts');
    expect(article?.fields['month']).toBe('jan');
    expect(page?.fields['title']).toBe('A Quoted {Title}');
    expect(page?.fields['year']).toBe('2017');
    expect(page?.source.startsWith('@misc{page-fixture,')).toBe(true);
    expect(page?.source.endsWith('}')).toBe(true);
  });

  test('an entry that never closes names the file, the line and the key', () => {
    expect(() => parseBibtex(fixture('unclosed-entry.bib'), 'unclosed-entry.bib')).toThrow(
      /unclosed-entry\.bib:1: @misc entry never closes: unbalanced braces/,
    );
  });

  test('a missing comma between fields names the entry and the field', () => {
    let error: unknown;
    try {
      parseBibtex(fixture('missing-comma.bib'), 'missing-comma.bib');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BibtexError);
    expect((error as BibtexError).key).toBe('broken-field');
    expect((error as BibtexError).line).toBe(3);
    expect((error as Error).message).toContain('expected "," after the value of "author"');
  });

  test.each([
    ['@misc{,\n title = {x}}', 'missing citation key'],
    ['@misc{k, title = {x}, title = {y}}', 'field "title" is given twice'],
    ['@misc{k, title = undefinedmacro}', 'unknown macro "undefinedmacro"'],
    ['@misc{k, title = "never closed}', 'value of "title" has no closing quote'],
    ['@string{foo = "bar"}', '@string macros are not supported'],
    ['@misc(k, title = {x})', 'only the brace form is supported'],
    ['@misc{k, = {x}}', 'expected "name = value"'],
  ])('rejects %j', (text, message) => {
    expect(() => parseBibtex(text, 'inline.bib')).toThrow(message);
  });
});
