/** The char-RNN of Lecture 10 on wasm: a few training steps in a worker, a sample, bad input. */
import { expect, idleTensorCount, openDemo, test } from './fixtures.ts';

const PAGE = 'notes/lecture-10-recurrent-neural-networks/?backend=wasm';
const ID = 'char-rnn';
const SMALL = `${ID}.hidden=32&${ID}.batch=8&${ID}.seqLength=20&${ID}.lr=0.01&${ID}.sampleLength=40`;

test.describe('char-rnn', () => {
  test('trains in a worker: held-out bits per character fall, a sample with its top-5 appears', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}#${SMALL}&${ID}.steps=40`, ID);
    const summary = demo.locator('[data-summary]');
    await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await expect(demo).toHaveAttribute('data-trains-in', 'worker');
    await expect(summary).toContainText('LSTM 1 × 32 on the notes of this site: step 40 of 40.');
    const after = Number(/held-out ([\d.]+) bits\/char \(step 40\)/.exec((await summary.textContent()) ?? '')?.[1]);
    // The untrained model scores about log2(95) = 6.6 bits (unit-tested); 40 steps learn letter frequencies and more.
    expect(after).toBeLessThan(5);
    await expect(summary).toContainText(/[\d,]+ characters\/s/);
    // The sample: the prime, then 40 characters, each with the model's top-5.
    const sample = demo.locator('[data-sample] span[data-k]');
    await expect(sample).toHaveCount(40);
    await sample.nth(3).hover();
    await expect(demo.locator('[data-top5]')).toContainText(/^Before character 4: (\S+ [\d.]+% · ){4}\S+ [\d.]+%$/);
    await expect(demo.locator('[data-argmax]')).toContainText('The gradient ');
    await expect(demo.locator('[data-passage] span')).toHaveCount(320);
    // Worker: 5 parameters, h and c, Adam's two moments of each parameter; nothing on the page.
    expect(await idleTensorCount(demo)).toBe(17);
  });

  test('bad input gets a clear message and the demo keeps working', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}#${SMALL}&${ID}.steps=3&${ID}.corpus=text`, ID);
    const message = demo.locator('[data-message]');
    await expect(message).toContainText('The text is empty: paste or open some text', { timeout: 60_000 });
    await demo.locator('summary').click();
    await demo.locator('[data-text]').fill('a'.repeat(3000));
    await demo.locator('[data-use-text]').click();
    await expect(message).toHaveText('The text is one character repeated ("a"): the next character is always the same, so there is nothing for a model to learn. Use real text.');
    await demo.locator('[data-text]').fill('The quick brown fox jumps over the lazy dog. '.repeat(60));
    await demo.locator('[data-use-text]').click();
    await expect(demo.locator('[data-summary]')).toContainText(/LSTM 1 × 32 on your text: step \d of 3\./, { timeout: 60_000 });
    const hidden = demo.getByLabel('Hidden size H');
    await hidden.fill('100000');
    await hidden.press('Enter');
    await expect(message).toHaveText('Hidden size H: 100000 is outside 8 to 256; using 256.');
    await expect(demo.locator('[data-summary]')).toContainText('LSTM 1 × 256 on your text', { timeout: 60_000 });
    // A learning rate that is not a number (a number field empties itself: the kit reads "").
    await demo.locator('[data-setting="lr"]').evaluate((input: HTMLInputElement) => {
      input.value = 'NaN';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect(message).toHaveText('Learning rate α (Adam): "" is not a number; kept 0.01.');
    await expect(demo.getByLabel('Learning rate α (Adam)')).toHaveValue('0.01');
  });
});
