/**
 * The page's tfjs runtime. tfjs keeps one global engine with one active backend, so every demo
 * on a page shares this one object (the only module-level state of the demos, mirroring tfjs).
 *
 * Lifecycle
 * - ensure(): the first call picks a backend: `?backend=NAME` if given, else the reader's last
 *   choice, then webgpu -> webgl -> wasm -> cpu; each is imported lazily, initialised and
 *   smoke-tested; one that fails is skipped with a message.
 * - switchTo(name) (the reader's badge), a lost WebGPU device, a lost WebGL context, or
 *   reportFailure() from a demo: listeners get 'before-change' (stop, dispose every tensor),
 *   the backend changes, then 'changed' (rebuild) or 'failed' (nothing works).
 */
import { loadTf, registerBackend } from './load-backend.ts';
import { BACKENDS, BACKEND_LABELS, isBackendName, type BackendName, type Tf } from './types.ts';

export interface RuntimeEvent {
  type: 'before-change' | 'changed' | 'failed';
  backend?: BackendName;
  /** Why the backend changed or failed, for the reader. */
  message?: string;
}

const CHOICE_KEY = 'cs231n-notes:backend';

class TfRuntime {
  #tf: Tf | undefined;
  #backend: BackendName | undefined;
  #failed = new Map<BackendName, string>();
  #listeners = new Set<(event: RuntimeEvent) => void>();
  #ready: Promise<{ tf: Tf; backend: BackendName }> | undefined;
  #notes: string[] = [];

  get backend(): BackendName | undefined {
    return this.#backend;
  }

  get tf(): Tf | undefined {
    return this.#tf;
  }

  /** Messages about backends that were skipped, for the reader. */
  get notes(): readonly string[] {
    return this.#notes;
  }

  /** Backends that failed on this page, with the reason. */
  get failed(): ReadonlyMap<BackendName, string> {
    return this.#failed;
  }

  ensure(): Promise<{ tf: Tf; backend: BackendName }> {
    this.#ready ??= this.#start(preferredOrder()).catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    return this.#ready;
  }

  subscribe(listener: (event: RuntimeEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The reader picked another backend on a badge. */
  async switchTo(name: BackendName): Promise<void> {
    if (name === this.#backend) return;
    try {
      localStorage.setItem(CHOICE_KEY, name);
    } catch {
      // Storage may be off; the choice then lasts for this page only.
    }
    await this.#change([name, ...BACKENDS.filter((b) => b !== name)], `Switched to ${BACKEND_LABELS[name]} on request.`);
  }

  /** A demo hit an error that looks like the backend's fault: move everyone to the next one. */
  async reportFailure(name: BackendName, reason: string): Promise<void> {
    if (name !== this.#backend) return;
    this.#failed.set(name, reason);
    const next = BACKENDS.slice(BACKENDS.indexOf(name) + 1);
    await this.#change(next, `${BACKEND_LABELS[name]} failed (${reason}).`);
  }

  async #start(order: BackendName[]): Promise<{ tf: Tf; backend: BackendName }> {
    const tf = (this.#tf ??= await loadTf());
    const backend = await this.#firstWorking(tf, order);
    return { tf, backend };
  }

  async #change(order: BackendName[], why: string): Promise<void> {
    this.#emit({ type: 'before-change', ...(this.#backend ? { backend: this.#backend } : {}), message: why });
    try {
      this.#ready = this.#start(order);
      const { backend } = await this.#ready;
      this.#emit({ type: 'changed', backend, message: `${why} Now running on ${BACKEND_LABELS[backend]}.` });
    } catch (error) {
      this.#ready = undefined;
      this.#emit({ type: 'failed', message: (error as Error).message });
    }
  }

  async #firstWorking(tf: Tf, order: BackendName[]): Promise<BackendName> {
    for (const name of order) {
      if (this.#failed.has(name)) continue;
      try {
        await registerBackend(name);
        if (!(await tf.setBackend(name))) throw new Error('it did not initialise');
        await tf.ready();
        await smokeTest(tf);
        this.#backend = name;
        this.#watchForLoss(tf, name);
        return name;
      } catch (error) {
        const reason = (error as Error).message || String(error);
        this.#failed.set(name, reason);
        this.#notes.push(`${BACKEND_LABELS[name]} is not available here (${reason}).`);
      }
    }
    throw new Error(`No tfjs backend works in this browser: ${[...this.#failed].map(([n, r]) => `${n}: ${r}`).join('; ')}`);
  }

  #watchForLoss(tf: Tf, name: BackendName): void {
    const backend = tf.backend() as unknown as {
      device?: GPUDevice;
      gpgpu?: { gl?: WebGLRenderingContext };
    };
    if (name === 'webgpu' && backend.device) {
      const device = backend.device;
      void device.lost.then((info) => {
        if (this.#backend === 'webgpu' && (tf.backend() as unknown as { device?: GPUDevice }).device === device) {
          void this.reportFailure('webgpu', `the GPU device was lost: ${info.message || info.reason}`);
        }
      });
    }
    const canvas = name === 'webgl' ? backend.gpgpu?.gl?.canvas : undefined;
    if (canvas && 'addEventListener' in canvas) {
      canvas.addEventListener('webglcontextlost', (event) => {
        event.preventDefault();
        if (this.#backend === 'webgl') void this.reportFailure('webgl', 'the WebGL context was lost');
      }, { once: true });
    }
  }

  #emit(event: RuntimeEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}

/** `?backend=NAME` first, then the reader's stored choice, then the default order. */
function preferredOrder(): BackendName[] {
  const forced = new URLSearchParams(location.search).get('backend');
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(CHOICE_KEY);
  } catch {
    stored = null;
  }
  const first = isBackendName(forced) ? forced : isBackendName(stored) ? stored : undefined;
  return first ? [first, ...BACKENDS.filter((b) => b !== first)] : [...BACKENDS];
}

/** Runs one tiny op and reads it back: a backend that initialises but cannot compute is caught here. */
async function smokeTest(tf: Tf): Promise<void> {
  const sum = tf.tidy(() => tf.add(tf.tensor1d([1, 2]), tf.tensor1d([3, 4])));
  const values = await sum.data();
  sum.dispose();
  if (values[0] !== 4 || values[1] !== 6) throw new Error('it computed wrong results');
}

export const runtime = new TfRuntime();

// Tests and curious readers can reach the runtime from the console.
declare global {
  interface Window {
    cs231nRuntime?: TfRuntime;
  }
}
if (typeof window !== 'undefined') window.cs231nRuntime = runtime;
