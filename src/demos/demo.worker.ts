/** The one Web Worker entry of the demos: serves the engine a page names (worker-engines.ts). */
import { serveWorkerEngines, type ServeScope } from '../tf/worker-serve.ts';
import { WORKER_ENGINES } from './worker-engines.ts';

// A dedicated worker's global scope has onmessage and postMessage (the DOM typings know Window's only).
serveWorkerEngines(self as unknown as ServeScope, { engines: WORKER_ENGINES });
