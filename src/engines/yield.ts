/**
 * Ends the current task so the browser can render and handle input before work goes on.
 * On the wasm and cpu backends every op runs on the main thread: long loops call this between
 * chunks to keep each task short. Works in Node too (tests, scripts).
 *
 * In a Web Worker there is nothing to render: a yield is there to let the page's messages in
 * (an engine's "abort", src/tf/worker-serve.ts). scheduler.yield() would not: its continuation
 * runs ahead of waiting messages (Chromium), so a worker yields through a message of its own,
 * which queues behind them.
 */
export function yieldToEventLoop(): Promise<void> {
  if (inWorker()) return yieldBehindMessages();
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function inWorker(): boolean {
  return typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
}

function yieldBehindMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
