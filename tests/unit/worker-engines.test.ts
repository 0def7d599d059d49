/**
 * The demos' one worker entry serves every engine by name (src/demos/worker-engines.ts): each name
 * loads a function that builds an engine, and a name the table lacks fails the worker's start with
 * a message naming it (the page then runs the engine on its own thread and says why).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, test } from 'vitest';
import { WORKER_ENGINES } from '../../src/demos/worker-engines.ts';
import { startWorkerEngine, WorkerUnavailable, type WorkerPort } from '../../src/tf/worker-engine.ts';
import { serveWorkerEngines, type ServeScope, type ServedEngines } from '../../src/tf/worker-serve.ts';

function channel(engines: ServedEngines): WorkerPort {
  const { port1, port2 } = new MessageChannel();
  const scope: ServeScope = { onmessage: null, postMessage: (message, transfer) => port2.postMessage(message, transfer ?? []) };
  port2.onmessage = (event) => scope.onmessage?.(event);
  serveWorkerEngines(scope, { engines, loadTf: async () => {
    await tf.setBackend('cpu');
    return tf;
  } });
  const page: WorkerPort = { onmessage: null, onerror: null, postMessage: (message, transfer) => port1.postMessage(message, transfer), terminate: () => (port1.close(), port2.close()) };
  port1.onmessage = (event) => page.onmessage?.(event);
  return page;
}

describe('the demos\' worker engines', () => {
  test.each(Object.keys(WORKER_ENGINES))('%s loads an engine factory', async (name) => {
    const create = await WORKER_ENGINES[name as keyof typeof WORKER_ENGINES]();
    expect(typeof create).toBe('function');
  });

  test('a worker asked for an engine it does not have refuses to start, naming it', async () => {
    const worker = channel({ doubler: async () => () => ({ handle: async (n: number) => ({ reply: 2 * n }), dispose: () => undefined }) });
    const started = startWorkerEngine({ worker, engine: 'tripler', backend: 'cpu', init: undefined, signal: new AbortController().signal });
    await expect(started).rejects.toThrow(WorkerUnavailable);
    await expect(started).rejects.toThrow('this worker has no engine named "tripler"');
  });

  test('the engine the page names is the one that answers', async () => {
    const worker = channel({
      doubler: async () => () => ({ handle: async (n: number) => ({ reply: 2 * n }), dispose: () => undefined }),
      tripler: async () => () => ({ handle: async (n: number) => ({ reply: 3 * n }), dispose: () => undefined }),
    });
    const engine = await startWorkerEngine<undefined, number, number>({ worker, engine: 'tripler', backend: 'cpu', init: undefined, signal: new AbortController().signal });
    expect(await engine.request(7)).toBe(21);
    engine.dispose();
  });
});
