import { defineCollection, z } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { formatCitations, loadBibliography } from './src/bib/bibliography.ts';
import { REFERENCE_KINDS } from './src/bib/kinds.ts';
import { createUnitSchema } from './src/units/schema.ts';
import { BIBLIOGRAPHY_PATH } from './src/site/paths.ts';

const bibliography = loadBibliography(BIBLIOGRAPHY_PATH);
const knownKeys = new Set(bibliography.byKey.keys());

const docs = defineCollection({
  loader: docsLoader(),
  schema: docsSchema({
    extend: z.object({
      /** Present on course-unit pages only (lectures and assignments). */
      unit: createUnitSchema(knownKeys).optional(),
    }),
  }),
});

/** One item per BibTeX entry; the .bib file is the only source. */
const references = defineCollection({
  loader: async () => {
    const citations = formatCitations(bibliography);
    return bibliography.references.map(({ csl: _csl, ...reference }) => ({
      id: reference.key,
      ...reference,
      citationHtml: citations.get(reference.key) ?? '',
    }));
  },
  schema: z.object({
    key: z.string(),
    kind: z.enum(REFERENCE_KINDS),
    title: z.string().min(1),
    authors: z.array(z.string()),
    authorsShort: z.string(),
    year: z.number().int(),
    yearLabel: z.string(),
    venue: z.string(),
    url: z.string().url().optional(),
    doi: z.string().optional(),
    arxiv: z.string().optional(),
    annote: z.string().min(1),
    note: z.string().optional(),
    bibtex: z.string(),
    line: z.number().int(),
    citationHtml: z.string().min(1),
  }),
});

export const collections = { docs, references };
