// Shared by the scripts that drive pages of the benchmark build (train-cnn, bench-cnn): builds
// the site with BENCH=1 into dist-bench/ (unless SKIP_BUILD is set) and serves it.
import { spawn, spawnSync } from 'node:child_process';

export function buildBench() {
  if (process.env.SKIP_BUILD) return;
  const build = spawnSync('npx', ['astro', 'build', '--outDir', 'dist-bench'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, BENCH: '1', BASE_PATH: '', ASTRO_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Serves dist-bench/ on `port`; resolves with the origin and a stop function once it answers. */
export async function serveBench(port) {
  const server = spawn('node', ['scripts/serve.mjs', 'dist-bench'], { env: { ...process.env, PORT: String(port), BASE_PATH: '' }, stdio: 'ignore' });
  const origin = `http://localhost:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${origin}/`)).status < 500) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { origin, stop: () => server.kill() };
}
