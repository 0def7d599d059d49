import { resolve } from 'node:path';

/** The one bibliography. Astro, Vitest and the scripts all run from the project root. */
export const BIBLIOGRAPHY_PATH = resolve('content/references.bib');
