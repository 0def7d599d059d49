/**
 * The char-RNN's corpus: the prose, math and code of the site's own notes, as plain text. Pure
 * functions (tested): the build step (corpus-build.ts) reads the MDX files and writes the asset.
 *
 * Kept: paragraphs, headings, lists, $math$, code blocks. Dropped: the front matter, MDX import
 * and export lines, lines that are only a component or HTML tag (<L10LSTMCell />, <details>),
 * citation keys ([@key]), and characters so rare the model could not learn them.
 */

export const CORPUS_ASSET_DIR = 'data/corpus';
export const CORPUS_FORMAT_VERSION = 1;
/** Characters seen fewer times than this in all the notes are left out. */
export const MIN_CHAR_COUNT = 25;
/** Every HELD_OUT_EVERY-th paragraph is held out for validation. */
export const HELD_OUT_EVERY = 10;

export interface CorpusManifest {
  version: typeof CORPUS_FORMAT_VERSION;
  source: string;
  /** gzip of the UTF-8 text: the training split, then the held-out split. */
  file: string;
  /** UTF-8 bytes of the training split (the held-out split follows). */
  trainBytes: number;
  /** Lengths in characters (code points) of the two splits. */
  trainChars: number;
  validChars: number;
  /** Every character of the text, sorted by code point. */
  chars: string;
  crc32: string;
}

const FENCE = /^\s*(```|~~~)/;
const MDX_STATEMENT = /^(import|export)\s/;
const TAG_ONLY = /^\s*(<\/?[A-Za-z][^<>]*\/?>\s*)+$/;
const TAGGED_LINE = /^\s*<([A-Za-z][\w.]*)[^<>]*>[^<>]*<\/\1>\s*$/;
const CITATION = /\s?\[@[^\]]+\]/g;

/** One note's MDX source as the text the model reads. */
export function extractNotesText(mdx: string): string {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  const out: string[] = [];
  let inCode = false;
  for (const line of body.split('\n')) {
    if (FENCE.test(line)) {
      inCode = !inCode;
      out.push(line);
      continue;
    }
    if (inCode) {
      out.push(line);
      continue;
    }
    if (MDX_STATEMENT.test(line) || TAG_ONLY.test(line) || TAGGED_LINE.test(line)) continue;
    out.push(line.replace(CITATION, ''));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Characters seen fewer than `least` times across `texts`. */
export function rareCharacters(texts: readonly string[], least = MIN_CHAR_COUNT): Set<string> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n < least).map(([c]) => c));
}

export function dropCharacters(text: string, drop: ReadonlySet<string>): string {
  return Array.from(text).filter((c) => !drop.has(c)).join('');
}

/** Paragraph k of the notes (in order) is held out when k % every === every − 1. */
export function splitParagraphs(texts: readonly string[], every = HELD_OUT_EVERY): { train: string; valid: string } {
  const train: string[] = [];
  const valid: string[] = [];
  let k = 0;
  for (const text of texts) {
    for (const paragraph of text.split(/\n{2,}/)) {
      (k % every === every - 1 ? valid : train).push(paragraph);
      k += 1;
    }
  }
  return { train: train.join('\n\n') + '\n\n', valid: valid.join('\n\n') + '\n\n' };
}
