/** "Time it here", served in a Web Worker (started by ./timing.ts). */
import { createTimingEngine } from '../../engines/architectures/timing-engine.ts';
import { serveWorkerEngine, type ServeScope } from '../../tf/worker-serve.ts';

// A dedicated worker's global scope has onmessage and postMessage (the DOM typings know Window's only).
serveWorkerEngine(self as unknown as ServeScope, { create: createTimingEngine });
