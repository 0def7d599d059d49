/**
 * A Web Worker running Barnes-Hut t-SNE iterations off the main thread (barnes-hut-workers.ts
 * starts it). One worker is the coordinator: it owns the embedding and the optimizer state and
 * answers the page's requests; the others are helpers: each iteration, every thread builds the
 * same quadtree and computes the forces of its share of the points, and the coordinator combines
 * them. The arithmetic is that of the in-thread engine, so the results are identical.
 */
import { createBalance, createForceField, createOptimizerState, type ForceField, type OptimizerState } from './barnes-hut-core.ts';
import { sumBlocks, Z_BLOCK } from './barnes-hut.ts';
import { scheduleAt, type Schedule } from './gradient-descent.ts';
import type { SparseAffinities } from './joint-affinities.ts';
import type { KlRecord } from './tsne-engine.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

export type WorkerRequest =
  | { type: 'init'; role: 'coordinator'; p: SparseAffinities; initial: Float64Array; theta: number; helpers: MessagePort[] }
  | { type: 'init'; role: 'helper'; p: SparseAffinities; theta: number; port: MessagePort }
  | { type: 'run'; id: number; count: number; schedule: Schedule; klEvery: number }
  | { type: 'kl'; id: number }
  | { type: 'gradient'; id: number; exaggeration: number };

export type WorkerReply =
  | { type: 'result'; id: number; y: Float64Array; iteration: number; records?: KlRecord[]; msPerIteration?: number; kl?: number; gradient?: Float64Array }
  | { type: 'error'; id: number; message: string };

interface ShareRequest {
  y: Float64Array;
  from: number;
  to: number;
}
interface ShareReply {
  /** Compute time of the share, for balancing the next split. */
  milliseconds: number;
  indices: Int32Array;
  attractive: Float64Array;
  repulsive: Float64Array;
  blockZ: Float64Array;
  firstBlock: number;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type !== 'init') return;
  if (request.role === 'helper') serveShares(request.p, request.theta, request.port);
  else coordinate(request.p, request.initial, request.theta, request.helpers);
};

/** A helper: for each share request, the forces of the points at tree positions [from, to). */
function serveShares(p: SparseAffinities, theta: number, port: MessagePort): void {
  const field = createForceField(p, theta);
  port.onmessage = (event: MessageEvent<ShareRequest>) => {
    const { y, from, to } = event.data;
    const began = performance.now();
    const order = field.build(y);
    field.compute(y, from, to);
    const count = to - from;
    const reply: ShareReply = {
      milliseconds: performance.now() - began,
      indices: order.slice(from, to),
      attractive: new Float64Array(2 * count),
      repulsive: new Float64Array(2 * count),
      blockZ: field.blockZ.slice(Math.floor(from / Z_BLOCK), Math.ceil(to / Z_BLOCK)),
      firstBlock: Math.floor(from / Z_BLOCK),
    };
    for (let k = 0; k < count; k++) {
      const i = reply.indices[k]!;
      reply.attractive.set(field.attractive.subarray(2 * i, 2 * i + 2), 2 * k);
      reply.repulsive.set(field.repulsive.subarray(2 * i, 2 * i + 2), 2 * k);
    }
    port.postMessage(reply, [reply.indices.buffer, reply.attractive.buffer, reply.repulsive.buffer, reply.blockZ.buffer]);
  };
}

function coordinate(p: SparseAffinities, initial: Float64Array, theta: number, helpers: MessagePort[]): void {
  const field = createForceField(p, theta);
  const state = createOptimizerState(p, initial);
  const balance = createBalance(p.n, helpers.length + 1);
  const waiting = helpers.map(() => [] as ((reply: ShareReply) => void)[]);
  helpers.forEach((port, h) => {
    port.onmessage = (event: MessageEvent<ShareReply>) => waiting[h]!.shift()?.(event.data);
  });
  const reply = (message: WorkerReply) => scope.postMessage(message);
  let queue = Promise.resolve();
  scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
    // One request at a time, in order: each needs the state the previous one left.
    queue = queue.then(() => handle(event.data)).catch((error: unknown) => {
      const id = 'id' in event.data ? event.data.id : -1;
      reply({ type: 'error', id, message: (error as Error).message ?? String(error) });
    });
  };

  async function handle(request: WorkerRequest): Promise<void> {
    if (request.type === 'run') {
      const records: KlRecord[] = [];
      const began = performance.now();
      for (let step = 0; step < request.count; step++) {
        const { exaggeration, momentum } = scheduleAt(request.schedule, state.iteration);
        await forces(field, state);
        if (request.klEvery > 0 && state.iteration % request.klEvery === 0) records.push({ iteration: state.iteration, kl: state.kl(sumBlocks(field.blockZ)) });
        state.step(field, exaggeration, momentum, request.schedule.learningRate);
      }
      const msPerIteration = request.count > 0 ? (performance.now() - began) / request.count : Number.NaN;
      reply({ type: 'result', id: request.id, y: Float64Array.from(state.y), iteration: state.iteration, records, msPerIteration });
    } else if (request.type === 'kl') {
      await forces(field, state);
      reply({ type: 'result', id: request.id, y: Float64Array.from(state.y), iteration: state.iteration, kl: state.kl(sumBlocks(field.blockZ)) });
    } else if (request.type === 'gradient') {
      await forces(field, state);
      reply({ type: 'result', id: request.id, y: Float64Array.from(state.y), iteration: state.iteration, gradient: state.gradient(field, request.exaggeration) });
    }
  }

  /** Forces of every point: the helpers take their ranges while this thread does the first. */
  async function forces(target: ForceField, current: OptimizerState): Promise<void> {
    const ranges = balance.ranges();
    const shares = helpers.map((port, h) => {
      const [from, to] = ranges[h + 1]!;
      const pending = new Promise<ShareReply>((resolve) => waiting[h]!.push(resolve));
      port.postMessage({ y: current.y, from, to } satisfies ShareRequest);
      return pending;
    });
    const began = performance.now();
    target.build(current.y);
    target.compute(current.y, ranges[0]![0], ranges[0]![1]);
    const own = performance.now() - began;
    const replies = await Promise.all(shares);
    balance.measured([own, ...replies.map((r) => r.milliseconds)]);
    for (const share of replies) {
      share.indices.forEach((i, k) => {
        target.attractive[2 * i] = share.attractive[2 * k]!;
        target.attractive[2 * i + 1] = share.attractive[2 * k + 1]!;
        target.repulsive[2 * i] = share.repulsive[2 * k]!;
        target.repulsive[2 * i + 1] = share.repulsive[2 * k + 1]!;
      });
      target.blockZ.set(share.blockZ, share.firstBlock);
    }
  }
}

