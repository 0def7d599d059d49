/**
 * Build-time views over the content collections: the course units in syllabus order, and where
 * each reference is used. Pages and components read these instead of repeating the queries.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { citedKeys } from '../units/citations.ts';
import { unitLabel, unitShortTitle, type UnitData } from '../units/schema.ts';
import { withBase } from './base.ts';

export interface UnitPage {
  /** Storage id of the unit's progress, stable across file renames: "lecture-2". */
  progressId: string;
  label: string;
  /** Full page title, "Lecture 5: Convolutional Neural Networks". */
  title: string;
  /** Title without the label, "Convolutional Neural Networks". */
  shortTitle: string;
  href: string;
  unit: UnitData;
  entry: CollectionEntry<'docs'>;
}

export function unitProgressId(unit: Pick<UnitData, 'kind' | 'number'>): string {
  return `${unit.kind}-${unit.number}`;
}

export async function getUnits(): Promise<UnitPage[]> {
  const docs = await getCollection('docs');
  return docs
    .flatMap((entry) => {
      const unit = entry.data.unit;
      if (!unit) return [];
      return [{
        progressId: unitProgressId(unit),
        label: unitLabel(unit),
        title: entry.data.title,
        shortTitle: unitShortTitle(entry.data.title),
        href: withBase(import.meta.env.BASE_URL, `${entry.id}/`),
        unit,
        entry,
      }];
    })
    .sort((a, b) => (a.entry.data.sidebar.order ?? 0) - (b.entry.data.sidebar.order ?? 0));
}

export interface UnitUse {
  page: UnitPage;
  /** Cited in the unit's text (not only listed in its reading list). */
  cited: boolean;
}

/** For each bibliography key, the units that list or cite it, in syllabus order. */
export async function getReferenceUses(): Promise<Map<string, UnitUse[]>> {
  const uses = new Map<string, UnitUse[]>();
  for (const page of await getUnits()) {
    const cited = new Set(citedKeys(page.entry.body ?? ''));
    const keys = new Set([...page.unit.readingList, ...page.unit.checklist.flatMap((i) => (i.ref ? [i.ref] : [])), ...cited]);
    for (const key of keys) {
      const list = uses.get(key) ?? [];
      list.push({ page, cited: cited.has(key) });
      uses.set(key, list);
    }
  }
  return uses;
}

export async function getReferenceMap(): Promise<Map<string, CollectionEntry<'references'>['data']>> {
  const references = await getCollection('references');
  return new Map(references.map((r) => [r.id, r.data]));
}

export function referenceHref(key: string): string {
  return withBase(import.meta.env.BASE_URL, `references/${key}/`);
}
