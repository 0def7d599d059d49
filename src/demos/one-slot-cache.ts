/**
 * The last result of an expensive computation, kept under the key of its inputs: a restart with
 * the same inputs reuses it, any other key replaces it. An element owns one for its lifetime (a
 * run cannot: runs end on every restart; a module cannot: the runtime is the only module state).
 */
export interface OneSlotCache<T> {
  /** The value stored under `key`, or undefined if the slot holds another key or nothing. */
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  clear(): void;
}

export function createOneSlotCache<T>(): OneSlotCache<T> {
  let slot: { key: string; value: T } | undefined;
  return {
    get: (key) => (slot?.key === key ? slot.value : undefined),
    set(key, value) {
      slot = { key, value };
    },
    clear() {
      slot = undefined;
    },
  };
}
