/** The kinds of reference (`keywords` in the .bib), in the order reading lists show them. */
export const REFERENCE_KINDS = [
  'paper',
  'book',
  'thesis',
  'notes',
  'slides',
  'video',
  'course',
  'code',
  'demo',
  'blog',
  'web',
] as const;

export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export const KIND_LABELS: Record<ReferenceKind, { one: string; many: string }> = {
  paper: { one: 'Paper', many: 'Papers' },
  book: { one: 'Book', many: 'Books' },
  thesis: { one: 'Thesis', many: 'Theses' },
  notes: { one: 'Course notes', many: 'Course notes and handouts' },
  slides: { one: 'Slides', many: 'Slides' },
  video: { one: 'Video', many: 'Videos' },
  course: { one: 'Course', many: 'Courses' },
  code: { one: 'Code', many: 'Code' },
  demo: { one: 'Interactive demo', many: 'Interactive demos' },
  blog: { one: 'Blog post', many: 'Blog posts' },
  web: { one: 'Web page', many: 'Web pages' },
};

export function isReferenceKind(value: string): value is ReferenceKind {
  return (REFERENCE_KINDS as readonly string[]).includes(value);
}
