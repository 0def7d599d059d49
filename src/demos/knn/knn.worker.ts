/** The kNN demo's distances and neighbour searches, served in a Web Worker (started by ./run.ts). */
import { createKnnEngine } from '../../engines/knn/knn-engine.ts';
import { serveWorkerEngine, type ServeScope } from '../../tf/worker-serve.ts';

// A dedicated worker's global scope has onmessage and postMessage (the DOM typings know Window's only).
serveWorkerEngine(self as unknown as ServeScope, { create: createKnnEngine });
