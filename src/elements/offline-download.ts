/**
 * <offline-download data-base="/">: on the home page, says what is saved for offline reading and
 * offers to download the rest at once: the demos' code, wasm, MNIST and the trained models, which
 * the service worker otherwise caches only when a demo first runs. Progress is shown in bytes.
 * Files go into the same caches the worker reads (names from offline/files.json), so a download
 * counts whether or not the worker controls this page yet. Without service workers (or in a build
 * without them) the element only says so.
 */
import { DOWNLOAD_QUERY, loadOfflineIndex, type OfflineFile, type OfflineIndex } from '../offline/offline-files.ts';

const PARALLEL_DOWNLOADS = 4;

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

class OfflineDownload extends HTMLElement {
  #index: OfflineIndex | undefined;
  #base = '/';

  async connectedCallback(): Promise<void> {
    this.#base = this.dataset['base'] ?? '/';
    const button = this.querySelector<HTMLButtonElement>('[data-offline-download]');
    if (!button) return;
    if (!import.meta.env.PROD || !import.meta.env.OFFLINE_SITE || !('serviceWorker' in navigator) || !('caches' in window)) {
      this.#say('pages', 'This browser (or this copy of the site) cannot keep pages for offline reading.');
      return;
    }
    // The shell's text is for readers without JavaScript; until the worker is ready, say what is happening.
    this.#say('pages', 'Saving every page, the references and the search in this browser for offline reading…');
    void navigator.serviceWorker.ready.then(() => this.#say('pages', 'Every page, the references and the search are saved in this browser for offline reading.'));
    try {
      this.#index = await loadOfflineIndex(this.#base);
    } catch (error) {
      this.#say('demos', `Demos cannot be saved for offline use here: ${(error as Error).message}`);
      return;
    }
    const index = this.#index;
    const total = index.files.reduce((sum, file) => sum + file.bytes, 0);
    const missing = await this.#missing(index);
    const missingBytes = missing.reduce((sum, file) => sum + file.bytes, 0);
    this.#showProgress(total - missingBytes, total, false);
    if (missing.length === 0) return;
    button.disabled = false;
    button.addEventListener('click', () => void this.#download(button));
  }

  async #missing(index: OfflineIndex): Promise<OfflineFile[]> {
    const checked = await Promise.all(index.files.map(async (file) => {
      const cache = await caches.open(index.caches[file.cache]);
      return (await cache.match(this.#url(file))) ? undefined : file;
    }));
    return checked.filter((file): file is OfflineFile => file !== undefined);
  }

  async #download(button: HTMLButtonElement): Promise<void> {
    const index = this.#index;
    if (!index) return;
    button.disabled = true;
    // Ask the browser not to evict the saved files under storage pressure (it may decline).
    void navigator.storage?.persist?.();
    const total = index.files.reduce((sum, file) => sum + file.bytes, 0);
    const queue = await this.#missing(index);
    let saved = total - queue.reduce((sum, file) => sum + file.bytes, 0);
    this.#showProgress(saved, total, true);
    let failure: Error | undefined;
    const worker = async () => {
      for (let file = queue.shift(); file && !failure; file = queue.shift()) {
        try {
          await this.#save(index, file, (bytes) => {
            saved += bytes;
            if (!failure) this.#showProgress(saved, total, true);
          });
        } catch (error) {
          failure ??= error as Error;
        }
      }
    };
    // Every download in flight ends before the outcome is shown, so no late progress overwrites it.
    await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
    if (!failure) {
      this.#showProgress(total, total, false);
      return;
    }
    const kept = total - (await this.#missing(index)).reduce((sum, file) => sum + file.bytes, 0);
    this.#showProgress(kept, total, false);
    this.#say('demos', `The download stopped (${failure.message}). ${megabytes(kept)} of ${megabytes(total)} are saved; press the button to continue.`);
    button.disabled = false;
  }

  /**
   * Fetches one file, reporting bytes as they arrive, and stores it in the worker's cache. The
   * query keeps the request out of the worker's routes: offline, the worker answers missing demo
   * code with a stand-in module, which must never be saved as the real file.
   */
  async #save(index: OfflineIndex, file: OfflineFile, onBytes: (bytes: number) => void): Promise<void> {
    const url = this.#url(file);
    let response: Response;
    try {
      response = await fetch(`${url}?${DOWNLOAD_QUERY}`);
    } catch {
      throw new Error('no connection');
    }
    if (!response.ok || !response.body) throw new Error(`${file.url}: HTTP ${response.status}`);
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      chunks.push(part.value);
      onBytes(part.value.length);
    }
    // Only the type is kept: the body is already decoded, so a Content-Encoding would no longer be true.
    const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
    const cache = await caches.open(index.caches[file.cache]);
    await cache.put(url, new Response(new Blob(chunks as BlobPart[], { type }), { headers: { 'Content-Type': type } }));
  }

  #url(file: OfflineFile): string {
    return new URL(`${this.#base}${file.url}`, location.href).href;
  }

  #showProgress(saved: number, total: number, running: boolean): void {
    const progress = this.querySelector('progress');
    if (progress) {
      progress.hidden = false;
      progress.max = total;
      progress.value = saved;
    }
    const button = this.querySelector<HTMLButtonElement>('[data-offline-download]');
    if (saved >= total) {
      this.dataset['state'] = 'complete';
      if (button) button.hidden = true;
      this.#say('demos', `Every demo is available offline: ${megabytes(total)} of code, digits and trained models saved.`);
      return;
    }
    this.dataset['state'] = running ? 'downloading' : 'partial';
    this.#say('demos', running
      ? `Downloading: ${megabytes(saved)} of ${megabytes(total)}.`
      : `Demos work offline once you have run them. Saved so far: ${megabytes(saved)} of ${megabytes(total)}.`);
  }

  #say(part: 'pages' | 'demos', text: string): void {
    const target = this.querySelector(`[data-offline-${part}]`);
    if (target) target.textContent = text;
  }
}

if (!customElements.get('offline-download')) customElements.define('offline-download', OfflineDownload);
