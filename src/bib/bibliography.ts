/**
 * The bibliography: `content/references.bib` read strictly, validated, and turned into
 * `Reference` objects that every reading list, citation and reference page is built from.
 * Any problem stops the build with the file, line and key (see BibtexError).
 */
import { readFileSync } from 'node:fs';
import { Cite, type CslItem, type CslName } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { BibtexError, parseBibtex, type RawBibEntry } from './parse-bibtex.ts';
import { REFERENCE_KINDS, isReferenceKind, type ReferenceKind } from './kinds.ts';

export interface Reference {
  key: string;
  kind: ReferenceKind;
  /** Title as plain text (LaTeX braces and accents resolved). */
  title: string;
  /** Authors (or editors, or the institution) as "Given Family". */
  authors: string[];
  /** Author part of an inline citation: "He et al.", "Simonyan & Zisserman". */
  authorsShort: string;
  year: number;
  /** The year as citations print it: "2017", or "2017a" when another work would read the same. */
  yearLabel: string;
  /** Short venue for facets: CVPR, JMLR, GitHub, ... */
  venue: string;
  url?: string;
  doi?: string;
  /** arXiv identifier, e.g. 1512.03385. */
  arxiv?: string;
  /** One-line takeaway in our own words. */
  annote: string;
  note?: string;
  /** The entry exactly as written in the .bib file. */
  bibtex: string;
  csl: CslItem;
  line: number;
}

export interface Bibliography {
  file: string;
  /** In file order. */
  references: Reference[];
  byKey: Map<string, Reference>;
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;
const ARXIV_PATTERN = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

export function loadBibliography(path: string): Bibliography {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the bibliography ${path}: ${(error as Error).message}`);
  }
  return buildBibliography(text, path);
}

export function buildBibliography(text: string, file: string): Bibliography {
  const raw = parseBibtex(text, file);
  const seen = new Map<string, RawBibEntry>();
  for (const entry of raw) {
    const previous = seen.get(entry.key.toLowerCase());
    if (previous) {
      throw new BibtexError(file, entry.line, entry.key, `duplicate key: already defined at line ${previous.line}`);
    }
    seen.set(entry.key.toLowerCase(), entry);
  }
  const problems = raw.flatMap((entry) => validateEntry(entry).map((p) => `${file}:${entry.line} (entry "${entry.key}"): ${p}`));
  if (problems.length > 0) {
    throw new Error(`The bibliography has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }

  // Each entry goes to citation-js on its own, so its reading of the file cannot drift from ours.
  const references = raw.map((entry): Reference => {
    let csl: CslItem | undefined;
    try {
      csl = new Cite(entry.source).data[0];
    } catch (error) {
      throw new BibtexError(file, entry.line, entry.key, `citation-js cannot read this entry: ${(error as Error).message.split('\n')[0]}`);
    }
    if (!csl) throw new BibtexError(file, entry.line, entry.key, 'citation-js cannot read this entry');
    return toReference(entry, csl);
  });
  disambiguateYears(references);
  return { file, references, byKey: new Map(references.map((r) => [r.key, r])) };
}

function validateEntry(entry: RawBibEntry): string[] {
  const f = entry.fields;
  const problems: string[] = [];
  if (!KEY_PATTERN.test(entry.key)) problems.push('key must use only lowercase letters, digits and hyphens (it becomes a URL)');
  if (!f['title']) problems.push('missing "title"');
  if (!f['year']) problems.push('missing "year"');
  else if (!/^\d{4}$/.test(f['year'])) problems.push(`"year" must be four digits, got "${f['year']}"`);
  if (!f['author'] && !f['editor']) problems.push('missing "author" (or "editor")');
  if (!f['keywords']) problems.push(`missing "keywords": one of ${REFERENCE_KINDS.join(', ')}`);
  else if (!isReferenceKind(f['keywords'])) {
    problems.push(`"keywords" must be one of ${REFERENCE_KINDS.join(', ')}, got "${f['keywords']}"`);
  }
  if (!f['annote']) problems.push('missing "annote" (the one-line takeaway)');
  if (f['url'] && !/^https?:\/\/\S+$/.test(f['url'])) problems.push(`"url" must be an http(s) address, got "${f['url']}"`);
  if (f['doi'] && !DOI_PATTERN.test(f['doi'])) problems.push(`"doi" is not a DOI (10.xxxx/...), got "${f['doi']}"`);
  if (f['eprint'] && !ARXIV_PATTERN.test(f['eprint'])) problems.push(`"eprint" is not an arXiv id, got "${f['eprint']}"`);
  return problems;
}

function toReference(entry: RawBibEntry, csl: CslItem): Reference {
  const f = entry.fields;
  const people = csl.author ?? csl.editor ?? [];
  const reference: Reference = {
    key: entry.key,
    kind: f['keywords'] as ReferenceKind,
    title: typeof csl.title === 'string' ? csl.title : stripLatex(f['title'] ?? ''),
    authors: people.map(fullName),
    authorsShort: shortAuthors(people),
    year: Number(f['year']),
    yearLabel: f['year'] ?? '',
    venue: stripLatex(f['venue'] ?? f['journal'] ?? f['booktitle'] ?? f['publisher'] ?? f['school'] ?? f['howpublished'] ?? 'Web'),
    annote: stripLatex(f['annote'] ?? ''),
    bibtex: entry.source,
    csl,
    line: entry.line,
  };
  if (f['url']) reference.url = f['url'];
  if (f['doi']) reference.doi = f['doi'];
  if (f['eprint']) reference.arxiv = f['eprint'];
  if (f['note']) reference.note = stripLatex(f['note']);
  return reference;
}

function fullName(name: CslName): string {
  return name.literal ?? [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
}

/** The name as a citation prints it: "van der Maaten", not "Maaten". */
function familyName(name: CslName): string {
  if (name.literal) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return family || name.given || '?';
}

export function shortAuthors(people: CslName[]): string {
  const [first, second] = people;
  if (!first) return 'Anonymous';
  if (people.length === 1) return familyName(first);
  if (people.length === 2 && second) return `${familyName(first)} & ${familyName(second)}`;
  return `${familyName(first)} et al.`;
}

/** Removes BibTeX protection braces and the few escapes our entries use. */
export function stripLatex(value: string): string {
  return value
    .replace(/\\&/g, '&')
    .replace(/\\%/g, '%')
    .replace(/\\_/g, '_')
    .replace(/--/g, '–')
    .replace(/[{}]/g, '')
    .trim();
}

/**
 * Works whose inline citations would read alike ("Li et al., 2017" for three different papers)
 * get letters after the year, in title order as APA does: 2017a, 2017b, 2017c.
 */
function disambiguateYears(references: Reference[]): void {
  const groups = new Map<string, Reference[]>();
  for (const reference of references) {
    const label = `${reference.authorsShort}, ${reference.year}`;
    const group = groups.get(label);
    if (group) group.push(reference);
    else groups.set(label, [reference]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => a.title.localeCompare(b.title, 'en'));
    group.forEach((reference, i) => (reference.yearLabel = `${reference.year}${yearLetters(i)}`));
  }
}

/** a, b, ..., z, then aa, ab, ...: the 28 CS231n 2017 slides and videos share one author-year. */
export function yearLetters(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : yearLetters(Math.floor(index / 26) - 1) + letter;
}

/** "(He et al., 2016)"-style label without parentheses. */
export function citationLabel(reference: Reference): string {
  return `${reference.authorsShort}, ${reference.yearLabel}`;
}

/**
 * APA-formatted HTML citation of every reference, by key. Each entry is formatted on its own
 * (the year letters come from disambiguateYears) and without URL and DOI, which the pages show
 * as separate links. citeproc escapes the text.
 */
export function formatCitations(bibliography: Bibliography): Map<string, string> {
  return new Map(
    bibliography.references.map((reference) => {
      const { URL: _url, DOI: _doi, ...csl } = reference.csl;
      const html = new Cite([csl as CslItem]).format('bibliography', { format: 'html', template: 'apa', lang: 'en-US' });
      const entry = html.trim().replace(/^<div class="csl-bib-body">\s*/, '').replace(/\s*<\/div>$/, '').replace(/^<div[^>]*>/, '').replace(/<\/div>$/, '').trim();
      // The year letter of the inline citations, which citeproc cannot know formatting one entry.
      return [reference.key, reference.yearLabel === String(reference.year) ? entry : entry.replace(`(${reference.year})`, `(${reference.yearLabel})`)];
    }),
  );
}
