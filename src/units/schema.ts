/**
 * The frontmatter of a course-unit page (`unit:` in content/docs/notes/*.mdx), validated at
 * build time. Every field an author types is described here; a mistake stops the build with
 * the file, the field and what was expected.
 */
import { z } from 'astro/zod';

export const UNIT_KINDS = ['lecture', 'assignment'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const CHECKLIST_KINDS = ['slides', 'video', 'notes', 'tutorial', 'handout', 'reading', 'task'] as const;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase words joined by hyphens, e.g. "image-classification-notes"');

export const checklistItemSchema = z
  .object({
    id: slug.describe('Stable id of the item, unique within the unit. The reader\'s progress is stored under it: do not rename lightly.'),
    kind: z.enum(CHECKLIST_KINDS).describe('What the item is: lecture slides, the lecture video, course notes, a tutorial, a handout, an optional reading, or an assignment task.'),
    label: z.string().min(1).describe('What the reader sees, e.g. "Image classification notes".'),
    ref: z.string().optional().describe('Bibliography key of the material, linked from the item.'),
    covers: z.array(z.string().min(1)).default([]).describe('The bullets the outline lists under the item (for slides: the lecture\'s topics).'),
    optional: z.boolean().default(false).describe('True where the course marks the item optional.'),
    outlineDone: z.boolean().default(false).describe('The outline author\'s own done mark, kept as a record. It does not tick the reader\'s checklist: each reader\'s progress starts empty and lives in their browser.'),
  })
  .strict();

export const topicSchema = z
  .object({
    title: z.string().min(1).describe('Section heading: each topic must be a "## " heading of the page body.'),
    subtopics: z.array(z.string().min(1)).default([]).describe('Sub-sections the outline lists under the topic ("### " headings or points in the section).'),
  })
  .strict();

/**
 * @param knownKeys bibliography keys; reading-list and checklist references must be among them.
 */
export function createUnitSchema(knownKeys: ReadonlySet<string>) {
  const bibKey = z.string().refine((key) => knownKeys.has(key), (key) => ({
    message: `unknown bibliography key "${key}": add it to content/references.bib or fix the key`,
  }));
  return z
    .object({
      kind: z.enum(UNIT_KINDS).describe('A lecture of the Spring 2017 syllabus, or an assignment.'),
      number: z.number().int().min(1).max(20).describe('Lecture or assignment number in the syllabus.'),
      checklist: z
        .array(checklistItemSchema.extend({ ref: bibKey.optional() }))
        .min(1)
        .describe('The unit\'s study checklist from the outline: slides, video, notes and tasks.'),
      topics: z.array(topicSchema).min(1).describe('The unit\'s topics, in order; each one is a section of the page.'),
      readingList: z
        .array(bibKey)
        .min(1)
        .describe('Bibliography keys shown as the unit\'s reading list, grouped by kind.'),
    })
    .strict()
    .superRefine((unit, ctx) => {
      const ids = new Set<string>();
      unit.checklist.forEach((item, index) => {
        if (ids.has(item.id)) {
          ctx.addIssue({ code: 'custom', path: ['checklist', index, 'id'], message: `duplicate checklist id "${item.id}"` });
        }
        ids.add(item.id);
      });
      const keys = new Set<string>();
      unit.readingList.forEach((key, index) => {
        if (keys.has(key)) ctx.addIssue({ code: 'custom', path: ['readingList', index], message: `"${key}" is listed twice` });
        keys.add(key);
      });
      const titles = new Set<string>();
      unit.topics.forEach((topic, index) => {
        if (titles.has(topic.title)) ctx.addIssue({ code: 'custom', path: ['topics', index, 'title'], message: `topic "${topic.title}" is listed twice` });
        titles.add(topic.title);
      });
    });
}

export type UnitData = z.infer<ReturnType<typeof createUnitSchema>>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** Short label used in the sidebar, progress overview and "cited in" lists: "Lecture 5", "Assignment 1". */
export function unitLabel(unit: Pick<UnitData, 'kind' | 'number'>): string {
  return `${unit.kind === 'lecture' ? 'Lecture' : 'Assignment'} ${unit.number}`;
}

/** A unit page's title without its "Lecture 5: " prefix, for lists that show the label beside it. */
export function unitShortTitle(title: string): string {
  return title.replace(/^(Lecture|Assignment) \d+:\s*/, '');
}
