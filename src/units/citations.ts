/**
 * Pandoc-style citations in the notes: `[@he2016deep]`, `[@a; @b]`, `[@a, sec. 6]`.
 * One parser shared by the remark plugin (rendering) and the reference pages ("cited in").
 */

export interface CitationItem {
  key: string;
  /** Text after the key's comma, e.g. "sec. 6". */
  locator?: string;
}

export interface CitationMatch {
  start: number;
  end: number;
  items: CitationItem[];
}

const GROUP = /\[(@[A-Za-z0-9_-]+(?:,[^;\]@]*)?(?:;\s*@[A-Za-z0-9_-]+(?:,[^;\]@]*)?)*)\]/g;

export function findCitations(text: string): CitationMatch[] {
  const matches: CitationMatch[] = [];
  for (const match of text.matchAll(GROUP)) {
    const items = (match[1] ?? '').split(';').map((part): CitationItem => {
      const [keyPart = '', ...rest] = part.trim().split(',');
      const item: CitationItem = { key: keyPart.trim().slice(1) };
      const locator = rest.join(',').trim();
      if (locator) item.locator = locator;
      return item;
    });
    matches.push({ start: match.index, end: match.index + match[0].length, items });
  }
  return matches;
}

/** Every key cited in a Markdown/MDX source, in first-seen order. */
export function citedKeys(source: string): string[] {
  return [...new Set(findCitations(source).flatMap((m) => m.items.map((i) => i.key)))];
}
