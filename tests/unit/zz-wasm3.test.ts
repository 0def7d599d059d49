import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, test } from 'vitest';
beforeAll(async () => {
  setWasmPaths(`${process.cwd()}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
  await tf.setBackend('wasm');
  await tf.ready();
});
const cpu = (f: () => void) => { const c = process.cpuUsage(); const t = performance.now(); f(); const u = process.cpuUsage(c); return `${((u.user + u.system) / 1000).toFixed(1)} cpu / ${(performance.now() - t).toFixed(1)} wall`; };
test('pieces', async () => {
  const n = 10000, width = 718;
  const aug = new Float32Array(n * width).map((_, i) => (i % 7) / 7);
  let rows!: tf.Tensor;
  console.log('tensor2d', cpu(() => { rows = tf.tensor2d(aug, [n, width]); }));
  console.log('tensor2d again', cpu(() => { tf.tensor2d(aug, [n, width]).dispose(); }));
  const norms = new Float32Array(n);
  for (let s = 0; s < 3; s++) console.log('block', cpu(() => { tf.tidy(() => { const part = tf.slice(rows, [s * 768, 0], [768, width - 1]); return tf.concat([tf.mul(tf.transpose(part), 2), tf.neg(tf.tensor2d(norms.subarray(0, 768), [1, 768]))], 0); }).dispose(); }));
  const ranking = tf.tidy(() => tf.concat([tf.mul(tf.transpose(tf.slice(rows, [0, 0], [768, width - 1])), 2), tf.zeros([1, 768])], 0));
  const chunk = tf.slice(rows, [0, 0], [256, width]);
  for (let s = 0; s < 4; s++) console.log('tile', cpu(() => { tf.tidy(() => { const top = tf.topk(tf.matMul(chunk, ranking), 91); return tf.concat([top.values, tf.cast(top.indices, 'float32')], 1); }).dispose(); }));
  for (let s = 0; s < 3; s++) console.log('matmul only', cpu(() => { tf.matMul(chunk, ranking).dispose(); }));
}, 600000);
