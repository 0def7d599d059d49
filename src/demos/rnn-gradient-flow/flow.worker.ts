/** The gradient-flow measurements, served in a Web Worker (started by ./run.ts). */
import { createFlowEngine } from '../../engines/char-rnn/gradient-flow.ts';
import { serveWorkerEngine, type ServeScope } from '../../tf/worker-serve.ts';

// A dedicated worker's global scope has onmessage and postMessage (the DOM typings know Window's only).
serveWorkerEngine(self as unknown as ServeScope, { create: (tf) => createFlowEngine(tf) });
