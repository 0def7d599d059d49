// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { loadBibliography } from './src/bib/bibliography.ts';
import { remarkCitations } from './src/remark/remark-citations.ts';
import { rehypeMathSearch } from './src/search/rehype-math-search.ts';
import { normalizeBase } from './src/site/base.ts';
import { siteFromEnv } from './src/site/site-url.ts';
import { mnistAssets } from './src/data/mnist-integration.ts';
import { notesCorpus } from './src/data/corpus-integration.ts';
import { benchPage } from './src/bench/bench-integration.ts';
import { offlineSite } from './src/offline/offline-integration.ts';

// BASE_PATH builds the site for a sub-path (e.g. /cs231n/); every link goes through it.
const base = normalizeBase(process.env.BASE_PATH);
// SITE is where the build will be hosted (origin only): canonical links and the sitemap use it.
const site = siteFromEnv(process.env.SITE);
// Read once here so a broken bibliography stops the build before anything renders.
const bibliography = loadBibliography(fileURLToPath(new URL('./content/references.bib', import.meta.url)));

export default defineConfig({
  site,
  base,
  srcDir: '.',
  vite: {
    // Workers as ES modules: an engine's worker imports its tfjs backend lazily (code splitting).
    worker: { format: 'es' },
    resolve: {
      alias: { 'node-fetch': fileURLToPath(new URL('./src/tf/node-fetch-stub.ts', import.meta.url)) },
    },
  },
  markdown: {
    remarkPlugins: [remarkMath, [remarkCitations, { bibliography, base }]],
    // rehypeMathSearch after KaTeX: the search index gets each formula once, as readable text.
    rehypePlugins: [rehypeKatex, rehypeMathSearch],
  },
  integrations: [
    mnistAssets(),
    notesCorpus(),
    benchPage(),
    starlight({
      title: 'CS231n notes',
      description:
        'An interactive, offline-first edition of the CS231n (Stanford, Spring 2017) notes on convolutional neural networks for visual recognition.',
      customCss: ['katex/dist/katex.min.css', './styles/site.css', './styles/offline.css'],
      components: {
        Head: './components/overrides/Head.astro',
        MarkdownContent: './components/overrides/MarkdownContent.astro',
      },
      routeMiddleware: './src/site/route-toc.ts',
      lastUpdated: false,
      pagination: true,
      sidebar: [
        { label: 'Home and progress', link: '/' },
        { label: 'Course units', autogenerate: { directory: 'notes' } },
        {
          label: 'Bibliography',
          items: [
            { label: 'All references', link: '/references/' },
            { label: 'Download references.bib', link: '/references.bib' },
          ],
        },
        { label: 'About this edition', slug: 'about' },
      ],
    }),
    // After Starlight: its build:done (the search index) comes before the service worker's precache list.
    offlineSite({ enabled: process.env.BENCH !== '1' }),
  ],
});
