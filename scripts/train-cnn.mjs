#!/usr/bin/env node
// `npm run train:cnn`: trains the ConvNet of the CNN demos in headless Chromium on the wasm
// backend, with the site's own engine (a page of the BENCH=1 build), and writes the shipped
// weights: public/models/mnist-cnn/{weights.bin, model.json, training-log.txt}. Seeded: the same
// command gives the same weights (the log records the checksum).
// Env: SKIP_BUILD=1 reuses dist-bench/; PORT (default 4433); STEPS, SEED.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { driveBenchPage } from './bench-server.mjs';

const OUT = 'public/models/mnist-cnn';
const recipe = { seed: Number(process.env.SEED ?? 1), steps: Number(process.env.STEPS ?? 3000), batch: 64, lr: 0.003, decay: 0.9, augment: true };

const lines = [];
const log = (line) => {
  lines.push(line);
  console.log(line);
};
const query = new URLSearchParams({ task: 'train', backend: 'wasm', seed: recipe.seed, steps: recipe.steps, batch: recipe.batch, lr: recipe.lr, decay: recipe.decay, augment: recipe.augment, heldout: 2000 });
const result = await driveBenchPage(`/bench/cnn/?${query}`, {
  port: Number(process.env.PORT ?? 4433),
  log,
  describe: (version) => `training on ${cpus().length} cores (${cpus()[0]?.model}), Chromium ${version}, wasm backend: ${JSON.stringify(recipe)}`,
});

const bytes = Buffer.from(result.weightsBase64, 'base64');
const { manifest } = result;
const { correct, count, accuracy, start } = manifest.test;
log(`weights: ${bytes.length} bytes, crc32 ${manifest.weights.crc32}`);
log(`test accuracy on ${count} held-out digits (${start}-${start + count - 1}): ${(100 * accuracy).toFixed(2)}% (${correct}/${count})`);
mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}/weights.bin`, bytes);
writeFileSync(`${OUT}/model.json`, `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync(`${OUT}/training-log.txt`, `${lines.join('\n')}\n`);
console.log(`wrote ${OUT}/weights.bin, model.json, training-log.txt`);
