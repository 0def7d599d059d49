// Runs check steps in order, stopping at the first failure, with each step's time
// (shared by `npm test` and `npm run test:quick`).
import { spawnSync } from 'node:child_process';
import { chromiumPath } from './chromium.mjs';

/** @param {[title: string, command: string, args: string[], env: Record<string, string>][]} steps */
export function runSteps(steps) {
  chromiumPath(); // Fail first, with the install hint, if Chromium is missing.
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const started = Date.now();
  const times = [];
  for (const [title, command, args, extraEnv] of steps) {
    const stepStart = Date.now();
    console.log(`\n━━ ${title} ━━`);
    const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
    const seconds = ((Date.now() - stepStart) / 1000).toFixed(0);
    if (result.status !== 0) {
      console.error(`\n✗ ${title} failed after ${seconds} s (exit ${result.status ?? result.signal}).`);
      process.exit(1);
    }
    times.push(`${seconds.padStart(5)} s  ${title}`);
    console.log(`✓ ${title} (${seconds} s)`);
  }
  console.log(`\nAll checks passed in ${((Date.now() - started) / 60000).toFixed(1)} min:\n${times.join('\n')}`);
}
