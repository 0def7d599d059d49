/**
 * Centred-difference checks of a network's gradients, one parameter tensor at a time, on a
 * seeded sample of entries (checking all 7,840 weights of W1 would teach nothing more). The
 * relative error is the assignments' |a − n| / max(1e-8, |a| + |n|), and an entry whose ±h
 * perturbation flips a ReLU is a kink: there the two sides lie on different linear pieces.
 */
import type { Random } from '../random.ts';
import { yieldToEventLoop } from '../yield.ts';

export interface EntryCheck {
  index: number;
  analytic: number;
  numeric: number;
  relativeError: number;
  kink: boolean;
}

export interface TensorCheck {
  name: string;
  entries: EntryCheck[];
  /** The largest relative error among entries that are not kinks (all entries if every one is). */
  maxRelativeError: number;
  kinks: number;
}

export function relativeErrorWithFloor(analytic: number, numeric: number): number {
  return Math.abs(analytic - numeric) / Math.max(1e-8, Math.abs(analytic) + Math.abs(numeric));
}

export function sampleIndices(size: number, count: number, random: Random): number[] {
  if (size <= count) return Array.from({ length: size }, (_, i) => i);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(random.int(size));
  return [...picked].sort((a, b) => a - b);
}

export interface Probe {
  /** The loss with entry `index` of the tensor shifted by `delta` (a GPU read is awaited). */
  lossAt(index: number, delta: number): number | Promise<number>;
  /** Whether shifting entry `index` by +h and by −h gives different ReLU patterns. */
  crossesKink(index: number, h: number): boolean;
}

/** One entry at a time, each loss awaited before the next: at most one forward pass in flight. */
export async function checkTensor(name: string, analytic: ArrayLike<number>, indices: number[], probe: Probe, h: number, signal?: AbortSignal): Promise<TensorCheck> {
  const entries: EntryCheck[] = [];
  let sliceStart = performance.now();
  for (const index of indices) {
    signal?.throwIfAborted();
    // The float64 probes are synchronous: give the page its turn every ~frame.
    if (performance.now() - sliceStart > 12) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
    const numeric = ((await probe.lossAt(index, h)) - (await probe.lossAt(index, -h))) / (2 * h);
    const a = analytic[index]!;
    entries.push({ index, analytic: a, numeric, relativeError: relativeErrorWithFloor(a, numeric), kink: probe.crossesKink(index, h) });
  }
  const smooth = entries.filter((e) => !e.kink);
  const counted = smooth.length > 0 ? smooth : entries;
  return { name, entries, maxRelativeError: Math.max(0, ...counted.map((e) => e.relativeError)), kinks: entries.length - smooth.length };
}
