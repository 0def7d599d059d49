import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { digitFeatures } from '../../src/engines/tsne/features.ts';
import { computeAffinities } from '../../src/engines/tsne/affinities.ts';
import { digitFeatures as oldFeatures } from '../../tmp-head/src/engines/tsne/features.ts';
import { computeAffinities as oldAffinities } from '../../tmp-head/src/engines/tsne/affinities.ts';
const data = loadMnistNode();
beforeAll(async () => {
  setWasmPaths(`${process.cwd()}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
  await tf.setBackend('wasm');
  await tf.ready();
});
/** CPU time of the spans between event-loop turns (setImmediate ticks) while `work` runs: the tasks, in CPU ms. */
async function spans(work: () => Promise<unknown>): Promise<unknown> {
  let last = process.cpuUsage();
  let started = performance.now();
  const list: [number, number][] = [];
  let running = true;
  let lastWall = performance.now();
  const tick = () => {
    const now = process.cpuUsage();
    const wall = performance.now();
    list.push([process.env.WALL ? wall - lastWall : (now.user + now.system - last.user - last.system) / 1000, wall - started]);
    lastWall = wall;
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await new Promise((resolve) => setTimeout(resolve, 0));
  started = performance.now();
  const t0 = process.cpuUsage();
  await work();
  running = false;
  const t = process.cpuUsage(t0);
  const longest = list.reduce((a, b) => (b[0] > a[0] ? b : a), [0, 0]);
  return { longest: Math.round(longest[0]), at: Math.round(longest[1]), over50: list.filter((s) => s[0] > 50).length, total: Math.round((t.user + t.system) / 1000), big: list.filter((s) => s[0] > 35).map(([c, w]) => [Math.round(c), Math.round(w)]) } as never;
}
test('longest task in CPU time, 10,000 digits on wasm', async () => {
  const n = Number(process.env.N ?? 10000);
  const space = (process.env.SPACE ?? 'pixels') as 'pixels';
  for (let r = 0; r < Number(process.env.R ?? 1); r++) {
    const old = await spans(async () => { const f = await oldFeatures({ tf, images: data.images, n, space, seed: 1, yieldOften: true }); await oldAffinities(tf, f.values, n, f.dim, 30, { yieldOften: true }); });
    console.log('before', JSON.stringify(old));
    const now = await spans(async () => { const f = await digitFeatures({ tf, images: data.images, n, space, seed: 1 }); await computeAffinities(tf, f.values, n, f.dim, 30); });
    console.log('after ', JSON.stringify(now));
  }
}, 900000);
import { nearestNeighbors } from '../../src/engines/tsne/neighbors.ts';
import { nearestNeighbors as oldNeighbors } from '../../tmp-head/src/engines/tsne/neighbors.ts';
import { pixelFeatures } from '../../src/engines/tsne/features.ts';
test('identical neighbours on wasm', async () => {
  const n = 3000;
  const x = pixelFeatures(data.images, n);
  const a = await oldNeighbors(tf, x, n, 784, 90);
  const b = await nearestNeighbors(tf, x, n, 784, 90);
  let same = true;
  for (let i = 0; i < a.indices.length && same; i++) same = a.indices[i] === b.indices[i] && a.distances[i] === b.distances[i];
  console.log('identical', same, tf.memory().numTensors);
}, 600000);
