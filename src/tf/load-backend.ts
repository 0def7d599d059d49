/**
 * Lazy loading of tfjs-core and of each backend: a page pays only for the backend it uses.
 * tfjs-core alone registers no gradients and no backends (stack.md), so both happen here.
 */
import { isBackendName, type BackendName, type Tf } from './types.ts';

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
export async function registerBackend(name: BackendName): Promise<void> {
  switch (name) {
    case 'webgpu':
      // The webgpu backend registers itself only where navigator.gpu exists.
      if (!('gpu' in navigator) || !navigator.gpu) throw new Error('this browser has no WebGPU');
      await import('@tensorflow/tfjs-backend-webgpu');
      return;
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      return;
    case 'wasm': {
      const [wasm, urls] = await Promise.all([import('@tensorflow/tfjs-backend-wasm'), import('./wasm-urls.ts')]);
      // Self-hosted binaries: without this, tfjs fetches them relative to the page and 404s.
      wasm.setWasmPaths({
        'tfjs-backend-wasm.wasm': urls.wasmPlain,
        'tfjs-backend-wasm-simd.wasm': urls.wasmSimd,
        'tfjs-backend-wasm-threaded-simd.wasm': urls.wasmThreadedSimd,
      });
      return;
    }
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return;
  }
}

/**
 * tfjs on exactly the named backend, or an error saying why not. For benchmark and training
 * pages, which must measure what they were asked to, not fall back as the demos do.
 */
export async function loadTfOn(name: string): Promise<Tf> {
  if (!isBackendName(name)) throw new Error(`unknown backend ${name}`);
  const tf = await loadTf();
  await registerBackend(name);
  if (!(await tf.setBackend(name))) throw new Error(`${name} did not initialise`);
  await tf.ready();
  return tf;
}
