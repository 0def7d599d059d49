/**
 * Cooperative time slicing for long preparation work on the main thread: call the returned
 * function often; it yields to the event loop only once `sliceMs` have passed since the last
 * yield. Tasks stay short without paying for a yield (a trip through a busy scheduler) after
 * every small step.
 */
import { yieldToEventLoop } from '../yield.ts';

export function createTimeSlicer(enabled: boolean | undefined, sliceMs = 25): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (!enabled || performance.now() - last < sliceMs) return;
    await yieldToEventLoop();
    last = performance.now();
  };
}
