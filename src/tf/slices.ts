/**
 * GPU work in awaited slices. tfjs queues GPU work asynchronously: a loop that issues hundreds of
 * steps returns at once while the GPU process works through them for seconds or minutes, and
 * closing the page does not cancel that queue (every other tab of the browser stalls behind it).
 * runSliced issues steps until about one frame's worth is queued, then awaits the data of the
 * slice's last result (the GPU runs work in order, so everything before it is done too) and
 * checks the abort signal before the next slice. At most one slice is ever in flight.
 *
 * On wasm and cpu the ops run synchronously on the calling thread: the same loop then keeps each
 * task near the budget and yields between slices, so the page stays responsive.
 */
import type { Tensor, Tf } from './types.ts';
import { yieldToEventLoop } from '../engines/yield.ts';

export interface SliceOptions {
  signal?: AbortSignal | undefined;
  /** Wall time one slice should take, in ms (default 16: about a frame). */
  budgetMs?: number;
  /** Most steps in one slice (default 64). */
  maxPerSlice?: number;
  /** Called with the values of each step's result, in order (e.g. the step's loss). */
  onValues?: (values: Float32Array | Int32Array | Uint8Array, step: number) => void;
}

/**
 * Runs steps `0 .. count-1`. `step(i)` queues the step's work and returns a tensor that depends
 * on it (its loss, say): the helper reads and disposes it. Resolves with the number of steps
 * done; throws the signal's reason (an AbortError) if the signal fires first.
 */
export async function runSliced(tf: Tf, count: number, step: (index: number) => Tensor, options: SliceOptions = {}): Promise<number> {
  const budget = options.budgetMs ?? 16;
  const most = options.maxPerSlice ?? 64;
  let perSlice = 1;
  let done = 0;
  while (done < count) {
    options.signal?.throwIfAborted();
    const started = performance.now();
    const results: Tensor[] = [];
    const first = done;
    // Steps run until the slice is full or its budget is spent (on wasm a step's time is known
    // once it returns; on a GPU only after the read below, so the size adapts slice by slice).
    while (done < count && results.length < perSlice) {
      results.push(step(done));
      done += 1;
      if (performance.now() - started > budget) break;
    }
    await readResults(tf, results, first, options.onValues);
    const elapsed = performance.now() - started;
    if (elapsed < budget / 2) perSlice = Math.min(most, perSlice * 2);
    else if (elapsed > budget * 1.5) perSlice = Math.max(1, Math.floor(perSlice / 2));
    // A read that found its data ready did not yield: give the page its turn.
    if (elapsed > budget / 2) await yieldToEventLoop();
  }
  options.signal?.throwIfAborted();
  return done;
}

async function readResults(tf: Tf, results: Tensor[], first: number, onValues: SliceOptions['onValues']): Promise<void> {
  try {
    if (!onValues) {
      await results[results.length - 1]?.data();
      return;
    }
    for (let k = 0; k < results.length; k++) onValues(await results[k]!.data(), first + k);
  } finally {
    tf.dispose(results);
  }
}

/** True for the error runSliced (or any signal) throws when a run is stopped on purpose. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException ? error.name === 'AbortError' : (error as { name?: string } | null)?.name === 'AbortError';
}
