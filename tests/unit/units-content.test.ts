/**
 * The 15 unit pages against the outline: every unit in the outline's order, every topic a
 * section, every reference of the outline on some unit page, every citation resolvable.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadBibliography } from '../../src/bib/bibliography.ts';
import { BIBLIOGRAPHY_PATH } from '../../src/site/paths.ts';
import { citedKeys } from '../../src/units/citations.ts';
import { createUnitSchema, unitLabel, type UnitData } from '../../src/units/schema.ts';
import { readUnitSources } from '../helpers/units.ts';

const bibliography = loadBibliography(BIBLIOGRAPHY_PATH);

/** Words of prose: no imports, JSX or HTML tags, math, code, headings or citations. */
function proseWords(body: string): number {
  const text = body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\$[^$\n]*\$/g, ' ')
    .replace(/^(import|export) .*$/gm, ' ')
    .replace(/^#{1,6} .*$/gm, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\[@[^\]]*\]/g, ' ')
    .replace(/`[^`]*`/g, ' ');
  return (text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []).length;
}
const schema = createUnitSchema(new Set(bibliography.byKey.keys()));
const units = readUnitSources().map((source) => {
  const result = schema.safeParse(source.frontmatter['unit']);
  if (!result.success) throw new Error(`${source.file}: ${result.error.message}`);
  const sidebar = source.frontmatter['sidebar'] as { order: number };
  return { ...source, unit: result.data as UnitData, order: sidebar.order };
});
const outlineReferences = (JSON.parse(readFileSync('tests/fixtures/outline-references.json', 'utf8')) as {
  references: { mention: string; key: string; title?: boolean }[];
}).references;

/** The outline's order: Lectures 1-6, Assignment 1, Lectures 7-10, Assignment 2, Lectures 11-13. */
const OUTLINE_ORDER = [
  'Lecture 1', 'Lecture 2', 'Lecture 3', 'Lecture 4', 'Lecture 5', 'Lecture 6', 'Assignment 1',
  'Lecture 7', 'Lecture 8', 'Lecture 9', 'Lecture 10', 'Assignment 2', 'Lecture 11', 'Lecture 12', 'Lecture 13',
];

describe('unit pages', () => {
  test('there is one page per unit, in the outline order in the sidebar', () => {
    const ordered = [...units].sort((a, b) => a.order - b.order);
    expect(ordered.map((u) => unitLabel(u.unit))).toEqual(OUTLINE_ORDER);
    expect(ordered.map((u) => u.order)).toEqual(OUTLINE_ORDER.map((_, i) => i + 1));
  });

  test('every lecture lists its own slides and video', () => {
    for (const { unit, file } of units.filter((u) => u.unit.kind === 'lecture')) {
      const n = String(unit.number).padStart(2, '0');
      const refs = unit.checklist.map((item) => `${item.kind}:${item.ref}`);
      expect(refs, file).toContain(`slides:cs231n2017lecture${n}`);
      expect(refs, file).toContain(`video:cs231n2017video${n}`);
    }
  });

  test('every topic is a "## " section, in order, and names its subtopics', () => {
    for (const { unit, body, file } of units) {
      const sections = body.split(/^## /m).slice(1).map((section) => {
        const [heading = '', ...rest] = section.split('\n');
        return { heading: heading.trim(), text: rest.join('\n') };
      });
      // Topics appear in order; other sections (key ideas, exercises) may come between or after.
      let cursor = 0;
      for (const topic of unit.topics) {
        const index = sections.findIndex((section, i) => i >= cursor && section.heading === topic.title);
        expect(index, `${file}: no "## ${topic.title}" section after the previous topic`).toBeGreaterThanOrEqual(0);
        for (const subtopic of topic.subtopics) expect(sections[index]?.text, `${file}: ${topic.title}`).toContain(subtopic);
        cursor = index + 1;
      }
    }
  });

  test('every citation in the text resolves to the bibliography', () => {
    for (const { body, file } of units) {
      for (const key of citedKeys(body)) expect(bibliography.byKey.has(key), `${file}: @${key}`).toBe(true);
    }
  });

  test('the reading list is complete: every reference cited in the text is on it', () => {
    for (const { unit, body, file } of units) {
      const listed = new Set([...unit.readingList, ...unit.checklist.flatMap((i) => (i.ref ? [i.ref] : []))]);
      const missing = citedKeys(body).filter((key) => !listed.has(key));
      expect(missing, file).toEqual([]);
    }
  });

  test('each lecture has at least 1,500 words of prose (Lecture 1: 800), key ideas and 3-5 check-yourself questions', () => {
    for (const { unit, body, file } of units) {
      const words = proseWords(body);
      const floor = unit.kind === 'assignment' ? 1000 : unit.number === 1 ? 800 : 1500;
      expect(words, `${file}: prose words`).toBeGreaterThanOrEqual(floor);
      expect(body, file).toMatch(/^## Key ideas$/m);
      // Only the check-yourself section itself: a Problems section may follow it.
      const questions = (body.split(/^## Check yourself$/m)[1] ?? '').split(/^## /m)[0] ?? '';
      const answers = (questions.match(/<details>/g) ?? []).length;
      expect(answers, `${file}: check-yourself answers`).toBeGreaterThanOrEqual(3);
      expect(answers, `${file}: check-yourself answers`).toBeLessThanOrEqual(6);
    }
  });

  test('every lecture ends with a Problems section of two or three worked problems', () => {
    for (const { body, file } of units.filter((u) => u.unit.kind === 'lecture')) {
      const problems = body.split(/^## Problems$/m)[1];
      expect(problems, `${file}: no "## Problems" section`).toBeDefined();
      const solutions = (problems?.match(/<details>/g) ?? []).length;
      expect(solutions, `${file}: worked problems`).toBeGreaterThanOrEqual(2);
      expect(solutions, `${file}: worked problems`).toBeLessThanOrEqual(3);
    }
  });

  test('the outline slips are fixed, not copied', () => {
    const everything = units.map((u) => JSON.stringify(u.frontmatter) + u.body).join('\n');
    expect(everything).not.toMatch(/Dropou(?!t)/);
    expect(everything).not.toContain('、');
    const a2 = units.find((u) => u.unit.kind === 'assignment' && u.unit.number === 2);
    expect(a2?.unit.checklist.map((i) => i.label)).toContain('Q3: Dropout');
  });
});

describe('outline references', () => {
  const onUnitPages = new Set(
    units.flatMap((u) => [...u.unit.readingList, ...u.unit.checklist.flatMap((i) => (i.ref ? [i.ref] : [])), ...citedKeys(u.body)]),
  );

  test.each(outlineReferences)('"$mention" is $key, on a unit page', ({ key, mention, title }) => {
    const reference = bibliography.byKey.get(key);
    expect(reference, `missing from the bibliography: ${key}`).toBeDefined();
    if (title) expect(reference?.title.toLowerCase()).toContain(mention.toLowerCase());
    expect(onUnitPages.has(key), `${key} is on no unit page`).toBe(true);
  });
});
