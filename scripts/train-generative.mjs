#!/usr/bin/env node
// `npm run train:gan` / `npm run train:vae`: trains the generative models of Lecture 13 in
// headless Chromium on the wasm backend, with the site's own engines (a page of the BENCH=1
// build), and writes the shipped files: public/models/<dir>/{weights.bin, model.json,
// training-log.txt}. Seeded: the same command gives the same weights (the log records the checksum).
// `node scripts/train-generative.mjs measure-gan|measure-vae` measures the shipped weights'
// sample quality again (e.g. once the MNIST classifier ships) and updates model.json and the log.
// Env: SKIP_BUILD=1 reuses dist-bench/; PORT (default 4434); STEPS, SEED, BATCH, LR to experiment.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { driveBenchPage } from './bench-server.mjs';

const task = process.argv[2];
const DIRS = { gan: 'public/models/dcgan-mnist', vae: 'public/models/vae-mnist' };
if (!['gan', 'vae', 'measure-gan', 'measure-vae'].includes(task)) {
  console.error('usage: node scripts/train-generative.mjs gan|vae|measure-gan|measure-vae');
  process.exit(2);
}
const model = task.replace('measure-', '');
const out = DIRS[model];
const query = new URLSearchParams({ task, backend: 'wasm' });
for (const [env, key] of [['STEPS', 'steps'], ['SEED', 'seed'], ['BATCH', 'batch'], ['LR', 'lr'], ['REAL_LABEL', 'real']]) {
  if (process.env[env]) query.set(key, process.env[env]);
}

const lines = [];
const log = (line) => {
  lines.push(line);
  console.log(line);
};
const result = await driveBenchPage(`/bench/generative/?${query}`, {
  port: Number(process.env.PORT ?? 4434),
  log,
  describe: (version) => `${task} on ${cpus().length} cores (${cpus()[0]?.model}), Chromium ${version}, wasm backend, ${new Date().toISOString().slice(0, 10)}: ${query}`,
});

if (task.startsWith('measure-')) {
  // The page read the shipped manifest and returns it with the new quality figures, checked.
  writeFileSync(`${out}/model.json`, `${JSON.stringify(result.manifest, null, 2)}\n`);
  appendFileSync(`${out}/training-log.txt`, `\nQuality measured again:\n${lines.join('\n')}\n`);
  console.log(`updated ${out}/model.json and training-log.txt`);
} else {
  const bytes = Buffer.from(result.weightsBase64, 'base64');
  log(`weights: ${bytes.length} bytes, crc32 ${result.manifest.weights.crc32}; ${(result.milliseconds / 60000).toFixed(1)} minutes in all`);
  mkdirSync(out, { recursive: true });
  writeFileSync(`${out}/weights.bin`, bytes);
  writeFileSync(`${out}/model.json`, `${JSON.stringify(result.manifest, null, 2)}\n`);
  writeFileSync(`${out}/training-log.txt`, `${lines.join('\n')}\n`);
  console.log(`wrote ${out}/weights.bin, model.json, training-log.txt`);
}
