/** The activation lab's training, served in a Web Worker (started by ./training.ts). */
import { createTrainingEngine } from '../../engines/activation-lab/training-engine.ts';
import { serveWorkerEngine, type ServeScope } from '../../tf/worker-serve.ts';

// A dedicated worker's global scope has onmessage and postMessage (the DOM typings know Window's only).
serveWorkerEngine(self as unknown as ServeScope, { create: createTrainingEngine });
