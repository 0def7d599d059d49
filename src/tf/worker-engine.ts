/**
 * The page's half of an engine run in a Web Worker (worker-serve.ts answers inside it).
 *
 * Lifecycle: startWorkerEngine posts `init` and resolves once the worker has loaded tfjs on the
 * backend and built its engine, or rejects with WorkerUnavailable (the caller then runs the engine
 * on the page's thread, engine-thread.ts). request() posts one unit of work and resolves with its
 * reply. When the run's signal fires, the worker is told to stop at its next step and every
 * pending request rejects with an AbortError at once; dispose() terminates the worker.
 */
import type { WasmPaths } from './backend-modules.ts';
import type { BackendName } from './types.ts';
import { abortError, createPendingRequests, isFromWorker, type FromWorker, type ToWorker } from './worker-protocol.ts';

/** What the page needs of a Worker (a MessagePort pair stands in for one in unit tests). */
export interface WorkerPort {
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
}

export interface WorkerEngine<Q, R> {
  request(request: Q, transfer?: Transferable[]): Promise<R>;
  /** The worker's tfjs tensor count at its last message (exact whenever no request is pending). */
  readonly tensors: number;
  dispose(): void;
}

/** The worker could not start the engine: run it on the page's thread instead. */
export class WorkerUnavailable extends Error {
  override name = 'WorkerUnavailable';
}

export interface StartWorkerOptions<I> {
  worker: WorkerPort;
  /** The engine's name in the worker's table of engines. */
  engine: string;
  backend: BackendName;
  /** Where the wasm binaries are (absolute URLs), when the backend is wasm. */
  wasmPaths?: WasmPaths | undefined;
  /** The engine's init, copied to the worker (structured clone). */
  init: I;
  signal: AbortSignal;
}

export function startWorkerEngine<I, Q, R>(options: StartWorkerOptions<I>): Promise<WorkerEngine<Q, R>> {
  const { worker, signal } = options;
  const pending = createPendingRequests<R>();
  let tensors = 0;
  let terminated = false;
  let started: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => (started = { resolve, reject }));
  const post = (message: ToWorker<I, Q>, transfer: Transferable[] = []) => {
    if (!terminated) worker.postMessage(message, transfer);
  };
  const stop = (error: Error) => {
    started?.reject(error);
    pending.failAll(error);
  };
  const terminate = () => {
    if (terminated) return;
    terminated = true;
    worker.terminate();
  };

  worker.onmessage = (event) => {
    const message: unknown = event.data;
    if (!isFromWorker(message)) {
      stop(new Error('the worker sent a message the page does not understand'));
      return;
    }
    tensors = message.tensors;
    if (message.kind === 'ready') started?.resolve();
    else if (message.kind === 'failed' && message.id === 'init') started?.reject(new WorkerUnavailable(message.message));
    else pending.settle(message as Extract<FromWorker<R>, { id: number }>);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const error = new Error(`the engine's worker failed: ${event.message || 'unknown error'}`);
    // A worker that dies while starting (a script that cannot load) means "run it here instead".
    stop(started ? new WorkerUnavailable(error.message) : error);
  };
  const onAbort = () => {
    post({ kind: 'abort' });
    stop(abortError());
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });

  post({ kind: 'init', engine: options.engine, backend: options.backend, wasmPaths: options.wasmPaths, init: options.init });
  return ready.then(
    () => {
      started = undefined;
      return {
        request(request, transfer = []) {
          const { id, promise } = pending.add();
          post({ kind: 'request', id, request }, transfer);
          return promise;
        },
        get tensors() {
          return tensors;
        },
        dispose() {
          signal.removeEventListener('abort', onAbort);
          stop(abortError());
          terminate();
        },
      };
    },
    (error: unknown) => {
      signal.removeEventListener('abort', onAbort);
      terminate();
      throw error;
    },
  );
}
