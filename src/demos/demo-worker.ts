/**
 * What startEngine needs to run one of the demos' engines in the demos' Web Worker, or on the
 * page's thread where no worker can start: `startEngine({ tf, backend, signal, init,
 * ...demoEngine('char-rnn', 'Char-RNN training') })`.
 */
import { WORKER_ENGINES, type WorkerEngineName } from './worker-engines.ts';

type Engines = typeof WORKER_ENGINES;

export function demoEngine<N extends WorkerEngineName>(engine: N, label: string): { engine: N; worker: () => Worker; local: Engines[N] } {
  return {
    engine,
    // Written literally, so that Vite finds the worker entry and bundles it (once, for every demo).
    worker: () => new Worker(new URL('./demo.worker.ts', import.meta.url), { type: 'module', name: label }),
    local: WORKER_ENGINES[engine],
  };
}
