import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildBibliography, citationLabel, formatCitations, loadBibliography, shortAuthors, yearLetters } from '../../src/bib/bibliography.ts';
import { BIBLIOGRAPHY_PATH } from '../../src/site/paths.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/bib/${name}`, 'utf8');
const build = (name: string) => buildBibliography(fixture(name), name);

describe('bibliography validation', () => {
  test('a valid file becomes references with plain-text fields', () => {
    const bibliography = build('valid.bib');
    const reference = bibliography.byKey.get('smith2020example');
    expect(reference).toMatchObject({
      kind: 'paper',
      title: 'An Example Title with Ümlauts',
      authors: ['Jane Smith', 'John Doe', 'Richard Roe'],
      authorsShort: 'Smith et al.',
      year: 2020,
      venue: 'JoE',
      doi: '10.1234/example.2020',
      arxiv: '2001.01234',
    });
    expect(bibliography.byKey.get('page-fixture')?.authorsShort).toBe('Example Organization');
    expect(citationLabel(reference!)).toBe('Smith et al., 2020');
  });

  test('a duplicate key fails with both lines', () => {
    expect(() => build('duplicate-key.bib')).toThrow('duplicate-key.bib:5 (entry "same-key"): duplicate key: already defined at line 1');
  });

  test('a reference without title fails naming the key', () => {
    expect(() => build('missing-title.bib')).toThrow('missing-title.bib:1 (entry "untitled-entry"): missing "title"');
  });

  test('a reference without year fails naming the key', () => {
    expect(() => build('missing-year.bib')).toThrow('missing-year.bib:1 (entry "undated-entry"): missing "year"');
  });

  test.each([
    ['year = {20x1}', '"year" must be four digits'],
    ['keywords = {article}', '"keywords" must be one of paper, book'],
    ['doi = {doi:10.1/x}', '"doi" is not a DOI'],
    ['eprint = {arXiv:1512.03385}', '"eprint" is not an arXiv id'],
    ['url = {www.example.org}', '"url" must be an http(s) address'],
  ])('rejects %s', (field, message) => {
    const [name] = field.split(' ');
    const base: Record<string, string> = { author: 'Smith, Jane', title: 'T', year: '2001', keywords: 'paper', annote: 'A.' };
    const fields = Object.entries(base).filter(([k]) => k !== name).map(([k, v]) => `${k} = {${v}}`);
    expect(() => buildBibliography(`@misc{k1, ${[...fields, field].join(', ')}}`, 'x.bib')).toThrow(message);
  });

  test('uppercase keys are rejected because keys become URLs', () => {
    expect(() => buildBibliography('@misc{He2016, author={A, B}, title={T}, year={2016}, keywords={paper}, annote={x}}', 'x.bib')).toThrow(
      'key must use only lowercase letters, digits and hyphens',
    );
  });

  test('short author labels follow the one / two / many rule', () => {
    expect(shortAuthors([{ family: 'Domingos', given: 'Pedro' }])).toBe('Domingos');
    expect(shortAuthors([{ family: 'Simonyan' }, { family: 'Zisserman' }])).toBe('Simonyan & Zisserman');
    expect(shortAuthors([{ family: 'He' }, { family: 'Zhang' }, { family: 'Ren' }])).toBe('He et al.');
  });
});

describe('the site bibliography', () => {
  const bibliography = loadBibliography(BIBLIOGRAPHY_PATH);

  test('holds the course materials and every paper of the outline', () => {
    expect(bibliography.references.length).toBeGreaterThanOrEqual(150);
    const kinds = new Set(bibliography.references.map((r) => r.kind));
    for (const kind of ['paper', 'book', 'thesis', 'notes', 'slides', 'video', 'course', 'code', 'demo', 'blog', 'web']) {
      expect(kinds, kind).toContain(kind);
    }
  });

  test('fixes the outline slip on Yosinski et al. (2015, not 2014)', () => {
    expect(bibliography.byKey.get('yosinski2015understanding')).toMatchObject({
      title: 'Understanding Neural Networks Through Deep Visualization',
      year: 2015,
    });
  });

  test('formats every entry as an APA citation whose year carries the same letter as its inline citations', () => {
    const html = formatCitations(bibliography);
    expect(html.size).toBe(bibliography.references.length);
    expect(html.get('he2016deep')).toBe(
      'He, K., Zhang, X., Ren, S., &#38; Sun, J. (2016a). Deep Residual Learning for Image Recognition. <i>Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)</i>, 770–778.',
    );
    for (const reference of bibliography.references) {
      expect(html.get(reference.key), reference.key).toContain(`(${reference.yearLabel})`);
    }
  }, 30_000); // citeproc formats ~200 entries: about 1 s alone, several on a busy machine

  test('no two works share an inline citation label', () => {
    const labels = bibliography.references.map(citationLabel);
    const repeated = labels.filter((label, i) => labels.indexOf(label) !== i);
    expect(repeated).toEqual([]);
    expect(citationLabel(bibliography.byKey.get('he2016identity')!)).toBe('He et al., 2016b');
    expect(citationLabel(bibliography.byKey.get('vandermaaten2008tsne')!)).toBe('van der Maaten & Hinton, 2008');
    expect(citationLabel(bibliography.byKey.get('simonyan2015vgg')!)).toBe('Simonyan & Zisserman, 2015');
  });
});

describe('year letters', () => {
  const entry = (key: string, author: string, title: string, year = 2016) =>
    `@article{${key},\n  author = {${author}},\n  title = {${title}},\n  journal = {J},\n  year = {${year}},\n  keywords = {paper},\n  annote = {A fixture.}\n}\n`;

  test('works that would be cited alike get letters in title order; others keep the bare year', () => {
    const bibliography = buildBibliography(
      [
        entry('zeta', 'Roe, Richard and Doe, John and Poe, Edgar', 'Zeta Networks'),
        entry('alpha', 'Roe, Richard and Smith, Jane and Low, Ada', 'Alpha Networks'),
        entry('other-year', 'Roe, Richard and Doe, John and Poe, Edgar', 'Beta Networks', 2017),
        entry('two-authors', 'Roe, Richard and Doe, John', 'Gamma Networks'),
        entry('particle', 'van der Berg, Anna and Doe, John', 'Delta Networks'),
      ].join(''),
      'letters.bib',
    );
    const label = (key: string) => citationLabel(bibliography.byKey.get(key)!);
    expect(label('alpha')).toBe('Roe et al., 2016a');
    expect(label('zeta')).toBe('Roe et al., 2016b');
    expect(label('other-year')).toBe('Roe et al., 2017');
    expect(label('two-authors')).toBe('Roe & Doe, 2016');
    expect(label('particle')).toBe('van der Berg & Doe, 2016');
    expect(bibliography.byKey.get('particle')?.authors[0]).toBe('Anna van der Berg');
  });

  test('after z come aa, ab, ... as APA asks', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(yearLetters)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba']);
  });
});
