/**
 * Ends the current task so the browser can render and handle input before work goes on.
 * On the wasm and cpu backends every op runs on the main thread: long loops call this between
 * chunks to keep each task short. Works in Node too (tests, scripts).
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
