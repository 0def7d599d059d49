/** The char-RNN's training, served in a Web Worker (started by ./training.ts). */
import { createCharRnnEngine } from '../../engines/char-rnn/char-rnn-engine.ts';
import { serveWorkerEngine, type ServeScope } from '../../tf/worker-serve.ts';

// A dedicated worker's global scope has onmessage and postMessage (the DOM typings know Window's only).
serveWorkerEngine(self as unknown as ServeScope, { create: createCharRnnEngine });
