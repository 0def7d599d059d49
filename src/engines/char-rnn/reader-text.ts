/**
 * Text the reader pastes or opens, checked before a model trains on it: a clear message for
 * what cannot work (empty, binary, too long, one repeated character, too short to hold out a
 * tenth), and the split into training and held-out parts (the last tenth is held out).
 */
export const MAX_READER_CHARS = 2_000_000;
export const MIN_READER_CHARS = 2_000;
/** Distinct characters a model can have (the rest of a text's characters are left out). */
export const MAX_VOCAB = 256;

/** The problem with `text` as a training corpus, in words, or undefined. */
export function readerTextProblem(text: string): string | undefined {
  if (text.trim().length === 0) return 'The text is empty: paste or open some text (at least 2,000 characters), or train on the notes.';
  if (looksBinary(text)) return 'This does not look like text (it has control characters or bytes that are not UTF-8): open a plain-text file such as .txt, .md or source code.';
  const length = text.length;
  if (length > MAX_READER_CHARS) return `The text has ${length.toLocaleString('en-US')} characters; at most ${MAX_READER_CHARS.toLocaleString('en-US')} fit in this page's memory budget. Use a shorter excerpt.`;
  const distinct = new Set(text).size;
  if (distinct === 1) return `The text is one character repeated ("${text[0] === '\n' ? '\\n' : text[0]}"): the next character is always the same, so there is nothing for a model to learn. Use real text.`;
  if (length < MIN_READER_CHARS) return `The text has ${length} characters; at least ${MIN_READER_CHARS.toLocaleString('en-US')} are needed to train on nine tenths and measure on the last tenth.`;
  return undefined;
}

/** NUL bytes, undecodable bytes (U+FFFD) or other control characters in more than 1% of the text. */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let odd = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13)) odd += 1;
  }
  return odd > 0.01 * text.length;
}

/** Bytes of an opened file as text (undecodable bytes become U+FFFD, which looksBinary counts). */
export function decodeFileText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/\r\n/g, '\n');
}

export function splitReaderText(text: string): { train: string; valid: string } {
  const cut = Math.floor(text.length * 0.9);
  return { train: text.slice(0, cut), valid: text.slice(cut) };
}

/** The `most` most frequent characters of `text` (ties by code point), sorted by code point. */
export function frequentChars(text: string, most = MAX_VOCAB): string[] {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].codePointAt(0)! - b[0].codePointAt(0)!)
    .slice(0, most)
    .map(([c]) => c)
    .sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
}
