/**
 * Rehype plugin, after rehype-katex: each formula enters the search index once, as plain text
 * (math-text.ts) in a `hidden` span, while Pagefind skips KaTeX's MathML with its TeX annotation
 * and its visual HTML. Readers and screen readers see the page exactly as before.
 */
import type { Element, Root, RootContent } from 'hast';
import { mathToText } from './math-text.ts';

function hasClass(node: Element, name: string): boolean {
  const classes = node.properties['className'];
  return Array.isArray(classes) && classes.includes(name);
}

function annotate(katex: Element): void {
  const parts = katex.children.filter((child): child is Element => child.type === 'element');
  const mathml = parts.find((part) => hasClass(part, 'katex-mathml'));
  const math = mathml?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'math');
  if (!mathml || !math) return;
  for (const part of parts) part.properties['dataPagefindIgnore'] = '';
  const text = mathToText(math);
  if (text) katex.children.push({ type: 'element', tagName: 'span', properties: { hidden: true, dataMathText: '' }, children: [{ type: 'text', value: text }] });
}

/** Every node with children, MDX's JSX elements (<details>, components) included. */
function walk(node: Root | RootContent): void {
  if (node.type === 'element' && hasClass(node, 'katex')) {
    annotate(node);
    return;
  }
  if ('children' in node) for (const child of node.children as RootContent[]) walk(child);
}

export function rehypeMathSearch() {
  return (tree: Root): void => walk(tree);
}
