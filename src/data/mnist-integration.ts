/**
 * Astro integration: makes sure `public/data/mnist/` holds the MNIST assets before the dev
 * server or a build starts (they are generated, not committed; see .gitignore).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ensureMnistAssets } from './mnist-build.ts';
import { MNIST_ASSET_DIR } from './mnist-format.ts';

export function mnistAssets(): AstroIntegration {
  return {
    name: 'cs231n:mnist-assets',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const outDir = join(fileURLToPath(config.publicDir), MNIST_ASSET_DIR);
        const started = Date.now();
        const { manifest, written } = ensureMnistAssets(outDir);
        if (written) logger.info(`wrote ${manifest.count} MNIST digits to ${outDir} in ${Date.now() - started} ms`);
      },
    },
  };
}
