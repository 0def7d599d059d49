/**
 * Cooperative time slicing for long plain-TypeScript work on the main thread: call the returned
 * function often; it yields to the event loop only once `sliceMs` have passed since the last
 * yield. Tasks stay well under the 50 ms line (a slice plus one small step) without paying for a
 * yield (a trip through a busy scheduler) after every small step.
 */
import { yieldToEventLoop } from '../yield.ts';

export function createTimeSlicer(sliceMs = 12): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < sliceMs) return;
    await yieldToEventLoop();
    last = performance.now();
  };
}
