/**
 * tfjs and its backends on the page (backend-modules.ts does the loading), with wasm's binaries
 * at the URLs the build gave them.
 */
import { importBackend, loadTf, startBackend, type WasmPaths } from './backend-modules.ts';
import type { BackendName, Tf } from './types.ts';

export { loadTf };

/** The build's URLs of the wasm binaries, absolute (a worker resolves them the same way). */
export async function pageWasmPaths(): Promise<WasmPaths> {
  const urls = await import('./wasm-urls.ts');
  const absolute = (url: string) => new URL(url, location.href).href;
  return {
    'tfjs-backend-wasm.wasm': absolute(urls.wasmPlain),
    'tfjs-backend-wasm-simd.wasm': absolute(urls.wasmSimd),
    'tfjs-backend-wasm-threaded-simd.wasm': absolute(urls.wasmThreadedSimd),
  };
}

/** Imports the backend's module so that it registers itself; throws if it cannot exist here. */
export function registerBackend(name: BackendName): Promise<void> {
  return importBackend(name, pageWasmPaths);
}

/**
 * tfjs on exactly the named backend, or an error saying why not. For benchmark and training
 * pages, which must measure what they were asked to, not fall back as the demos do.
 */
export function loadTfOn(name: string): Promise<Tf> {
  return startBackend(name, pageWasmPaths);
}
