/** The linear classifier's training, served in a Web Worker (started by ./training.ts). */
import { createLinearEngine } from '../../engines/linear-classifier/linear-engine.ts';
import { serveWorkerEngine, type ServeScope } from '../../tf/worker-serve.ts';

// A dedicated worker's global scope has onmessage and postMessage (the DOM typings know Window's only).
serveWorkerEngine(self as unknown as ServeScope, { create: createLinearEngine });
