// citation-js ships no type declarations; these cover only what src/bib/ uses.
declare module '@citation-js/core' {
  export interface CslName {
    family?: string;
    given?: string;
    literal?: string;
    /** "van der" in "van der Maaten, Laurens": part of the name as cited. */
    'non-dropping-particle'?: string;
    /** "von" in "Ludwig von Beethoven" style names, dropped when sorting. */
    'dropping-particle'?: string;
  }
  export interface CslItem {
    id: string;
    type: string;
    title?: string;
    author?: CslName[];
    editor?: CslName[];
    issued?: { 'date-parts'?: number[][] };
    [field: string]: unknown;
  }
  export interface FormatOptions {
    format?: 'html' | 'text';
    template?: string;
    lang?: string;
    asEntryArray?: boolean;
  }
  export class Cite {
    constructor(data: string | CslItem[]);
    data: CslItem[];
    format(style: 'bibliography', options: FormatOptions & { asEntryArray: true }): [string, string][];
    format(style: 'bibliography' | 'citation' | 'bibtex', options?: FormatOptions): string;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
