/** Gradient flow through time (Lecture 10) on wasm: every curve measured, autodiff agrees with the notes' backward pass. */
import { expect, idleTensorCount, openDemo, test } from './fixtures.ts';

const PAGE = 'notes/lecture-10-recurrent-neural-networks/?backend=wasm';
const ID = 'rnn-gradient-flow';

test('tanh RNNs vanish, the LSTM with forget bias 1 keeps its gradient; clipping rescales', async ({ page }) => {
  const demo = await openDemo(page, `${PAGE}#${ID}.hidden=16&${ID}.length=40`, ID);
  await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  const message = demo.locator('[data-message]');
  await expect(message).toContainText(/agrees with automatic differentiation to a relative \d\.\de-(\d+) at every k;/);
  const exponent = Number(/relative \d\.\de-(\d+) at every k/.exec((await message.textContent()) ?? '')?.[1]);
  expect(exponent).toBeGreaterThanOrEqual(4);
  const rows = demo.locator('[data-legend] li');
  await expect(rows).toHaveCount(6);
  const ratio = async (label: string) => Number(/is ([\d.e+-]+) × its value/.exec((await rows.filter({ hasText: label }).textContent()) ?? '')?.[1]);
  expect(await ratio('tanh RNN, s = 0.5:')).toBeLessThan(1e-8);
  expect(await ratio('LSTM, forget bias 1')).toBeGreaterThan(100 * (await ratio('LSTM, forget bias 0')));
  await expect(rows.first()).toContainText(/σ_max\(W_hh\) = \d\.\d\d/);
  await demo.getByLabel('Clip the gradient').check();
  await expect(rows.filter({ hasText: 'tanh RNN, s = 2:' })).toContainText('scaled by');
  expect(await idleTensorCount(demo)).toBe(0);
});
