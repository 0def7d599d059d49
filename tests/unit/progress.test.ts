import { describe, expect, test } from 'vitest';
import {
  ProgressFormatError,
  countDone,
  emptyProgress,
  itemId,
  mergeProgress,
  parseProgress,
  serializeProgress,
  setDone,
} from '../../src/progress/progress.ts';

const t1 = new Date('2026-01-01T10:00:00.000Z');
const t2 = new Date('2026-02-01T10:00:00.000Z');

describe('study progress', () => {
  test('ticking and unticking keeps the first tick time', () => {
    let progress = setDone(emptyProgress(), itemId('lecture-2', 'slides'), true, t1);
    progress = setDone(progress, 'lecture-2/slides', true, t2);
    expect(progress.done).toEqual({ 'lecture-2/slides': t1.toISOString() });
    expect(setDone(progress, 'lecture-2/slides', false).done).toEqual({});
  });

  test('an export reads back to the same progress', () => {
    const progress = setDone(setDone(emptyProgress(), 'lecture-1/video', true, t1), 'assignment-1/softmax', true, t2);
    expect(parseProgress(serializeProgress(progress))).toEqual(progress);
    expect(countDone(progress, ['lecture-1/video', 'lecture-1/slides', 'assignment-1/softmax'])).toBe(2);
  });

  test('importing merges without losing ticks, keeping the earlier time', () => {
    const current = setDone(setDone(emptyProgress(), 'lecture-1/video', true, t2), 'lecture-3/slides', true, t1);
    const incoming = setDone(setDone(emptyProgress(), 'lecture-1/video', true, t1), 'lecture-9/video', true, t2);
    const { progress, added } = mergeProgress(current, incoming);
    expect(added).toBe(1);
    expect(progress.done).toEqual({
      'lecture-1/video': t1.toISOString(),
      'lecture-3/slides': t1.toISOString(),
      'lecture-9/video': t2.toISOString(),
    });
  });

  test.each([
    ['not json', 'This file is not JSON'],
    ['[]', 'This JSON is not a progress file exported from this site.'],
    ['{"format":"other","version":1,"done":{}}', 'expected "format": "cs231n-notes-progress"'],
    ['{"format":"cs231n-notes-progress","version":2,"done":{}}', 'has version 2; this site reads version 1'],
    ['{"format":"cs231n-notes-progress","version":1}', 'has no "done" list'],
    ['{"format":"cs231n-notes-progress","version":1,"done":{"x":"2026-01-01"}}', 'invalid item id "x"'],
    ['{"format":"cs231n-notes-progress","version":1,"done":{"lecture-1/video":"yesterday"}}', 'invalid date for "lecture-1/video"'],
  ])('rejects %s with a readable message', (text, message) => {
    expect(() => parseProgress(text)).toThrow(ProgressFormatError);
    expect(() => parseProgress(text)).toThrow(message);
  });
});
