/** Reads the unit pages' MDX sources and frontmatter for tests (no Astro runtime needed). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const NOTES_DIR = 'content/docs/notes';

export interface UnitSource {
  file: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

export function splitFrontmatter(source: string): { frontmatter: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(source);
  if (!match) throw new Error('no frontmatter block');
  return { frontmatter: parseYaml(match[1] ?? '') as Record<string, unknown>, body: match[2] ?? '' };
}

export function readUnitSources(dir = NOTES_DIR): UnitSource[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => ({ file: join(dir, name), ...splitFrontmatter(readFileSync(join(dir, name), 'utf8')) }));
}
