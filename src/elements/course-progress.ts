/**
 * <course-progress>: fills the home page's overview from stored progress and handles export,
 * import (merged, never overwriting) and reset. Listens for changes while connected.
 */
import { countDone, emptyProgress, itemId, mergeProgress, parseProgress, serializeProgress } from '../progress/progress.ts';
import { loadProgress, onProgressChange, saveProgress } from '../progress/progress-storage.ts';

const MAX_IMPORT_BYTES = 1024 * 1024;

class CourseProgress extends HTMLElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    const message = this.querySelector<HTMLElement>('[data-message]');
    const say = (text: string) => {
      if (message) message.textContent = text;
    };
    const rows = [...this.querySelectorAll<HTMLElement>('li[data-unit]')].map((row) => ({
      row,
      ids: (row.dataset['items'] ?? '').split(' ').filter(Boolean).map((item) => itemId(row.dataset['unit'] ?? '', item)),
    }));

    const render = () => {
      let progress;
      try {
        progress = loadProgress();
      } catch (error) {
        say((error as Error).message);
        return;
      }
      let doneAll = 0;
      let totalAll = 0;
      for (const { row, ids } of rows) {
        const done = countDone(progress, ids);
        doneAll += done;
        totalAll += ids.length;
        const bar = row.querySelector('progress');
        if (bar) bar.value = done;
        const count = row.querySelector('[data-count]');
        if (count) count.textContent = `${done} of ${ids.length}`;
        row.classList.toggle('is-complete', done === ids.length && ids.length > 0);
      }
      const total = this.querySelector('[data-total]');
      if (total) total.textContent = `${doneAll} of ${totalAll} study items done (${Math.round((100 * doneAll) / Math.max(totalAll, 1))}%). Progress is kept in this browser only: export it to keep a copy or move it to another browser.`;
    };

    this.querySelectorAll<HTMLButtonElement | HTMLInputElement>('[data-action]').forEach((control) => {
      control.disabled = false;
    });
    this.querySelector('[data-action="export"]')?.addEventListener('click', () => {
      try {
        const blob = new Blob([serializeProgress(loadProgress())], { type: 'application/json' });
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = `cs231n-progress-${new Date().toISOString().slice(0, 10)}.json`;
        link.click();
        URL.revokeObjectURL(link.href);
        say('Progress exported as a JSON file.');
      } catch (error) {
        say((error as Error).message);
      }
    });
    this.querySelector<HTMLInputElement>('[data-action="import"]')?.addEventListener('change', async (event) => {
      const input = event.currentTarget as HTMLInputElement;
      const file = input.files?.[0];
      input.value = '';
      if (!file) return;
      try {
        if (file.size > MAX_IMPORT_BYTES) throw new Error(`"${file.name}" is too large to be a progress file (over 1 MB). Nothing was changed.`);
        const incoming = parseProgress(await file.text());
        const { progress, added } = mergeProgress(loadProgress(), incoming);
        saveProgress(progress);
        say(`Imported "${file.name}": ${added} new item(s) ticked, ${Object.keys(incoming.done).length - added} already done. Nothing was removed.`);
      } catch (error) {
        say(`Could not import "${file.name}": ${(error as Error).message} Your progress is unchanged.`);
      }
    });
    this.querySelector('[data-action="reset"]')?.addEventListener('click', () => {
      if (!window.confirm('Untick every item of every unit? Export your progress first if you may want it back.')) return;
      try {
        saveProgress(emptyProgress());
        say('Progress reset.');
      } catch (error) {
        say((error as Error).message);
      }
    });
    this.#unsubscribe = onProgressChange(render);
    render();
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }
}

if (!customElements.get('course-progress')) customElements.define('course-progress', CourseProgress);
