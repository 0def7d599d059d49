/**
 * Runs an engine off the main thread when the page's backend can run in a Web Worker (wasm and
 * cpu always; webgl through OffscreenCanvas and webgpu where the browser offers them to
 * workers), else on the page's own thread, where its loops go through runSliced. Either way the
 * run sees one interface: request(unit of work) → reply, the same engine code, the same numbers.
 *
 * The run's signal stops the engine at its next step on either thread; dispose() terminates the
 * worker (or disposes the local engine). offThreadTensors() is what the worker holds, so the
 * demo element can show main-thread + worker tensors (DemoRun.offThreadTensors).
 */
import { pageWasmPaths } from './load-backend.ts';
import type { BackendName, Tf } from './types.ts';
import { startWorkerEngine, WorkerUnavailable, type WorkerPort } from './worker-engine.ts';
import type { CreateServedEngine } from './worker-serve.ts';

export interface EngineThread<Q, R> {
  /** Where the engine runs: 'worker', or 'main' where the backend cannot run in a worker. */
  readonly where: 'worker' | 'main';
  /** Why it runs on the main thread (for the reader and the logs); empty in a worker. */
  readonly fallbackReason: string;
  request(request: Q, transfer?: Transferable[]): Promise<R>;
  offThreadTensors(): number;
  dispose(): void;
}

export interface StartEngineOptions<I, Q, R> {
  tf: Tf;
  backend: BackendName;
  signal: AbortSignal;
  init: I;
  /** The engine's name in the worker's table (src/demos/worker-engines.ts for the demos). */
  engine: string;
  /**
   * Starts the worker: `() => new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })`,
   * written literally so that Vite finds and bundles it (src/demos/demo-worker.ts does it for the
   * demos). Undefined (or throwing) means: no worker here.
   */
  worker?: (() => WorkerPort) | undefined;
  /** The same engine the worker serves, for the main-thread fallback. */
  local: () => Promise<CreateServedEngine<I, Q, R>>;
}

export async function startEngine<I, Q, R>(options: StartEngineOptions<I, Q, R>): Promise<EngineThread<Q, R>> {
  let reason = 'no worker was offered';
  if (options.worker) {
    const wasmPaths = options.backend === 'wasm' ? await pageWasmPaths() : undefined;
    try {
      let port: WorkerPort;
      try {
        port = options.worker();
      } catch (error) {
        throw new WorkerUnavailable(`no Web Worker here (${(error as Error).message})`);
      }
      const engine = await startWorkerEngine<I, Q, R>({ worker: port, engine: options.engine, backend: options.backend, wasmPaths, init: options.init, signal: options.signal });
      return {
        where: 'worker',
        fallbackReason: '',
        request: (request, transfer) => engine.request(request, transfer),
        offThreadTensors: () => engine.tensors,
        dispose: () => engine.dispose(),
      };
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
      reason = error.message;
    }
  }
  options.signal.throwIfAborted();
  const create = await options.local();
  const engine = await create(options.tf, options.init, options.signal);
  // One unit of work at a time, as in the worker (a second request waits for the first).
  let queue: Promise<unknown> = Promise.resolve();
  return {
    where: 'main',
    fallbackReason: reason,
    request(request) {
      const next = queue.then(async () => {
        options.signal.throwIfAborted();
        return (await engine.handle(request)).reply;
      });
      queue = next.catch(() => undefined);
      return next;
    },
    offThreadTensors: () => 0,
    dispose: () => engine.dispose(),
  };
}
