/**
 * The worker's half of an engine run off the main thread (worker-engine.ts is the page's half,
 * worker-protocol.ts the messages). One worker entry serves a table of engines by name, each
 * imported only when a page asks for it (src/demos/demo.worker.ts serves every demo's).
 *
 * Lifecycle: `init` loads tfjs on the page's backend inside the worker (wasm finds its binaries
 * through the same URLs as on the page) and builds the engine it names; requests run one at a time, in
 * order, each reply carrying the worker's tensor count; `abort` fires the engine's signal (its
 * loops stop at their next slice) and every later request fails with an AbortError. The page
 * terminates the worker when the run is disposed.
 */
import { startBackend, type WasmPaths } from './backend-modules.ts';
import type { BackendName, Tf } from './types.ts';
import { abortError, failure, type FromWorker, type ToWorker } from './worker-protocol.ts';

/** An engine as a worker serves it: one method that does a unit of work. */
export interface ServedEngine<Q, R> {
  handle(request: Q): Promise<{ reply: R; transfer?: Transferable[] }>;
  dispose(): void;
}

export type CreateServedEngine<I, Q, R> = (tf: Tf, init: I, signal: AbortSignal) => ServedEngine<Q, R> | Promise<ServedEngine<Q, R>>;

/**
 * A worker's engines by name, each loaded on first use. The types are the widest every engine fits
 * (its init and requests arrive as structured clones, checked by the engine, not by the compiler).
 */
export type ServedEngines = Readonly<Record<string, () => Promise<CreateServedEngine<never, never, unknown>>>>;

/** The part of a worker's global scope (or of a MessagePort, in tests) that serving needs. */
export interface ServeScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

export interface ServeOptions {
  engines: ServedEngines;
  /** How the worker gets tfjs (default: the page's backend, wasm binaries at the page's URLs). */
  loadTf?: (backend: BackendName, wasmPaths: WasmPaths | undefined) => Promise<Tf>;
}

export function serveWorkerEngines(scope: ServeScope, options: ServeOptions): void {
  const loadTf = options.loadTf ?? loadWorkerTf;
  const abort = new AbortController();
  let tf: Tf | undefined;
  let engine: Promise<ServedEngine<never, unknown>> | undefined;
  // Requests chain so each starts after the previous one settles (replies keep their order).
  let queue: Promise<unknown> = Promise.resolve();
  const tensors = () => {
    try {
      return tf?.memory().numTensors ?? 0;
    } catch {
      return 0;
    }
  };
  const send = (message: FromWorker<unknown>, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

  scope.onmessage = (event: MessageEvent<ToWorker<never, never>>) => {
    const message = event.data;
    if (message.kind === 'abort') {
      abort.abort(abortError());
      return;
    }
    if (message.kind === 'init') {
      engine = (async () => {
        const load = Object.hasOwn(options.engines, message.engine) ? options.engines[message.engine] : undefined;
        if (!load) throw new Error(`this worker has no engine named "${message.engine}"`);
        const [create, loaded] = await Promise.all([load(), loadTf(message.backend, message.wasmPaths)]);
        tf = loaded;
        await smokeTest(tf);
        return create(tf, message.init, abort.signal);
      })();
      engine.then(
        () => send({ kind: 'ready', tensors: tensors() }),
        (error: unknown) => send(failure('init', error, tensors())),
      );
      return;
    }
    const { id, request } = message;
    queue = queue.then(async () => {
      try {
        if (!engine) throw new Error('the worker was asked to work before it was started');
        const served = await engine;
        abort.signal.throwIfAborted();
        const { reply, transfer } = await served.handle(request);
        send({ kind: 'reply', id, reply, tensors: tensors() }, transfer);
      } catch (error) {
        send(failure(id, error, tensors()));
      }
    });
  };
}

function loadWorkerTf(backend: BackendName, wasmPaths: WasmPaths | undefined): Promise<Tf> {
  return startBackend(backend, async () => {
    if (!wasmPaths) throw new Error('the page did not say where the wasm binaries are');
    return wasmPaths;
  });
}

/** A backend that starts but cannot compute (a broken driver) is refused here, not mid-run. */
async function smokeTest(tf: Tf): Promise<void> {
  const sum = tf.tidy(() => tf.add(tf.tensor1d([1, 2]), tf.tensor1d([3, 4])));
  const values = await sum.data();
  sum.dispose();
  if (values[0] !== 4 || values[1] !== 6) throw new Error(`the ${tf.getBackend()} backend computed wrong results in a worker`);
}
