/**
 * Tensors a run holds outside the page's tfjs engine (in a Web Worker, src/tf/engine-thread.ts).
 * The demo element's data-tensors is the page's count plus this, read at the same idle moment:
 * a worker replies with its count after every request, and between requests it holds exactly
 * that, so the sum is exact whenever nothing is in flight.
 */
export interface OffThreadTensors {
  /** The worker's tensor count at its last reply (0 when the engine runs on the page's thread). */
  offThreadTensors(): number;
}

/** What a run adds to the page's tensor count: 0 for a run with no worker. */
export function offThreadTensorCount(run: object | undefined): number {
  const count = (run as Partial<OffThreadTensors> | undefined)?.offThreadTensors;
  return typeof count === 'function' ? count.call(run) : 0;
}
