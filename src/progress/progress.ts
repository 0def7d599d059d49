/**
 * The reader's study progress: which checklist items they have ticked, and when.
 * Pure data functions (tested in Node); `progress-storage.ts` keeps it in localStorage.
 *
 * Item ids are "<unit>/<item>", e.g. "lecture-2/slides". Ids the site no longer has are kept,
 * so an export from another version imports without loss.
 */

export const PROGRESS_FORMAT = 'cs231n-notes-progress';
export const PROGRESS_VERSION = 1;

export interface Progress {
  format: typeof PROGRESS_FORMAT;
  version: typeof PROGRESS_VERSION;
  /** Item id -> ISO time it was ticked. */
  done: Record<string, string>;
}

export class ProgressFormatError extends Error {
  override name = 'ProgressFormatError';
}

export function emptyProgress(): Progress {
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, done: {} };
}

export function itemId(unit: string, item: string): string {
  return `${unit}/${item}`;
}

const ITEM_ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;

/** Reads a progress document (an export file or the stored value); throws a readable error. */
export function parseProgress(text: string): Progress {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ProgressFormatError('This file is not JSON. Choose a progress file exported from this site.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProgressFormatError('This JSON is not a progress file exported from this site.');
  }
  const record = value as Record<string, unknown>;
  if (record['format'] !== PROGRESS_FORMAT) {
    throw new ProgressFormatError(`This JSON is not a progress file of this site (expected "format": "${PROGRESS_FORMAT}").`);
  }
  if (record['version'] !== PROGRESS_VERSION) {
    throw new ProgressFormatError(`This progress file has version ${String(record['version'])}; this site reads version ${PROGRESS_VERSION}.`);
  }
  const done = record['done'];
  if (typeof done !== 'object' || done === null || Array.isArray(done)) {
    throw new ProgressFormatError('The progress file has no "done" list.');
  }
  const result = emptyProgress();
  for (const [id, when] of Object.entries(done)) {
    if (!ITEM_ID.test(id)) throw new ProgressFormatError(`The progress file has an invalid item id "${id}".`);
    if (typeof when !== 'string' || Number.isNaN(Date.parse(when))) {
      throw new ProgressFormatError(`The progress file has an invalid date for "${id}".`);
    }
    result.done[id] = when;
  }
  return result;
}

export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress, null, 2);
}

export function setDone(progress: Progress, id: string, done: boolean, now = new Date()): Progress {
  const next: Progress = { ...progress, done: { ...progress.done } };
  if (done) next.done[id] ??= now.toISOString();
  else delete next.done[id];
  return next;
}

/** Union of two progress documents; for an item ticked in both, the earlier tick wins. */
export function mergeProgress(current: Progress, incoming: Progress): { progress: Progress; added: number } {
  const merged: Progress = { ...current, done: { ...current.done } };
  let added = 0;
  for (const [id, when] of Object.entries(incoming.done)) {
    const existing = merged.done[id];
    if (existing === undefined) {
      added++;
      merged.done[id] = when;
    } else if (Date.parse(when) < Date.parse(existing)) {
      merged.done[id] = when;
    }
  }
  return { progress: merged, added };
}

/** How many of the given item ids are done. */
export function countDone(progress: Progress, ids: readonly string[]): number {
  return ids.filter((id) => id in progress.done).length;
}
