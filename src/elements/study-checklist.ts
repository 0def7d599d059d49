/**
 * <study-checklist data-unit="lecture-2">: upgrades the server-rendered checklist.
 * connected: enables the checkboxes, shows stored ticks, listens for changes from other
 * elements and tabs; disconnected: drops its listeners.
 */
import { countDone, itemId, setDone } from '../progress/progress.ts';
import { loadProgress, onProgressChange, saveProgress } from '../progress/progress-storage.ts';

class StudyChecklist extends HTMLElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    const unit = this.dataset['unit'] ?? '';
    const boxes = [...this.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-item]')];
    const status = this.querySelector<HTMLElement>('[data-status]');
    const ids = boxes.map((box) => itemId(unit, box.dataset['item'] ?? ''));

    const render = () => {
      try {
        const progress = loadProgress();
        boxes.forEach((box, index) => {
          box.checked = (ids[index] ?? '') in progress.done;
          box.disabled = false;
        });
        if (status) status.textContent = `${countDone(progress, ids)} of ${ids.length} done. Progress stays in this browser; export it from the home page.`;
      } catch (error) {
        if (status) status.textContent = (error as Error).message;
      }
    };

    this.addEventListener('change', (event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement) || !box.dataset['item']) return;
      try {
        saveProgress(setDone(loadProgress(), itemId(unit, box.dataset['item']), box.checked));
      } catch (error) {
        box.checked = !box.checked;
        if (status) status.textContent = (error as Error).message;
      }
    });
    this.#unsubscribe = onProgressChange(render);
    render();
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }
}

if (!customElements.get('study-checklist')) customElements.define('study-checklist', StudyChecklist);
