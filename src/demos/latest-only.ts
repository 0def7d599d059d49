/**
 * One computation at a time, the latest request winning. A figure that recomputes on every
 * slider move or stroke must not start a second GPU computation while one is in flight (their
 * tensors would pile up and the older result could be drawn last). A request made while one
 * runs makes it run once more afterwards, reading whatever state is current then.
 */
export interface LatestOnlyOptions {
  /** Checked between rounds: a disposed run stops. */
  cancelled: () => boolean;
  /** Told about the whole computation, so the demo element can show data-busy while it runs. */
  track?: (work: Promise<void>) => void;
}

/** Returns `request()`: it resolves once a round that started after the request has finished. */
export function latestOnly(work: () => Promise<void>, options: LatestOnlyOptions): () => Promise<void> {
  let inFlight: Promise<void> | undefined;
  let again = false;
  return () => {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    const round = (async () => {
      try {
        do {
          again = false;
          await work();
        } while (again && !options.cancelled());
      } finally {
        inFlight = undefined;
      }
    })();
    inFlight = round;
    options.track?.(round);
    return round;
  };
}
