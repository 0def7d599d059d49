/**
 * A static server of its own for the offline specs, started and stopped inside a test: stopping
 * it takes the network away for real (the service worker's fetches fail too, whatever the
 * browser's offline emulation covers), and it can serve a copy of the build that a test changes.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { BASE_PATH } from './fixtures.ts';

export interface SiteServer {
  /** The site's root URL, base path included, e.g. http://localhost:40123/cs231n/. */
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, 'localhost', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Serves `folder` under the run's base path on the given port (a new free one by default). */
export async function serveSite(folder: string, port?: number): Promise<SiteServer> {
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, ['scripts/serve.mjs', folder], {
    env: { ...process.env, PORT: String(chosen), BASE_PATH },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the server stopped (exit ${code})`)));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Serving')) resolve();
    });
  });
  const stopped = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://localhost:${chosen}${BASE_PATH}`,
    stop: async () => {
      if (child.exitCode === null) child.kill();
      await stopped;
    },
  };
}
