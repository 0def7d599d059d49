/**
 * House rules of the notes that a reader would notice broken: no talk of how the site is made,
 * one spelling per word, stock phrases kept rare, one notation per symbol, Summary and Key ideas
 * that do not say the same thing twice, and shared material written once and linked.
 */
import { describe, expect, test } from 'vitest';
import { readUnitSources } from '../helpers/units.ts';

const units = readUnitSources();
const pages = units.map(({ file, body }) => ({ file, body }));
const page = (name: string) => {
  const found = pages.find((p) => p.file.includes(name));
  if (!found) throw new Error(`no page ${name}`);
  return found.body;
};
/** Prose only: no imports, code blocks or inline code, where names like `npm` or `build` can be legitimate. */
const prose = (body: string) => body.replace(/^import .*$/gm, '').replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');

/** A `## Heading` section's text, up to the next `## ` heading. */
function section(body: string, heading: string): string {
  return (body.split(new RegExp(`^## ${heading}$`, 'm'))[1] ?? '').split(/^## /m)[0] ?? '';
}

function words(text: string): string[] {
  return text
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\[@[^\]]*\]/g, ' ')
    .toLowerCase()
    .match(/[a-z0-9]+/g) ?? [];
}

const STOP = new Set('the a an and or of to in on for with by is are be it its as at from that this which than then not no into each one two their they we you your our can more most only also over under about what how when where why'.split(' '));

/** Share of the content words of `a` (math and citations left out) that also occur in `b`. */
function contentWordOverlap(a: string, b: string): number {
  const content = (text: string) =>
    (text.replace(/\$\$[\s\S]*?\$\$/g, ' ').replace(/\$[^$\n]*\$/g, ' ').replace(/\[@[^\]]*\]/g, ' ').toLowerCase().match(/[a-z]+/g) ?? [])
      .filter((w) => w.length > 2 && !STOP.has(w));
  const inB = new Set(content(b));
  const wordsA = content(a);
  return wordsA.filter((w) => inB.has(w)).length / Math.max(1, wordsA.length);
}

function sharedRuns(a: string, b: string, n: number): string[] {
  const wa = words(a);
  const runs = new Set<string>();
  for (let i = 0; i + n <= wa.length; i++) runs.add(wa.slice(i, i + n).join(' '));
  const wb = words(b);
  const shared = new Set<string>();
  for (let i = 0; i + n <= wb.length; i++) {
    const run = wb.slice(i, i + n).join(' ');
    if (runs.has(run)) shared.add(run);
  }
  return [...shared];
}

describe('notes: nothing about how the site is made', () => {
  const LEAKS = [
    /\bnpm\b/i, /\brepository\b(?! \[@)/i, /(?<!provided )\bscripts?\b/i, /\bbenchmark script/i, /\b2-core\b/i,
    /\bcores? machine\b/i, /\bbusy machine\b/i, /\bwe tried\b/i, /\bwe could not\b/i, /could not reproduce/i,
    /this site's outline/i, /\bbuild (step|time|script)\b/i, /\bunit tests?\b(?!" for stochastic)/i, /\bplaywright\b/i,
    /\bvitest\b/i, /train:vae/i,
  ];

  test.each(pages)('$file', ({ body }) => {
    const text = prose(body);
    for (const leak of LEAKS) expect(text, String(leak)).not.toMatch(leak);
  });
});

describe('notes: one spelling, few stock phrases', () => {
  const all = pages.map((p) => prose(p.body)).join('\n');

  test('"centred" throughout, never "centered"', () => {
    expect(all).not.toMatch(/\bcentered\b/i);
    expect(all).toMatch(/\bcentred\b/);
  });

  test('"exactly" is kept for mathematical statements: at most 20 uses on all pages', () => {
    expect((all.match(/\bexactly\b/gi) ?? []).length).toBeLessThanOrEqual(20);
  });

  test('the stock phrases of the first draft are gone', () => {
    for (const phrase of ['Two details matter', 'Two caveats keep these numbers honest', 'These take several steps and combine ideas']) {
      expect(all).not.toContain(phrase);
    }
  });
});

describe('notes: one notation per symbol', () => {
  test('no blackboard-bold digits (KaTeX has none); the indicator is written one way', () => {
    for (const { file, body } of pages) {
      expect(body, file).not.toMatch(/\\mathbb\{1\}/);
      // \mathbb{I}[condition] is the indicator on every page; \mathbf{1} is kept for vectors of ones and one-hot vectors.
      expect(body, file).not.toMatch(/\\mathbf\{1\}\[/);
    }
  });

  test('Lecture 12: α is the t-SNE exaggeration only, β only the normalization shift', () => {
    const l12 = page('lecture-12');
    expect(l12).not.toMatch(/\\rVert_\\alpha/);
    expect(l12).not.toMatch(/\\alpha \\mathbf\{w\}/);
    expect(l12).toMatch(/we write \$\\kappa\$/);
    expect(l12).not.toMatch(/\(the paper's \$\\alpha\/\\beta\$\)/);
  });

  test('memory units: Lecture 5 states them (MB, GB decimal; GiB binary) and GPU memory is given in GiB', () => {
    expect(page('lecture-05')).toMatch(/MB and GB are powers of ten/);
    // Graphics cards are sold with binary sizes (a "12 GB" card holds 12 × 2^30 bytes); \s covers the no-break space.
    for (const name of ['lecture-05', 'lecture-08', 'lecture-09']) expect(page(name)).not.toMatch(/\b\d+\s(GB|MB) (GDDR|of memory)|\b(4|8|12)\sGB\./);
    expect(page('lecture-08')).toMatch(/12\sGiB GDDR5X/);
    expect(page('lecture-09')).toMatch(/3\sGiB of memory/);
  });
});

describe('notes: Summary and Key ideas do not repeat each other', () => {
  test.each(pages.filter((p) => /^## Summary$/m.test(p.body)))('$file', ({ body }) => {
    const summary = section(body, 'Summary');
    const keyIdeas = section(body, 'Key ideas');
    expect(keyIdeas.length).toBeGreaterThan(0);
    // Eight words in a row in both is a repeated sentence, not a shared term.
    expect(sharedRuns(summary, keyIdeas, 8)).toEqual([]);
    // A paraphrase shares vocabulary instead: the earlier Summaries that restated the Key ideas reused
    // 39% (Lecture 2) and 46% (Lecture 7) of their content words; a Summary that bridges to the next
    // lecture stays near 30% or below. The further-reading paragraph is left out.
    const bridge = summary.replace(/^For (more|a broader).*$/gm, '');
    expect(contentWordOverlap(bridge, keyIdeas)).toBeLessThan(0.35);
  });
});

describe('notes: shared material lives on one page and is linked from the others', () => {
  const pagesWith = (pattern: RegExp) => pages.filter((p) => pattern.test(p.body)).map((p) => p.file.replace(/^.*\//, ''));

  test('27C² against 49C² is counted in Lecture 5 only; Lecture 9 links to it', () => {
    expect(pagesWith(/27\s?C\^2/)).toEqual(['lecture-05-convolutional-neural-networks.mdx']);
    expect(page('lecture-09')).toContain('(../lecture-05-convolutional-neural-networks/#');
  });

  test('the batch-norm backward derivation is in Lecture 6 only; Assignment 2 links to it', () => {
    expect(pagesWith(/\\frac\{\\partial L\}\{\\partial \\sigma\^2\}/)).toEqual(['lecture-06-training-neural-networks-1.mdx']);
    expect(page('assignment-2')).toContain('(../lecture-06-training-neural-networks-1/#backward-pass)');
  });

  test('the VGG-16 layer table and its 15,237,608 total are in Lecture 9 only; Lecture 5 links to it', () => {
    expect(pagesWith(/15,237,608/)).toEqual(['lecture-09-cnn-architectures.mdx']);
    expect(page('lecture-05')).toContain('(../lecture-09-cnn-architectures/#vgg-16-layer-by-layer');
  });

  test('the Taylor argument for centred differences is in Lecture 3, the relative-error bands in Lecture 7', () => {
    expect(pagesWith(/f'''/).filter((f) => f !== 'lecture-07-training-neural-networks-2.mdx')).toEqual(['lecture-03-loss-functions-and-optimization.mdx']);
    expect(pagesWith(/suspicious, look closer/)).toEqual(['lecture-07-training-neural-networks-2.mdx']);
    for (const name of ['assignment-1', 'assignment-2']) expect(page(name)).toContain('(../lecture-07-training-neural-networks-2/#gradient-checks)');
  });
});
