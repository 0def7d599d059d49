/**
 * Turns `[@key]` citations in Markdown text into links to the reference pages, labelled
 * "(He et al., 2016)". An unknown key fails the build with the file and position.
 */
import type { Bibliography } from '../bib/bibliography.ts';
import { citationLabel } from '../bib/bibliography.ts';
import { findCitations } from '../units/citations.ts';

interface Node {
  type: string;
  value?: string;
  children?: Node[];
  data?: Record<string, unknown>;
  url?: string;
  position?: unknown;
}

interface VFileLike {
  path?: string;
  fail(reason: string, place?: unknown): never;
}

export interface RemarkCitationsOptions {
  bibliography: Bibliography;
  /** Site base path ending in "/", e.g. "/" or "/cs231n/". */
  base: string;
}

const SKIP = new Set(['code', 'inlineCode', 'math', 'inlineMath', 'link', 'linkReference', 'html']);

export function remarkCitations({ bibliography, base }: RemarkCitationsOptions) {
  return (tree: Node, file: VFileLike) => {
    const visit = (node: Node) => {
      if (!node.children) return;
      node.children = node.children.flatMap((child) => {
        if (SKIP.has(child.type) || child.type.startsWith('mdx')) return [child];
        if (child.type !== 'text') {
          visit(child);
          return [child];
        }
        return renderText(child);
      });
    };

    const renderText = (node: Node): Node[] => {
      const text = node.value ?? '';
      const matches = findCitations(text);
      if (matches.length === 0) return [node];
      const out: Node[] = [];
      let cursor = 0;
      for (const match of matches) {
        if (match.start > cursor) out.push({ type: 'text', value: text.slice(cursor, match.start) });
        const parts: Node[] = [{ type: 'text', value: '(' }];
        match.items.forEach((item, index) => {
          const reference = bibliography.byKey.get(item.key);
          if (!reference) {
            file.fail(
              `Unknown citation key "@${item.key}": it is not in ${bibliography.file}. ` +
                'Add the entry to the bibliography or fix the key.',
              node.position,
            );
          }
          if (index > 0) parts.push({ type: 'text', value: '; ' });
          parts.push({
            type: 'link',
            url: `${base}references/${reference.key}/`,
            data: { hProperties: { title: `${reference.authors.join(', ')} (${reference.year}). ${reference.title}` } },
            children: [{ type: 'text', value: citationLabel(reference) + (item.locator ? `, ${item.locator}` : '') }],
          });
        });
        parts.push({ type: 'text', value: ')' });
        out.push({ type: 'citation', data: { hName: 'span', hProperties: { className: ['citation'] } }, children: parts });
        cursor = match.end;
      }
      if (cursor < text.length) out.push({ type: 'text', value: text.slice(cursor) });
      return out;
    };

    visit(tree);
  };
}
