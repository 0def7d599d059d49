/**
 * Loads the Pagefind JS API that the build writes to `<base>pagefind/pagefind.js`.
 * Only the parts of its API this site uses are typed here.
 */

export type PagefindFilters = Record<string, { any: string[] }>;

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  /** For each filter, how many results each value has under the current search. */
  filters: Record<string, Record<string, number>>;
}

export interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(query: string | null, options: { filters: PagefindFilters }, debounceMs: number): Promise<PagefindSearch | null>;
}

export async function loadPagefind(base: string): Promise<Pagefind> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const pagefind = (await import(/* @vite-ignore */ `${root}pagefind/pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: root });
  await pagefind.init();
  // Searches only report counts for filters whose index is loaded: load them all once.
  await pagefind.filters();
  return pagefind;
}
