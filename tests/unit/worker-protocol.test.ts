/**
 * The page's side of an engine in a Web Worker, without a worker: the request table, the message
 * checks, and startWorkerEngine driven by a scripted port (what a worker would answer).
 */
import { describe, expect, test } from 'vitest';
import { isAbort } from '../../src/tf/slices.ts';
import { startWorkerEngine, WorkerUnavailable, type WorkerPort } from '../../src/tf/worker-engine.ts';
import { createPendingRequests, errorFromWorker, failure, isFromWorker, type ToWorker } from '../../src/tf/worker-protocol.ts';

describe('pending requests', () => {
  test('each reply resolves its own request, in any order', async () => {
    const pending = createPendingRequests<string>();
    const a = pending.add();
    const b = pending.add();
    expect(a.id).not.toBe(b.id);
    pending.settle({ kind: 'reply', id: b.id, reply: 'second', tensors: 3 });
    pending.settle({ kind: 'reply', id: a.id, reply: 'first', tensors: 3 });
    expect(await a.promise).toBe('first');
    expect(await b.promise).toBe('second');
    expect(pending.size).toBe(0);
  });

  test('a failure rejects with its message; an AbortError stays an AbortError', async () => {
    const pending = createPendingRequests<string>();
    const a = pending.add();
    const b = pending.add();
    pending.settle({ kind: 'failed', id: a.id, name: 'RangeError', message: 'batch too large', tensors: 0 });
    pending.settle({ kind: 'failed', id: b.id, name: 'AbortError', message: 'The run was stopped.', tensors: 0 });
    await expect(a.promise).rejects.toMatchObject({ name: 'RangeError', message: 'batch too large' });
    const aborted = await b.promise.catch((error: unknown) => error);
    expect(isAbort(aborted)).toBe(true);
  });

  test('failAll rejects every waiter and every later request with the first error', async () => {
    const pending = createPendingRequests<string>();
    const a = pending.add();
    pending.failAll(new Error('the worker died'));
    pending.failAll(new Error('a later error'));
    await expect(a.promise).rejects.toThrow('the worker died');
    await expect(pending.add().promise).rejects.toThrow('the worker died');
    // A late reply for a request already failed is dropped.
    expect(() => pending.settle({ kind: 'reply', id: a.id, reply: 'late', tensors: 0 })).not.toThrow();
  });
});

describe('messages', () => {
  test('only well-formed worker messages are accepted', () => {
    expect(isFromWorker({ kind: 'ready', tensors: 0 })).toBe(true);
    expect(isFromWorker({ kind: 'reply', id: 2, reply: undefined, tensors: 12 })).toBe(true);
    expect(isFromWorker({ kind: 'failed', id: 'init', name: 'Error', message: 'no webgl', tensors: 0 })).toBe(true);
    expect(isFromWorker({ kind: 'reply', id: '2', reply: 1, tensors: 12 })).toBe(false);
    expect(isFromWorker({ kind: 'reply', id: 2, tensors: 12 })).toBe(false);
    expect(isFromWorker({ kind: 'ready' })).toBe(false);
    expect(isFromWorker({ kind: 'failed', id: 1, message: 'x', tensors: 0 })).toBe(false);
    expect(isFromWorker('ready')).toBe(false);
    expect(isFromWorker(null)).toBe(false);
  });

  test('a thrown value becomes a failure with its name and message', () => {
    expect(failure(4, new RangeError('too big'), 9)).toEqual({ kind: 'failed', id: 4, name: 'RangeError', message: 'too big', tensors: 9 });
    expect(failure('init', new DOMException('stopped', 'AbortError'), 0)).toEqual({ kind: 'failed', id: 'init', name: 'AbortError', message: 'stopped', tensors: 0 });
    expect(failure(1, 'plain text', 0)).toEqual({ kind: 'failed', id: 1, name: 'Error', message: 'plain text', tensors: 0 });
    expect(errorFromWorker('Error', 'x').name).toBe('Error');
  });
});

/** A port whose "worker" is the test: it records what the page posts and answers on demand. */
function scriptedPort() {
  const posted: ToWorker<unknown, unknown>[] = [];
  let terminated = false;
  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => posted.push(message as ToWorker<unknown, unknown>),
    terminate: () => {
      terminated = true;
    },
  };
  const answer = (data: unknown) => port.onmessage?.({ data } as MessageEvent);
  return { port, posted, answer, terminated: () => terminated };
}

describe('startWorkerEngine', () => {
  test('posts init, resolves on ready, routes replies, and tracks the worker\'s tensor count', async () => {
    const { port, posted, answer } = scriptedPort();
    const starting = startWorkerEngine<{ seed: number }, { steps: number }, number>({ worker: port, engine: 'test', backend: 'wasm', init: { seed: 3 }, signal: new AbortController().signal });
    expect(posted[0]).toEqual({ kind: 'init', engine: 'test', backend: 'wasm', wasmPaths: undefined, init: { seed: 3 } });
    answer({ kind: 'ready', tensors: 40 });
    const engine = await starting;
    expect(engine.tensors).toBe(40);
    const reply = engine.request({ steps: 5 });
    expect(posted[1]).toEqual({ kind: 'request', id: 0, request: { steps: 5 } });
    answer({ kind: 'reply', id: 0, reply: 5, tensors: 52 });
    expect(await reply).toBe(5);
    expect(engine.tensors).toBe(52);
  });

  test('a worker that cannot start its backend is WorkerUnavailable (run it on the page), and is terminated', async () => {
    const { port, answer, terminated } = scriptedPort();
    const starting = startWorkerEngine({ worker: port, engine: 'test', backend: 'webgl', init: {}, signal: new AbortController().signal });
    answer({ kind: 'failed', id: 'init', name: 'Error', message: 'webgl did not initialise', tensors: 0 });
    const error = await starting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerUnavailable);
    expect((error as Error).message).toBe('webgl did not initialise');
    expect(terminated()).toBe(true);
  });

  test('a worker script that fails to load is WorkerUnavailable too', async () => {
    const { port } = scriptedPort();
    const starting = startWorkerEngine({ worker: port, engine: 'test', backend: 'wasm', init: {}, signal: new AbortController().signal });
    port.onerror?.({ message: 'Failed to fetch a worker script', preventDefault: () => undefined } as ErrorEvent);
    await expect(starting).rejects.toThrow(WorkerUnavailable);
  });

  test('the signal tells the worker to stop and rejects the pending request at once with an AbortError; dispose terminates', async () => {
    const { port, posted, answer, terminated } = scriptedPort();
    const abort = new AbortController();
    const starting = startWorkerEngine<object, number, number>({ worker: port, engine: 'test', backend: 'cpu', init: {}, signal: abort.signal });
    answer({ kind: 'ready', tensors: 0 });
    const engine = await starting;
    const pending = engine.request(100);
    abort.abort();
    expect(posted.at(-1)).toEqual({ kind: 'abort' });
    expect(isAbort(await pending.catch((e: unknown) => e))).toBe(true);
    expect(isAbort(await engine.request(1).catch((e: unknown) => e))).toBe(true);
    expect(terminated()).toBe(false);
    engine.dispose();
    expect(terminated()).toBe(true);
  });

  test('a message the page does not understand fails the pending request with a clear error', async () => {
    const { port, answer } = scriptedPort();
    const starting = startWorkerEngine<object, number, number>({ worker: port, engine: 'test', backend: 'cpu', init: {}, signal: new AbortController().signal });
    answer({ kind: 'ready', tensors: 0 });
    const engine = await starting;
    const pending = engine.request(1);
    answer({ hello: 'world' });
    await expect(pending).rejects.toThrow('the worker sent a message the page does not understand');
  });
});
