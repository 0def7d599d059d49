import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createUnitSchema, unitLabel, unitShortTitle } from '../../src/units/schema.ts';
import { splitFrontmatter } from '../helpers/units.ts';

const schema = createUnitSchema(new Set(['he2016deep', 'cs231n2017lecture01']));
const fixtureUnit = (name: string) => splitFrontmatter(readFileSync(`tests/fixtures/pages/${name}`, 'utf8')).frontmatter['unit'];
const issues = (value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('unit frontmatter schema', () => {
  test('a reading-list key missing from the bibliography is named with its field', () => {
    expect(issues(fixtureUnit('unknown-reading-key.mdx'))).toEqual([
      'readingList.1: unknown bibliography key "no-such-reading-key": add it to content/references.bib or fix the key',
    ]);
  });

  test('a wrong unit kind and an empty topic list are both reported', () => {
    const found = issues(fixtureUnit('bad-frontmatter.mdx'));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^kind: Invalid enum value. Expected 'lecture' \| 'assignment', received 'seminar'/);
    expect(found[1]).toBe('topics: Array must contain at least 1 element(s)');
  });

  test('duplicate checklist ids and unknown fields are rejected', () => {
    const unit = {
      kind: 'lecture',
      number: 1,
      checklist: [
        { id: 'slides', kind: 'slides', label: 'Slides', ref: 'cs231n2017lecture01' },
        { id: 'slides', kind: 'video', label: 'Video', done: true },
      ],
      topics: [{ title: 'A' }],
      readingList: ['he2016deep'],
    };
    expect(issues(unit)).toEqual([
      "checklist.1: Unrecognized key(s) in object: 'done'",
      'checklist.1.id: duplicate checklist id "slides"',
    ]);
    const { done: _done, ...second } = unit.checklist[1] as Record<string, unknown>;
    expect(issues({ ...unit, checklist: [unit.checklist[0], second] })).toEqual(['checklist.1.id: duplicate checklist id "slides"']);
  });

  test('labels and short titles are derived from kind and number', () => {
    expect(unitLabel({ kind: 'assignment', number: 2 })).toBe('Assignment 2');
    expect(unitShortTitle('Lecture 5: Convolutional Neural Networks')).toBe('Convolutional Neural Networks');
  });
});
