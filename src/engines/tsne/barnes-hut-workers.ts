/**
 * Barnes-Hut t-SNE in Web Workers: the page's main thread stays free to draw and to answer the
 * reader while the iterations run, and the points' forces are split over `threads` workers (one
 * coordinator and its helpers, see barnes-hut-worker.ts), so a 2-core machine uses both cores.
 * Same interface and same results as the in-thread engine.
 *
 * Lifecycle: the workers start with the engine and hold their own copy of P; dispose()
 * terminates them and rejects what is pending with an AbortError; a worker error rejects every
 * pending request with its message. A run whose signal fires rejects at once (the batch in the
 * worker finishes unseen: the run is being disposed).
 */
import type { Schedule } from './gradient-descent.ts';
import type { SparseAffinities } from './joint-affinities.ts';
import type { KlRecord, RunOptions, TsneEngine } from './tsne-engine.ts';
import type { WorkerReply, WorkerRequest } from './barnes-hut-worker.ts';
import { learningRateProblem } from './validation.ts';

type Result = Extract<WorkerReply, { type: 'result' }>;
/** A request without its id (the proxy numbers requests). */
type Ask = { type: 'run'; count: number; schedule: Schedule; klEvery: number } | { type: 'kl' } | { type: 'gradient'; exaggeration: number };

export function createWorkerBarnesHutTsne(p: SparseAffinities, initial: Float64Array, theta: number, threads: number): TsneEngine {
  const n = p.n;
  const start = () => new Worker(new URL('./barnes-hut-worker.ts', import.meta.url), { type: 'module', name: 't-SNE Barnes-Hut' });
  const coordinator = start();
  const helpers = Array.from({ length: Math.max(0, threads - 1) }, start);
  const pending = new Map<number, { resolve: (reply: Result) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  let y: Float64Array = Float64Array.from(initial);
  let iteration = 0;
  let msPerIteration = Number.NaN;

  const fail = (error: Error) => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
  };
  for (const worker of [coordinator, ...helpers]) {
    worker.onerror = (event) => {
      event.preventDefault();
      fail(new Error(`the t-SNE worker failed: ${event.message || 'unknown error'}`));
    };
  }
  coordinator.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.type === 'error') waiter?.reject(new Error(reply.message));
    else {
      y = reply.y;
      iteration = reply.iteration;
      if (reply.msPerIteration !== undefined) msPerIteration = reply.msPerIteration;
      waiter?.resolve(reply);
    }
  };

  const ports = helpers.map((helper) => {
    const channel = new MessageChannel();
    helper.postMessage({ type: 'init', role: 'helper', p, theta, port: channel.port2 } satisfies WorkerRequest, [channel.port2]);
    return channel.port1;
  });
  coordinator.postMessage({ type: 'init', role: 'coordinator', p, initial, theta, helpers: ports } satisfies WorkerRequest, ports);

  const ask = (request: Ask, signal?: AbortSignal): Promise<Result> => {
    if (failure) return Promise.reject(failure);
    if (signal?.aborted) return Promise.reject(signal.reason);
    const id = nextId++;
    return new Promise<Result>((resolve, reject) => {
      const onAbort = () => {
        pending.delete(id);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settled = () => signal?.removeEventListener('abort', onAbort);
      pending.set(id, {
        resolve: (reply) => {
          settled();
          resolve(reply);
        },
        reject: (error) => {
          settled();
          reject(error);
        },
      });
      coordinator.postMessage({ ...request, id } satisfies WorkerRequest);
    });
  };

  return {
    n,
    method: 'barnes-hut',
    background: true,
    get iteration() {
      return iteration;
    },
    get msPerIteration() {
      return msPerIteration;
    },
    async run(count: number, schedule: Schedule, options: RunOptions = {}): Promise<KlRecord[]> {
      const problem = learningRateProblem(schedule.learningRate);
      if (problem) throw new RangeError(problem);
      const reply = await ask({ type: 'run', count, schedule, klEvery: options.klEvery ?? 0 }, options.signal);
      return reply.records ?? [];
    },
    async embedding() {
      return Float64Array.from(y);
    },
    async klDivergence() {
      return (await ask({ type: 'kl' })).kl ?? Number.NaN;
    },
    async gradient(exaggeration: number) {
      return (await ask({ type: 'gradient', exaggeration })).gradient ?? new Float64Array(2 * n);
    },
    dispose() {
      fail(new DOMException('The t-SNE run was stopped.', 'AbortError'));
      for (const worker of [coordinator, ...helpers]) worker.terminate();
    },
  };
}
