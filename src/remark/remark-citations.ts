/**
 * Turns `[@key]` citations in Markdown text into links to the reference pages, labelled
 * "(He et al., 2016)". An unknown key fails the build with the file and position.
 */
import type { Link, Nodes, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import type { Bibliography } from '../bib/bibliography.ts';
import { citationLabel } from '../bib/bibliography.ts';
import { findCitations } from '../units/citations.ts';

export interface RemarkCitationsOptions {
  bibliography: Bibliography;
  /** Site base path ending in "/", e.g. "/" or "/cs231n/". */
  base: string;
}

/** Nodes whose text is not prose: citations inside them stay literal. */
const LITERAL = new Set(['code', 'inlineCode', 'math', 'inlineMath', 'link', 'linkReference', 'html']);

export function remarkCitations({ bibliography, base }: RemarkCitationsOptions) {
  return (tree: Root, file: VFile): void => {
    const renderText = (node: Text): PhrasingContent[] => {
      const matches = findCitations(node.value);
      if (matches.length === 0) return [node];
      const out: PhrasingContent[] = [];
      let cursor = 0;
      for (const match of matches) {
        if (match.start > cursor) out.push({ type: 'text', value: node.value.slice(cursor, match.start) });
        const parts: PhrasingContent[] = [{ type: 'text', value: '(' }];
        match.items.forEach((item, index) => {
          const reference = bibliography.byKey.get(item.key);
          if (!reference) {
            file.fail(
              `Unknown citation key "@${item.key}": it is not in ${bibliography.file}. Add the entry to the bibliography or fix the key.`,
              node,
            );
          }
          if (index > 0) parts.push({ type: 'text', value: '; ' });
          const link: Link = {
            type: 'link',
            url: `${base}references/${reference.key}/`,
            data: { hProperties: { title: `${reference.authors.join(', ')} (${reference.yearLabel}). ${reference.title}` } },
            children: [{ type: 'text', value: citationLabel(reference) + (item.locator ? `, ${item.locator}` : '') }],
          };
          parts.push(link);
        });
        parts.push({ type: 'text', value: ')' });
        // An emphasis node renamed to <span class="citation">: mdast has no generic inline container.
        out.push({ type: 'emphasis', data: { hName: 'span', hProperties: { className: ['citation'] } }, children: parts });
        cursor = match.end;
      }
      if (cursor < node.value.length) out.push({ type: 'text', value: node.value.slice(cursor) });
      return out;
    };

    const visit = (node: Nodes): void => {
      if (!('children' in node) || LITERAL.has(node.type)) return;
      const children = node.children as Nodes[];
      const next: Nodes[] = [];
      for (const child of children) {
        if (child.type === 'text') next.push(...renderText(child));
        else {
          visit(child);
          next.push(child);
        }
      }
      (node as { children: Nodes[] }).children = next;
    };

    visit(tree);
  };
}
