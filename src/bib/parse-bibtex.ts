/**
 * A strict structural BibTeX reader.
 *
 * citation-js (used for formatting) is lenient: a malformed entry can be dropped without a word.
 * This reader runs first and fails loudly, naming the file, the line and the key, so a broken
 * bibliography can never turn into a site with a silently missing reference.
 *
 * Supported: `@type{key, field = {braced} | "quoted" | 123 | month-macro, ...}`,
 * `@comment{...}` and `@preamble{...}` (skipped), `%` comment lines and free text between entries.
 */

export interface RawBibEntry {
  /** Entry type, lowercased (`article`, `inproceedings`, ...). */
  type: string;
  key: string;
  /** Field values without their outer delimiters; field names lowercased. */
  fields: Record<string, string>;
  /** The entry's exact source text, for BibTeX export. */
  source: string;
  /** 1-based line where the entry starts. */
  line: number;
}

export class BibtexError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly key: string | undefined,
    detail: string,
  ) {
    super(`${file}:${line}${key ? ` (entry "${key}")` : ''}: ${detail}`);
    this.name = 'BibtexError';
  }
}

const MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);
const IGNORED_TYPES = new Set(['comment', 'preamble']);

export function parseBibtex(text: string, file = 'references.bib'): RawBibEntry[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const entries: RawBibEntry[] = [];
  let pos = 0;
  while (pos < text.length) {
    const at = text.indexOf('@', pos);
    if (at < 0) break;
    // `@` inside a `%` comment line is not an entry.
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (/^\s*%/.test(text.slice(lineStart, at + 1))) {
      pos = at + 1;
      continue;
    }
    const typeMatch = /^@([A-Za-z]+)\s*/.exec(text.slice(at));
    const fail = (offset: number, key: string | undefined, detail: string): never => {
      throw new BibtexError(file, lineAt(offset), key, detail);
    };
    if (!typeMatch) fail(at, undefined, 'an "@" must start an entry type such as @article{...}');
    const type = (typeMatch as RegExpExecArray)[1]!.toLowerCase();
    let cursor = at + (typeMatch as RegExpExecArray)[0].length;
    if (text[cursor] !== '{') {
      fail(at, undefined, `@${type} must be followed by "{" (only the brace form is supported)`);
    }
    const end = matchingBrace(text, cursor);
    if (end < 0) fail(at, undefined, `@${type} entry never closes: unbalanced braces`);

    if (type === 'string') fail(at, undefined, '@string macros are not supported: write the value out');
    if (IGNORED_TYPES.has(type)) {
      pos = end + 1;
      continue;
    }

    const body = text.slice(cursor + 1, end);
    const bodyStart = cursor + 1;
    const keyMatch = /^\s*([^\s,{}=]+)\s*,/.exec(body);
    if (!keyMatch) {
      const guess = /^\s*([^\s,{}]*)/.exec(body)?.[1];
      fail(at, guess || undefined, 'missing citation key, or no comma after the key');
    }
    const key = (keyMatch as RegExpExecArray)[1]!;
    const fields = parseFields(body, (keyMatch as RegExpExecArray)[0].length, (offset, detail) =>
      fail(bodyStart + offset, key, detail),
    );
    entries.push({ type, key, fields, source: text.slice(at, end + 1), line: lineAt(at) });
    pos = end + 1;
  }
  return entries;
}

/** Index of the `}` closing the `{` at `open`, honouring nesting and `\{` escapes; -1 if none. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return i;
    } else if (ch === '@' && /\n[ \t]*$/.test(text.slice(Math.max(0, i - 200), i)) && /^@[A-Za-z]+\s*\{/.test(text.slice(i, i + 40))) {
      // A new entry starting on its own line inside this one: a closing brace went missing.
      return -1;
    }
  }
  return -1;
}

function parseFields(
  body: string,
  start: number,
  fail: (offset: number, detail: string) => never,
): Record<string, string> {
  const fields: Record<string, string> = {};
  let i = start;
  const skipSpace = () => {
    while (i < body.length && /\s/.test(body[i]!)) i++;
  };
  for (;;) {
    skipSpace();
    if (i >= body.length) return fields;
    const nameMatch = /^([A-Za-z][\w-]*)\s*=\s*/.exec(body.slice(i));
    if (!nameMatch) fail(i, `expected "name = value" but found "${body.slice(i, i + 20).trim()}"`);
    const name = (nameMatch as RegExpExecArray)[1]!.toLowerCase();
    if (name in fields) fail(i, `field "${name}" is given twice`);
    i += (nameMatch as RegExpExecArray)[0].length;
    const valueStart = i;
    let value: string;
    const ch = body[i];
    if (ch === '{') {
      const close = matchingBrace(body, i);
      if (close < 0) fail(valueStart, `value of "${name}" has unbalanced braces`);
      value = body.slice(i + 1, close);
      i = close + 1;
    } else if (ch === '"') {
      let j = i + 1;
      let depth = 0;
      for (; j < body.length; j++) {
        const c = body[j];
        if (c === '\\') j++;
        else if (c === '{') depth++;
        else if (c === '}') depth--;
        else if (c === '"' && depth === 0) break;
      }
      if (j >= body.length) fail(valueStart, `value of "${name}" has no closing quote`);
      value = body.slice(i + 1, j);
      i = j + 1;
    } else {
      const bare = /^[A-Za-z0-9]+/.exec(body.slice(i))?.[0];
      if (!bare) fail(valueStart, `value of "${name}" must be {braced}, "quoted" or a number`);
      const word = bare as string;
      if (!/^\d+$/.test(word) && !MONTHS.has(word.toLowerCase())) {
        fail(valueStart, `value of "${name}" is an unknown macro "${word}": wrap text in braces`);
      }
      value = word;
      i += word.length;
    }
    fields[name] = value.replace(/\s+/g, ' ').trim();
    skipSpace();
    if (i >= body.length) return fields;
    if (body[i] !== ',') fail(i, `expected "," after the value of "${name}"`);
    i++;
  }
}
