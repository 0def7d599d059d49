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

describe('latestOnly when its run ends (context.signal)', () => {
  const aborted = () => new DOMException('The run was stopped.', 'AbortError');

  it('starts no round after the signal fired, and its requests resolve at once', async () => {
    const m = manual();
    const controller = new AbortController();
    const request = latestOnly(m.work, { signal: controller.signal });
    controller.abort(aborted());
    await expect(request()).resolves.toBeUndefined();
    expect(m.reads).toEqual([]);
  });

  it('a signal fired during a round stops it after that round, with no second round', async () => {
    const m = manual();
    const controller = new AbortController();
    const request = latestOnly(m.work, { signal: controller.signal });
    const done = request();
    m.set(1);
    request();
    controller.abort(aborted());
    await m.finishNext();
    await expect(done).resolves.toBeUndefined();
    expect(m.reads).toEqual([0]);
  });

  it('a round that fails once the signal fired resolves quietly: an AbortError or a disposed model alike', async () => {
    const controller = new AbortController();
    let error: Error = aborted();
    const request = latestOnly(async () => {
      controller.abort(aborted());
      throw error;
    }, { signal: controller.signal });
    await expect(request()).resolves.toBeUndefined();

    const second = new AbortController();
    error = new Error('Tensor is disposed.');
    const quiet = latestOnly(async () => {
      second.abort(aborted());
      throw error;
    }, { signal: second.signal });
    await expect(quiet()).resolves.toBeUndefined();
  });

  it('an AbortError resolves quietly even without a signal; other errors still reject while the run lives', async () => {
    const request = latestOnly(async () => {
      throw aborted();
    }, {});
    await expect(request()).resolves.toBeUndefined();
    const live = new AbortController();
    const failing = latestOnly(async () => {
      throw new Error('device lost');
    }, { signal: live.signal });
    await expect(failing()).rejects.toThrow('device lost');
  });

  it('tells track about a round that ends quietly, which settles', async () => {
    const controller = new AbortController();
    const tracked: Promise<void>[] = [];
    const request = latestOnly(async () => {
      controller.abort(aborted());
      controller.signal.throwIfAborted();
    }, { signal: controller.signal, track: (work) => tracked.push(work) });
    await request();
    expect(tracked).toHaveLength(1);
    await expect(tracked[0]).resolves.toBeUndefined();
  });
});
