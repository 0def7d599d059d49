/**
 * `astro dev` serves no service worker. But a built copy of the site served earlier on the same
 * origin (npm start and npm run dev both use localhost:4321) leaves one behind that would keep
 * answering with its precached pages. The dev server therefore answers <base>sw.js with this
 * worker: the browser's next update check installs it, and it removes the old worker and the
 * site's caches, then reloads the open pages from the dev server. (vite-plugin-pwa's
 * `selfDestroying` option builds the same kind of worker, for builds only.)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REMOVING_WORKER = `// Development server: removes a service worker left by a built copy of this site.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    await self.registration.unregister();
    for (const key of await caches.keys()) {
      if (key.startsWith('workbox-') || key.startsWith('cs231n-')) await caches.delete(key);
    }
    for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
  })());
});
`;

export function devServiceWorker(base: string) {
  const path = `${base}sw.js`;
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    if (request.url?.split('?')[0] !== path) {
      next();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(REMOVING_WORKER);
  };
}
