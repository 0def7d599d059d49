import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../src/demos/latest-only.ts';

/** A computation the test finishes by hand, recording the state each round read. */
function manual() {
  const reads: number[] = [];
  const finishers: (() => void)[] = [];
  let state = 0;
  const work = () => {
    reads.push(state);
    return new Promise<void>((resolve) => finishers.push(resolve));
  };
  const finishNext = async () => {
    finishers.shift()?.();
    // Let the loop inside latestOnly see the resolution and start its next round, if any.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { reads, work, finishNext, set: (v: number) => (state = v), pending: () => finishers.length };
}

describe('latestOnly', () => {
  it('runs one round at a time and one more round, with the latest state, for requests made meanwhile', async () => {
    const m = manual();
    const request = latestOnly(m.work, { cancelled: () => false });
    const first = request();
    m.set(1);
    const second = request();
    m.set(2);
    const third = request();
    expect(m.reads).toEqual([0]);
    expect(m.pending()).toBe(1);
    await m.finishNext();
    // Three requests, two rounds: the second read the state as it was when the first ended.
    expect(m.reads).toEqual([0, 2]);
    await m.finishNext();
    await Promise.all([first, second, third]);
    expect(m.reads).toEqual([0, 2]);
    expect(second).toBe(third);
  });

  it('a cancelled run stops after the round in flight', async () => {
    const m = manual();
    let cancelled = false;
    const request = latestOnly(m.work, { cancelled: () => cancelled });
    const done = request();
    request();
    cancelled = true;
    await m.finishNext();
    await done;
    expect(m.reads).toEqual([0]);
  });

  it('tells track about each computation, which settles after its last round', async () => {
    const m = manual();
    const tracked: Promise<void>[] = [];
    const request = latestOnly(m.work, { cancelled: () => false, track: (work) => tracked.push(work) });
    request();
    request();
    expect(tracked).toHaveLength(1);
    let settled = false;
    void tracked[0]!.then(() => (settled = true));
    await m.finishNext();
    expect(settled).toBe(false);
    await m.finishNext();
    expect(settled).toBe(true);
    request();
    expect(tracked).toHaveLength(2);
  });

  it('a failing round rejects its callers and the next request starts afresh', async () => {
    let fail = true;
    const request = latestOnly(async () => {
      if (fail) throw new Error('device lost');
    }, { cancelled: () => false });
    await expect(request()).rejects.toThrow('device lost');
    fail = false;
    await expect(request()).resolves.toBeUndefined();
  });
});
