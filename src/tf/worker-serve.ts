/**
 * The worker's half of an engine run off the main thread (worker-engine.ts is the page's half,
 * worker-protocol.ts the messages). A worker file is one line: serve its engine.
 *
 * Lifecycle: `init` loads tfjs on the page's backend inside the worker (wasm finds its binaries
 * through the same URLs as on the page) and builds the engine; requests run one at a time, in
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

/** The part of a worker's global scope (or of a MessagePort, in tests) that serving needs. */
export interface ServeScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

export interface ServeOptions<I, Q, R> {
  create: CreateServedEngine<I, Q, R>;
  /** How the worker gets tfjs (default: the page's backend, wasm binaries at the page's URLs). */
  loadTf?: (backend: BackendName, wasmPaths: WasmPaths | undefined) => Promise<Tf>;
}

export function serveWorkerEngine<I, Q, R>(scope: ServeScope, options: ServeOptions<I, Q, R>): void {
  const loadTf = options.loadTf ?? loadWorkerTf;
  const abort = new AbortController();
  let tf: Tf | undefined;
  let engine: Promise<ServedEngine<Q, R>> | undefined;
  // Requests chain so each starts after the previous one settles (replies keep their order).
  let queue: Promise<unknown> = Promise.resolve();
  const tensors = () => {
    try {
      return tf?.memory().numTensors ?? 0;
    } catch {
      return 0;
    }
  };
  const send = (message: FromWorker<R>, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

  scope.onmessage = (event: MessageEvent<ToWorker<I, Q>>) => {
    const message = event.data;
    if (message.kind === 'abort') {
      abort.abort(abortError());
      return;
    }
    if (message.kind === 'init') {
      engine = (async () => {
        tf = await loadTf(message.backend, message.wasmPaths);
        await smokeTest(tf);
        return options.create(tf, message.init, abort.signal);
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
