/**
 * Lazy loading of tfjs-core and of each backend, for the page and for engine workers alike: a
 * thread pays only for the backend it uses. tfjs-core alone registers no gradients and no
 * backends (stack.md), so both happen here. Where wasm finds its binaries is the caller's to say
 * (the page imports their URLs from the build, load-backend.ts; a worker is told the page's, so
 * both threads fetch the same files and the worker's bundle carries no second copy).
 */
import { isBackendName, type BackendName, type Tf } from './types.ts';

/** setWasmPaths' argument: the URL of each of tfjs-backend-wasm's binaries. */
export type WasmPaths = Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>;

let tfPromise: Promise<Tf> | undefined;

export function loadTf(): Promise<Tf> {
  tfPromise ??= (async () => {
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-core/dist/register_all_gradients');
    return tf;
  })();
  return tfPromise;
}

/** Imports the backend's module so that it registers itself; throws if it cannot exist here. */
export async function importBackend(name: BackendName, wasmPaths: () => Promise<WasmPaths>): Promise<void> {
  switch (name) {
    case 'webgpu':
      // The webgpu backend registers itself only where navigator.gpu exists (pages and workers).
      if (!('gpu' in navigator) || !navigator.gpu) throw new Error('this browser has no WebGPU here');
      await import('@tensorflow/tfjs-backend-webgpu');
      return;
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      return;
    case 'wasm': {
      const [wasm, paths] = await Promise.all([import('@tensorflow/tfjs-backend-wasm'), wasmPaths()]);
      // Self-hosted binaries: without this, tfjs fetches them relative to the script and 404s.
      wasm.setWasmPaths(paths);
      return;
    }
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return;
  }
}

/** tfjs on exactly the named backend, or an error saying why not (no falling back). */
export async function startBackend(name: string, wasmPaths: () => Promise<WasmPaths>): Promise<Tf> {
  if (!isBackendName(name)) throw new Error(`unknown backend ${name}`);
  const tf = await loadTf();
  await importBackend(name, wasmPaths);
  if (!(await tf.setBackend(name))) throw new Error(`${name} did not initialise`);
  await tf.ready();
  return tf;
}
