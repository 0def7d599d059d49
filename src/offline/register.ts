/**
 * Registers the service worker that Workbox generates with each build (<base>sw.js) and, when a
 * newer build is found, offers "A new version of these notes is available" with a Reload button
 * instead of letting the new worker take over under an open page. Reload tells the waiting worker
 * to activate (Workbox listens for SKIP_WAITING) and reloads once it controls the page; the next
 * page load then drops caches of files the new version no longer has (prune-caches.ts).
 *
 * Written by hand rather than with workbox-window (about 3 KiB gzip), which would take notes pages
 * over their 35 KiB script budget. Does nothing under `astro dev` or in builds without the worker.
 */
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
const UPDATED = 'cs231n-offline-updated';

function showUpdatePrompt(registration: ServiceWorkerRegistration): void {
  if (document.querySelector('.offline-update')) return;
  const bar = document.createElement('div');
  bar.className = 'offline-update';
  bar.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = 'A new version of these notes is available.';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Reload';
  button.addEventListener('click', () => {
    button.disabled = true;
    const reload = () => {
      sessionStorage.setItem(UPDATED, '1');
      location.reload();
    };
    const waiting = registration.waiting;
    // Another tab may have accepted already: this page is then under the new worker, and only reloads.
    if (!waiting) return reload();
    navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });
  // The live region goes in first, then its text, so screen readers announce it.
  document.body.append(bar);
  bar.append(text, ' ', button);
}

async function registerWorker(): Promise<ServiceWorkerRegistration | undefined> {
  try {
    // Resolves to nothing where registration is blocked (Playwright's serviceWorkers: 'block').
    return await navigator.serviceWorker.register(`${base}sw.js`, { scope: base });
  } catch {
    // Refused (some private windows, policies): the site works online as before.
    return undefined;
  }
}

async function register(): Promise<void> {
  const registration = await registerWorker();
  if (!registration) return;
  // A waiting worker is an update only when another one controls this page (not the first install).
  const offer = () => {
    if (registration.waiting && navigator.serviceWorker.controller) showUpdatePrompt(registration);
  };
  offer();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer();
    });
  });
  if (sessionStorage.getItem(UPDATED) && navigator.serviceWorker.controller) {
    sessionStorage.removeItem(UPDATED);
    // Best effort: what is left stays until the next update.
    await import('./prune-caches.ts').then(({ pruneCaches }) => pruneCaches(base)).catch(() => undefined);
  }
}

if (import.meta.env.PROD && import.meta.env.OFFLINE_SITE && 'serviceWorker' in navigator) {
  if (document.readyState === 'complete') void register();
  else addEventListener('load', () => void register(), { once: true });
}
