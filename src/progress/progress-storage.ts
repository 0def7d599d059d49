/**
 * Progress kept in localStorage, shared by every element on the page and across tabs.
 * Writers call `saveProgress`; readers subscribe with `onProgressChange` (same tab through a
 * window event, other tabs through the `storage` event) and unsubscribe on disconnect.
 */
import { PROGRESS_FORMAT, emptyProgress, parseProgress, serializeProgress, type Progress } from './progress.ts';

const STORAGE_KEY = PROGRESS_FORMAT;
const CHANGE_EVENT = 'cs231n-progress-change';

export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
}

export function loadProgress(storage: Storage = localStorage): Progress {
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch {
    throw new StorageUnavailableError('This browser does not allow this site to store data, so progress cannot be kept.');
  }
  if (text === null) return emptyProgress();
  try {
    return parseProgress(text);
  } catch {
    // A damaged stored value must not lock the reader out; keep a copy aside and start fresh.
    storage.setItem(`${STORAGE_KEY}:damaged`, text);
    return emptyProgress();
  }
}

export function saveProgress(progress: Progress, storage: Storage = localStorage): void {
  try {
    storage.setItem(STORAGE_KEY, serializeProgress(progress));
  } catch {
    throw new StorageUnavailableError('Your progress could not be saved: this browser refused to store it (private mode or full storage).');
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function onProgressChange(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) listener();
  };
  window.addEventListener(CHANGE_EVENT, listener);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, listener);
    window.removeEventListener('storage', onStorage);
  };
}
