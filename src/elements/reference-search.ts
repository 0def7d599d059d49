/**
 * <reference-search data-base="/">: full-text search with facet filters over the reference
 * pages, on the Pagefind index built with the site (no network). Facets combine as AND across
 * facets and OR within one. The query and filters live in the URL (?q=&kind=...) so a search
 * can be shared. Without JavaScript the catalogue below stays as it is.
 */
import { loadPagefind, type Pagefind, type PagefindFilters, type PagefindResult } from '../search/pagefind.ts';

const PAGE_SIZE = 25;

class ReferenceSearch extends HTMLElement {
  #pagefind: Pagefind | undefined;
  #results: PagefindResult[] = [];
  #shown = 0;
  #generation = 0;
  #abort = new AbortController();

  async connectedCallback(): Promise<void> {
    const form = this.querySelector('form');
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (!form || !status) return;
    try {
      this.#pagefind = await loadPagefind(this.dataset['base'] ?? '/');
    } catch {
      status.textContent = 'Search needs the index that "npm run build" creates; the full list below still works.';
      return;
    }
    form.hidden = false;
    this.#restoreFromUrl(form);
    const panel = form.querySelector<HTMLDetailsElement>('[data-facets-panel]');
    // Facets open by default where there is room for them beside the text.
    if (panel && (matchMedia('(min-width: 50rem)').matches || form.querySelector('input[type="checkbox"]:checked'))) panel.open = true;
    const signal = this.#abort.signal;
    form.addEventListener('input', () => void this.#run(form), { signal });
    form.addEventListener('submit', (event) => event.preventDefault(), { signal });
    this.querySelector('[data-clear]')?.addEventListener('click', () => {
      form.reset();
      void this.#run(form);
    }, { signal });
    this.querySelector('[data-more]')?.addEventListener('click', () => void this.#renderMore(), { signal });
    await this.#run(form);
  }

  disconnectedCallback(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
  }

  #restoreFromUrl(form: HTMLFormElement): void {
    const params = new URLSearchParams(location.search);
    const query = form.querySelector<HTMLInputElement>('input[type="search"]');
    if (query) query.value = params.get('q') ?? '';
    form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]').forEach((box) => {
      box.checked = params.getAll(box.name).includes(box.value);
    });
  }

  #readForm(form: HTMLFormElement): { query: string; filters: PagefindFilters } {
    const query = form.querySelector<HTMLInputElement>('input[type="search"]')?.value.trim() ?? '';
    const filters: PagefindFilters = {};
    form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked').forEach((box) => {
      (filters[box.name] ??= { any: [] }).any.push(box.value);
    });
    return { query, filters };
  }

  async #run(form: HTMLFormElement): Promise<void> {
    const pagefind = this.#pagefind;
    if (!pagefind) return;
    const generation = ++this.#generation;
    const { query, filters } = this.#readForm(form);
    this.#writeUrl(query, filters);
    const catalogue = document.querySelector<HTMLElement>('[data-catalogue]');
    const list = this.querySelector<HTMLOListElement>('[data-results]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    const active = query !== '' || Object.keys(filters).length > 0;
    if (catalogue) catalogue.hidden = active;
    if (list) list.hidden = !active;

    // Only reference pages carry a "kind" filter: without a kind chosen, ask for any kind.
    const kinds = [...form.querySelectorAll<HTMLInputElement>('fieldset[data-facet="kind"] input')].map((b) => b.value);
    const scoped: PagefindFilters = { kind: { any: kinds }, ...filters };
    const search = await pagefind.debouncedSearch(query || null, { filters: scoped }, 200);
    if (search === null || generation !== this.#generation) return;

    this.#updateCounts(form, search.filters);
    const chosen = form.querySelectorAll('input[type="checkbox"]:checked').length;
    const badge = form.querySelector('[data-active-filters]');
    if (badge) badge.textContent = chosen > 0 ? `(${chosen} active)` : '';
    if (!active) {
      if (status) status.textContent = '';
      return;
    }
    this.#results = search.results;
    this.#shown = 0;
    if (list) list.replaceChildren();
    if (status) {
      status.textContent = search.results.length === 0
        ? 'No reference matches. Try fewer words or filters.'
        : `${search.results.length} reference${search.results.length === 1 ? '' : 's'} found.`;
    }
    await this.#renderMore();
  }

  async #renderMore(): Promise<void> {
    const list = this.querySelector<HTMLOListElement>('[data-results]');
    const more = this.querySelector<HTMLButtonElement>('[data-more]');
    if (!list || !more) return;
    const generation = this.#generation;
    const batch = this.#results.slice(this.#shown, this.#shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (generation !== this.#generation) return;
    for (const item of data) {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = item.url;
      link.textContent = item.meta.title ?? item.url;
      const facts = document.createElement('span');
      facts.className = 'reference-result-facts';
      facts.textContent = [item.filters['kind'], item.filters['year'], item.filters['venue']].map((v) => v?.[0]).filter(Boolean).join(' · ');
      const excerpt = document.createElement('p');
      // Pagefind's excerpt is escaped page text with <mark> around the matches.
      excerpt.innerHTML = item.excerpt;
      li.append(link, facts, excerpt);
      list.append(li);
    }
    this.#shown += batch.length;
    more.hidden = this.#shown >= this.#results.length;
  }

  #updateCounts(form: HTMLFormElement, counts: Record<string, Record<string, number>>): void {
    form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]').forEach((box) => {
      const count = counts[box.name]?.[box.value] ?? 0;
      const label = box.closest('label');
      const badge = label?.querySelector('[data-count]');
      if (badge) badge.textContent = String(count);
      label?.classList.toggle('is-empty', count === 0 && !box.checked);
    });
  }

  #writeUrl(query: string, filters: PagefindFilters): void {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    for (const [name, { any }] of Object.entries(filters)) for (const value of any) params.append(name, value);
    const search = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  }
}

if (!customElements.get('reference-search')) customElements.define('reference-search', ReferenceSearch);
