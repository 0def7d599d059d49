/**
 * GPU work has back-pressure: a demo queues at most about a frame of work at a time and stops
 * when its run ends. Headless Chromium shares one GPU process between pages, so work a closed
 * page left queued would stall every page opened after it (the 51×51 loss landscape once kept
 * SwiftShader busy for six minutes). Here the heaviest demos start, their page closes mid-work,
 * and a demo opened right after in the same browser must reach `running` within 10 s.
 */
import type { BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const HEAVY = [
  { name: 'loss landscape at 51×51', path: 'notes/lecture-03-loss-functions-and-optimization/', id: 'loss-landscape', hash: '#loss-landscape.resolution=51&loss-landscape.steps=2000' },
  { name: 't-SNE of 10,000 digits', path: 'notes/lecture-02-image-classification/', id: 'tsne', hash: '#tsne.n=10000' },
  { name: 'linear classifier sweep', path: 'notes/lecture-02-image-classification/', id: 'linear-classifier', hash: '#linear-classifier.mode=sweep&linear-classifier.cellSteps=2000' },
  { name: 'ConvNet trained from scratch', path: 'notes/lecture-05-convolutional-neural-networks/', id: 'cnn-viewer', hash: '#cnn-viewer.weights=scratch' },
  { name: 'residual race at depth 32', path: 'notes/lecture-09-cnn-architectures/', id: 'residual-race', hash: '#residual-race.depth=32' },
  { name: 'grid detector in training', path: 'notes/lecture-11-detection-and-segmentation/', id: 'detector', hash: '#detector.steps=3000' },
  { name: 'char-RNN (LSTM 1×128) in training', path: 'notes/lecture-10-recurrent-neural-networks/', id: 'char-rnn', hash: '#char-rnn.steps=3000' },
] as const;
const NEXT_PAGE = 'notes/lecture-07-training-neural-networks-2/';

/**
 * Opens the heavy demo in its own page and closes that page once its work is under way. Pages
 * of the test's context are watched for console errors by the shared fixture.
 */
async function startAndClose(context: BrowserContext, url: string, id: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(url);
  const demo = page.locator(`[data-demo="${id}"]`);
  await demo.scrollIntoViewIfNeeded();
  // Work is under way once the run is being built (t-SNE's affinities) or an advance is in flight.
  await expect(demo).toHaveAttribute('data-status', /running|loading/, { timeout: 30_000 });
  await expect(demo).toHaveAttribute('data-busy', '', { timeout: 60_000 });
  await page.close();
}

// @serial: a wall-clock limit, so `npm test` runs these alone, not beside another worker's demos.
for (const backend of ['webgpu', 'webgl'] as const) {
  for (const heavy of HEAVY) {
    test(`on ${backend}: after closing the ${heavy.name}, the next demo starts within 10 s`, { tag: '@serial' }, async ({ context }) => {
      test.setTimeout(120_000);
      await startAndClose(context, `${heavy.path}?backend=${backend}${heavy.hash}`, heavy.id);
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`${NEXT_PAGE}?backend=${backend}`);
      const demo = page.locator('[data-demo="optimizer-race"]');
      await demo.scrollIntoViewIfNeeded({ timeout: 10_000 });
      await expect(demo).toHaveAttribute('data-status', 'running', { timeout: 10_000 });
      expect(Date.now() - started, 'milliseconds from opening the page to a running demo').toBeLessThan(10_000);
      await expect(demo).toHaveAttribute('data-backend', backend);
      await page.close();
    });
  }
}
