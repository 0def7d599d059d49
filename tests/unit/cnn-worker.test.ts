/**
 * The ConvNet's training served as a worker serves it (src/tf/worker-serve.ts), reached through
 * the page's half (worker-engine.ts, engine-thread.ts) over a real MessageChannel (structured
 * clone, transferred buffers), on wasm in Node: the same losses as the trainer called directly,
 * weights back as Float32Arrays, exact tensor counts, and a signal that stops the engine.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { CNN_ARCHITECTURE, initCnnWeights, PARAMETER_NAMES } from '../../src/engines/cnn/architecture.ts';
import { createCnnTrainer } from '../../src/engines/cnn/cnn-trainer.ts';
import { createCnnTrainingEngine, type CnnTrainingInit, type CnnTrainingResult, type CnnTrainingRound } from '../../src/engines/cnn/cnn-training-engine.ts';
import { createRandom } from '../../src/engines/random.ts';
import { isAbort } from '../../src/tf/slices.ts';
import { startEngine } from '../../src/tf/engine-thread.ts';
import { startWorkerEngine, type WorkerPort } from '../../src/tf/worker-engine.ts';
import { serveWorkerEngines, type CreateServedEngine, type ServeScope } from '../../src/tf/worker-serve.ts';
import type { Tf } from '../../src/tf/types.ts';

const data = loadMnistNode();
const SCHEDULE = { learningRate: 0.003, decay: 0.85, augment: true };
const init = (seed: number): CnnTrainingInit => ({
  images: data.images, labels: data.labels, trainCount: 8000, heldOut: { start: 8000, count: 200 },
  initial: initCnnWeights(CNN_ARCHITECTURE, createRandom(seed)), seed, batchSize: 32,
});
const round = (steps: number, more: Partial<CnnTrainingRound> = {}): CnnTrainingRound => ({ steps, schedule: SCHEDULE, evaluate: false, weights: false, ...more });

/** A worker in this thread: the page's port and the worker's scope, joined by a MessageChannel. */
const open: MessagePort[] = [];
function channel(create: CreateServedEngine<CnnTrainingInit, CnnTrainingRound, CnnTrainingResult>, loadTf: () => Promise<Tf> = async () => tf): WorkerPort {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const scope: ServeScope = { onmessage: null, postMessage: (message, transfer) => port2.postMessage(message, transfer ?? []) };
  port2.onmessage = (event) => scope.onmessage?.(event);
  serveWorkerEngines(scope, { engines: { cnn: async () => create }, loadTf });
  const page: WorkerPort = { onmessage: null, onerror: null, postMessage: (message, transfer) => port1.postMessage(message, transfer), terminate: () => port1.close() };
  port1.onmessage = (event) => page.onmessage?.(event);
  return page;
}

beforeAll(async () => {
  setWasmPaths(`${resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist')}/`);
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

describe('ConvNet training served by a worker', () => {
  test('gives exactly the losses, evaluation and weights of the trainer called directly, in rounds of any size', async () => {
    const direct = createCnnTrainer({ tf, ...init(3), schedule: () => SCHEDULE });
    await direct.train(12);
    const evaluation = await direct.evaluate();
    const weights = await direct.weights();
    direct.dispose();

    const engine = await startWorkerEngine<CnnTrainingInit, CnnTrainingRound, CnnTrainingResult>({ worker: channel(createCnnTrainingEngine), engine: 'cnn', backend: 'wasm', init: init(3), signal: new AbortController().signal });
    const first = await engine.request(round(5));
    const second = await engine.request(round(7, { evaluate: true, weights: true }));
    expect(first.step).toBe(5);
    expect(second.step).toBe(12);
    expect([...first.losses, ...second.losses]).toEqual(direct.losses);
    expect(second.evaluation).toEqual(evaluation);
    expect(first.weights).toBeUndefined();
    for (const name of PARAMETER_NAMES) {
      expect(second.weights![name]).toBeInstanceOf(Float32Array);
      expect(second.weights![name]).toEqual(weights.values[name]);
    }
    engine.dispose();
  }, 120_000);

  test('each reply carries the worker\'s tensor count, exact and flat from round to round', async () => {
    const served: { dispose(): void }[] = [];
    const create: typeof createCnnTrainingEngine = (t, i, signal) => {
      const engine = createCnnTrainingEngine(t, i, signal);
      served.push(engine);
      return engine;
    };
    const before = tf.memory().numTensors;
    const engine = await startWorkerEngine<CnnTrainingInit, CnnTrainingRound, CnnTrainingResult>({ worker: channel(create), engine: 'cnn', backend: 'wasm', init: init(4), signal: new AbortController().signal });
    await engine.request(round(2, { evaluate: true, weights: true }));
    const settled = engine.tensors;
    // Here the "worker" shares this thread's tfjs: its count is the whole count.
    expect(settled).toBe(tf.memory().numTensors);
    expect(settled).toBeGreaterThan(before);
    for (let i = 0; i < 4; i++) await engine.request(round(2, { evaluate: i % 2 === 0, weights: true }));
    expect(engine.tensors).toBe(settled);
    expect(tf.memory().numTensors).toBe(settled);
    engine.dispose();
    served[0]!.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  test('the run\'s signal rejects the round in flight at once, and the engine stops at its next step', async () => {
    let handled: Promise<unknown> | undefined;
    const create: typeof createCnnTrainingEngine = (t, i, signal) => {
      const engine = createCnnTrainingEngine(t, i, signal);
      return { ...engine, handle: (r) => (handled = engine.handle(r)) };
    };
    const abort = new AbortController();
    const engine = await startWorkerEngine<CnnTrainingInit, CnnTrainingRound, CnnTrainingResult>({ worker: channel(create), engine: 'cnn', backend: 'wasm', init: init(5), signal: abort.signal });
    const msPerStep = (await engine.request(round(3))).milliseconds / 3;
    const long = engine.request(round(2000));
    await new Promise((done) => setTimeout(done, 5 * msPerStep));
    const abortedAt = performance.now();
    abort.abort();
    expect(isAbort(await long.catch((e: unknown) => e))).toBe(true);
    expect(performance.now() - abortedAt).toBeLessThan(msPerStep);
    // The engine itself stops at its next slice: far sooner than 2,000 steps.
    expect(isAbort(await handled!.catch((e: unknown) => e))).toBe(true);
    expect(performance.now() - abortedAt).toBeLessThan(100 * msPerStep);
    expect(isAbort(await engine.request(round(1)).catch((e: unknown) => e))).toBe(true);
    engine.dispose();
  }, 120_000);

  test('where the worker cannot start the backend, the engine runs on the page\'s thread with the same losses', async () => {
    const direct = createCnnTrainer({ tf, ...init(6), schedule: () => SCHEDULE });
    await direct.train(4);
    direct.dispose();
    const refused = async (): Promise<Tf> => {
      throw new Error('webgl did not initialise');
    };
    const engine = await startEngine<CnnTrainingInit, CnnTrainingRound, CnnTrainingResult>({
      tf, backend: 'webgl', signal: new AbortController().signal, init: init(6),
      engine: 'cnn', worker: () => channel(createCnnTrainingEngine, refused), local: async () => createCnnTrainingEngine,
    });
    expect(engine.where).toBe('main');
    expect(engine.fallbackReason).toBe('webgl did not initialise');
    expect(engine.offThreadTensors()).toBe(0);
    expect((await engine.request(round(4))).losses).toEqual(direct.losses);
    engine.dispose();
  }, 120_000);
});
