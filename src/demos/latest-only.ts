/**
 * One computation at a time, the latest request winning. A figure that recomputes on every
 * slider move or stroke must not start a second GPU computation while one is in flight (their
 * tensors would pile up and the older result could be drawn last). A request made while one
 * runs makes it run once more afterwards, reading whatever state is current then.
 *
 * A run that ends (its signal fires) stops quietly: no new round starts, requests resolve at
 * once, and a round that fails once the signal has fired (an AbortError from a slice, or a
 * model the run has already disposed) resolves instead of rejecting, so no caller turns the
 * end of a run into an error message.
 */
import { isAbort } from '../tf/slices.ts';

export interface LatestOnlyOptions {
  /** The run's signal (context.signal): once it fires, the computation stops quietly. */
  signal?: AbortSignal;
  /** Checked between rounds: a disposed run stops. */
  cancelled?: () => boolean;
  /** Told about the whole computation, so the demo element can show data-busy while it runs. */
  track?: (work: Promise<void>) => void;
}

/** Returns `request()`: it resolves once a round that started after the request has finished. */
export function latestOnly(work: () => Promise<void>, options: LatestOnlyOptions): () => Promise<void> {
  let inFlight: Promise<void> | undefined;
  let again = false;
  const stopped = () => options.signal?.aborted === true || options.cancelled?.() === true;
  return () => {
    if (stopped()) return Promise.resolve();
    if (inFlight) {
      again = true;
      return inFlight;
    }
    const round = (async () => {
      try {
        do {
          again = false;
          await work();
        } while (again && !stopped());
      } catch (error) {
        if (!(options.signal?.aborted || isAbort(error))) throw error;
      } finally {
        inFlight = undefined;
      }
    })();
    inFlight = round;
    options.track?.(round);
    return round;
  };
}
