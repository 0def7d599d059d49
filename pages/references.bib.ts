/** The whole bibliography as one downloadable .bib file, exactly as written. */
import type { APIRoute } from 'astro';
import { readFile } from 'node:fs/promises';
import { BIBLIOGRAPHY_PATH } from '../src/site/paths.ts';

export const GET: APIRoute = async () =>
  new Response(await readFile(BIBLIOGRAPHY_PATH, 'utf8'), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
