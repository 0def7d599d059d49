/**
 * Astro integration: writes the char-RNN's corpus of the notes (corpus-build.ts) into
 * `public/data/corpus/` before the dev server or a build starts, as mnist-integration.ts does
 * for the digits.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ensureCorpusAssets } from './corpus-build.ts';
import { CORPUS_ASSET_DIR } from './notes-corpus.ts';

export function notesCorpus(): AstroIntegration {
  return {
    name: 'cs231n:notes-corpus',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const outDir = join(fileURLToPath(config.publicDir), CORPUS_ASSET_DIR);
        const notesDir = fileURLToPath(new URL('content/docs/notes/', config.root));
        const { manifest, written } = ensureCorpusAssets(notesDir, outDir);
        if (written) logger.info(`wrote the notes corpus (${manifest.trainChars} + ${manifest.validChars} characters, ${manifest.chars.length} distinct) to ${outDir}`);
      },
    },
  };
}
