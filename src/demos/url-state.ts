/**
 * The URL hash holds every demo's run settings as one query string, each key prefixed by its
 * demo id (`#optimizer-race.surface=rosenbrock&loss-landscape.grid=51`), so a link reproduces
 * exactly what the reader sees. Updates use replaceState: no history entry per slider move.
 */

export function hashParams(hash = location.hash): URLSearchParams {
  const text = hash.replace(/^#/, '');
  // A plain anchor (#reading-list) holds no settings.
  return text.includes('=') ? new URLSearchParams(text) : new URLSearchParams();
}

export function writeDemoParams(demoId: string, entries: [string, string][]): void {
  const params = hashParams();
  for (const key of [...params.keys()]) if (key.startsWith(`${demoId}.`)) params.delete(key);
  for (const [key, value] of entries) params.append(key, value);
  const text = params.toString();
  const url = `${location.pathname}${location.search}${text ? `#${text}` : ''}`;
  history.replaceState(history.state, '', url);
}
