/** Adds the benchmark pages to builds made with BENCH=1 (never to the site itself). */
import type { AstroIntegration } from 'astro';

export function benchPage(): AstroIntegration {
  return {
    name: 'cs231n:bench-page',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (process.env.BENCH !== '1') return;
        injectRoute({ pattern: '/bench/engines', entrypoint: './src/bench/BenchPage.astro' });
        injectRoute({ pattern: '/bench/tsne', entrypoint: './src/bench/TsneBenchPage.astro' });
        injectRoute({ pattern: '/bench/generative', entrypoint: './src/bench/TrainGenerativePage.astro' });
        injectRoute({ pattern: '/bench/cnn', entrypoint: './src/bench/CnnBenchPage.astro' });
        injectRoute({ pattern: '/bench/rnn', entrypoint: './src/bench/RnnBenchPage.astro' });
      },
    },
  };
}
