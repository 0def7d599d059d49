/**
 * The messages between a page and an engine that runs in a Web Worker (worker-engine.ts starts
 * it, worker-serve.ts answers inside the worker). Pure: no Worker and no tfjs here, so the
 * bookkeeping is unit-tested in Node.
 *
 *   page → worker   init (once: the engine's name, the backend and the engine's own init), request (one unit of
 *                   work, answered in order), abort (the run is over: the engine stops at its next
 *                   step and refuses later requests)
 *   worker → page   ready | reply | failed, each with the worker's tfjs tensor count at that moment
 *                   (the worker is idle between requests, so that count is exact)
 */
import type { WasmPaths } from './backend-modules.ts';
import type { BackendName } from './types.ts';

export type ToWorker<I, Q> =
  /**
   * engine: which of the worker's engines to build (one worker entry serves every demo's engine);
   * wasmPaths: the page's URLs of the wasm binaries (absolute), when the backend is wasm.
   */
  | { kind: 'init'; engine: string; backend: BackendName; wasmPaths?: WasmPaths | undefined; init: I }
  | { kind: 'request'; id: number; request: Q }
  | { kind: 'abort' };

export type FromWorker<R> =
  | { kind: 'ready'; tensors: number }
  | { kind: 'reply'; id: number; reply: R; tensors: number }
  /** id 'init': the worker could not start (no such backend in a worker, say). */
  | { kind: 'failed'; id: number | 'init'; name: string; message: string; tensors: number };

/** True for a message of the shape above (anything else on the channel is a bug, not data). */
export function isFromWorker(data: unknown): data is FromWorker<unknown> {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  const tensors = typeof m['tensors'] === 'number';
  switch (m['kind']) {
    case 'ready':
      return tensors;
    case 'reply':
      return tensors && typeof m['id'] === 'number' && 'reply' in m;
    case 'failed':
      return tensors && (typeof m['id'] === 'number' || m['id'] === 'init') && typeof m['name'] === 'string' && typeof m['message'] === 'string';
    default:
      return false;
  }
}

export function abortError(message = 'The run was stopped.'): DOMException {
  return new DOMException(message, 'AbortError');
}

/** The error a `failed` message stands for: an AbortError stays one (the element ignores those). */
export function errorFromWorker(name: string, message: string): Error {
  if (name === 'AbortError') return abortError(message);
  const error = new Error(message);
  if (name && name !== 'Error') error.name = name;
  return error;
}

/** What the worker sends for an error thrown while it served `id`. */
export function failure(id: number | 'init', error: unknown, tensors: number): FromWorker<never> {
  const name = (error as { name?: unknown } | null)?.name;
  const message = (error as { message?: unknown } | null)?.message;
  return { kind: 'failed', id, name: typeof name === 'string' ? name : 'Error', message: typeof message === 'string' && message ? message : String(error), tensors };
}

/**
 * Requests waiting for their reply, by id. `settle` routes a reply or failure to its waiter;
 * `failAll` rejects every waiter and every later request (the worker died or the run ended).
 */
export interface PendingRequests<R> {
  add(): { id: number; promise: Promise<R> };
  settle(message: Extract<FromWorker<R>, { id: number | 'init' }>): void;
  failAll(error: Error): void;
  readonly size: number;
}

export function createPendingRequests<R>(): PendingRequests<R> {
  const waiting = new Map<number, { resolve: (reply: R) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let broken: Error | undefined;
  return {
    add() {
      const id = nextId++;
      if (broken) return { id, promise: Promise.reject(broken) };
      const promise = new Promise<R>((resolve, reject) => waiting.set(id, { resolve, reject }));
      return { id, promise };
    },
    settle(message) {
      if (message.id === 'init') return;
      const waiter = waiting.get(message.id);
      waiting.delete(message.id);
      if (!waiter) return;
      if (message.kind === 'reply') waiter.resolve(message.reply);
      else waiter.reject(errorFromWorker(message.name, message.message));
    },
    failAll(error) {
      broken ??= error;
      for (const { reject } of waiting.values()) reject(broken);
      waiting.clear();
    },
    get size() {
      return waiting.size;
    },
  };
}
