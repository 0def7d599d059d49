/**
 * One "time it here": the timing engine in a Web Worker where the backend runs there (the page
 * stays responsive while VGG-16 runs for seconds), else on the page's thread stage by stage. The
 * worker, and the weights with it, go away as soon as the reply is in.
 */
import type { TimingInit, TimingReply } from '../../engines/architectures/timing-engine.ts';
import { startEngine } from '../../tf/engine-thread.ts';
import { demoEngine } from '../demo-worker.ts';
import type { DemoContext } from '../types.ts';
import type { ARCHITECTURE_EXPLORER_SPEC } from './spec.ts';

export async function timeForwardPass(context: DemoContext<typeof ARCHITECTURE_EXPLORER_SPEC>, init: TimingInit): Promise<TimingReply & { where: 'worker' | 'main' }> {
  const engine = await startEngine<TimingInit, Record<string, never>, TimingReply>({
    tf: context.tf, backend: context.backend, signal: context.signal, init,
    ...demoEngine('architecture-timing', 'Forward-pass timing'),
  });
  try {
    return { ...(await engine.request({})), where: engine.where };
  } finally {
    engine.dispose();
  }
}
