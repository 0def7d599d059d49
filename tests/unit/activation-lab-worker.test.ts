/**
 * The activation lab's sweep served as a worker serves it (src/tf/worker-serve.ts), reached through
 * the page's half (worker-engine.ts) over a real MessageChannel (structured clone), on wasm in
 * Node: exactly the statistics of the sweep called directly, exact tensor counts, a batch that
 * does not match refused with a message, and a signal that stops the sweep.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { standardize, type LabConfig, type LabShape } from '../../src/engines/activation-lab/network.ts';
import { createSweepEngine, type SweepInit, type SweepRequest } from '../../src/engines/activation-lab/sweep-engine.ts';
import { statisticsSweep, type SweepResult } from '../../src/engines/activation-lab/sweep.ts';
import { isAbort } from '../../src/tf/slices.ts';
import { startWorkerEngine, type WorkerPort } from '../../src/tf/worker-engine.ts';
import { serveWorkerEngines, type CreateServedEngine, type ServeScope } from '../../src/tf/worker-serve.ts';

const data = loadMnistNode();
const shape: LabShape = { inputs: 784, layers: 5, width: 40, classes: 10, batch: 30, seed: 7 };
const init: SweepInit = { x: standardize(data.images, 0, shape.batch), labels: data.labels.slice(0, shape.batch) };
const A: LabConfig = { activation: 'tanh', init: 'small', batchNorm: false, dropout: 0 };
const B: LabConfig = { activation: 'relu', init: 'he', batchNorm: true, dropout: 0.5 };

/** A worker in this thread: the page's port and the worker's scope, joined by a MessageChannel. */
const open: MessagePort[] = [];
function channel(create: CreateServedEngine<SweepInit, SweepRequest, SweepResult>): WorkerPort {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const scope: ServeScope = { onmessage: null, postMessage: (message, transfer) => port2.postMessage(message, transfer ?? []) };
  port2.onmessage = (event) => scope.onmessage?.(event);
  serveWorkerEngines(scope, { engines: { sweep: async () => create }, loadTf: async () => tf });
  const page: WorkerPort = { onmessage: null, onerror: null, postMessage: (message, transfer) => port1.postMessage(message, transfer), terminate: () => port1.close() };
  port1.onmessage = (event) => page.onmessage?.(event);
  return page;
}

const start = (signal = new AbortController().signal, create: CreateServedEngine<SweepInit, SweepRequest, SweepResult> = createSweepEngine) =>
  startWorkerEngine<SweepInit, SweepRequest, SweepResult>({ worker: channel(create), engine: 'sweep', backend: 'wasm', init, signal });

/** The result without its wall time (the one field that may differ between two runs). */
const numbers = ({ loss, layers }: SweepResult) => ({ loss, layers });

beforeAll(async () => {
  setWasmPaths(`${resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist')}/`);
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

describe('activation lab sweep served by a worker', () => {
  test('gives exactly the statistics of the sweep called directly, for each configuration, with exact tensor counts', async () => {
    const directA = await statisticsSweep(tf, shape, A, init);
    const directB = await statisticsSweep(tf, shape, B, init);
    const before = tf.memory().numTensors;
    const engine = await start();
    // Here the "worker" shares this thread's tfjs: its count is the whole count, and a sweep leaves nothing.
    expect(engine.tensors).toBe(before);
    const servedA = await engine.request({ shape, config: A });
    expect(engine.tensors).toBe(before);
    const servedB = await engine.request({ shape, config: B });
    expect(engine.tensors).toBe(before);
    expect(numbers(servedA)).toEqual(numbers(directA));
    expect(numbers(servedB)).toEqual(numbers(directB));
    // Plain data came across: the collapse of A and the spread of B are really there.
    expect(servedA.layers).toHaveLength(shape.layers);
    expect(servedA.layers[4]!.activations.std).toBeLessThan(1e-3 * servedA.layers[0]!.activations.std);
    expect(servedB.layers[4]!.activations.std).toBeGreaterThan(0.1);
    expect(servedB.layers[0]!.gradients.counts.reduce((a, b) => a + b, 0)).toBe(shape.batch * shape.width);
    engine.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  test('a request whose batch does not match the digits it holds is refused with a message, and the engine goes on', async () => {
    const engine = await start();
    await expect(engine.request({ shape: { ...shape, batch: 31 }, config: A })).rejects.toThrow('the sweep was asked for a batch of 31 but holds 30 digits');
    expect((await engine.request({ shape, config: A })).layers).toHaveLength(shape.layers);
    engine.dispose();
  }, 120_000);

  test('the run\'s signal rejects the sweep in flight, which stops and leaves no tensors', async () => {
    const big: SweepInit = { x: standardize(data.images, 0, 200), labels: data.labels.slice(0, 200) };
    const bigShape = { ...shape, layers: 10, width: 200, batch: 200 };
    let handled: Promise<unknown> | undefined;
    const create: CreateServedEngine<SweepInit, SweepRequest, SweepResult> = (t, _, signal) => {
      const engine = createSweepEngine(t, big, signal);
      return { ...engine, handle: (r) => (handled = engine.handle(r)) };
    };
    const before = tf.memory().numTensors;
    const abort = new AbortController();
    const engine = await start(abort.signal, create);
    const pending = engine.request({ shape: bigShape, config: B });
    // Abort once the sweep has begun (its first yield lets the message in).
    await new Promise((done) => setTimeout(done, 0));
    abort.abort();
    expect(isAbort(await pending.catch((e: unknown) => e))).toBe(true);
    expect(isAbort(await handled!.catch((e: unknown) => e))).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    expect(isAbort(await engine.request({ shape: bigShape, config: A }).catch((e: unknown) => e))).toBe(true);
    engine.dispose();
  }, 120_000);
});
