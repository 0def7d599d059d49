/** The backend benchmark's engine, served in a Web Worker (started by ./suite-thread.ts). */
import { createBenchEngine } from '../../engines/backend-bench/bench-engine.ts';
import { serveWorkerEngine, type ServeScope } from '../../tf/worker-serve.ts';

// A dedicated worker's global scope has onmessage and postMessage (the DOM typings know Window's only).
serveWorkerEngine(self as unknown as ServeScope, { create: createBenchEngine });
