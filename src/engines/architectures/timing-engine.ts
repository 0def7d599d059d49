/**
 * "Time it here": one batch-1 forward pass of an architecture with random weights, on whatever
 * backend the engine runs on, as a Web Worker serves it (src/tf/worker-serve.ts) or the page's
 * thread runs it. The pass goes stage by stage (a top-level layer or block), reading one number of
 * each stage's output before the next: at most one stage is queued on a GPU, and an abort stops
 * the pass at the next stage. The first pass compiles kernels and allocates; the second is timed.
 * Weights live only for the request: a second timing builds them again (VGG-16's are 553 MB).
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import type { ServedEngine } from '../../tf/worker-serve.ts';
import { yieldToEventLoop } from '../yield.ts';
import { planTfNetwork, randomWeights, runStage } from './tf-network.ts';
import { architectureById, type ArchitectureId } from './zoo.ts';

export interface TimingInit {
  architecture: ArchitectureId;
  input: [number, number, number];
  seed: number;
}

export interface TimingReply {
  /** Wall time of the first pass (kernel compilation, allocation) and of the second. */
  coldMs: number;
  warmMs: number;
  /** Wall time of building the random weights. */
  buildMs: number;
  params: number;
  output: number[];
}

async function readOne(tf: Tf, y: Tensor): Promise<void> {
  const probe = tf.tidy(() => tf.slice(tf.reshape(y, [-1]), 0, 1));
  try {
    await probe.data();
  } finally {
    probe.dispose();
  }
}

export function createTimingEngine(tf: Tf, init: TimingInit, signal: AbortSignal): ServedEngine<Record<string, never>, TimingReply> {
  const plan = planTfNetwork(tf, architectureById(init.architecture), init.input);
  const pass = async (weights: Tensor[][], x: Tensor) => {
    const started = performance.now();
    let y = x;
    for (let i = 0; i < plan.stages.length; i++) {
      signal.throwIfAborted();
      const next = runStage(tf, plan, weights, i, y);
      if (y !== x) y.dispose();
      y = next;
      await readOne(tf, y);
      await yieldToEventLoop();
    }
    const ms = performance.now() - started;
    y.dispose();
    return ms;
  };
  return {
    async handle() {
      const built = performance.now();
      const weights = randomWeights(tf, plan, init.seed);
      const x = tf.randomUniform([1, ...init.input], 0, 1, 'float32', init.seed);
      try {
        await readOne(tf, weights.at(-1)![0]!);
        const buildMs = performance.now() - built;
        const coldMs = await pass(weights, x);
        const warmMs = await pass(weights, x);
        return { reply: { coldMs, warmMs, buildMs, params: plan.countParams(), output: plan.output }, transfer: [] };
      } finally {
        tf.dispose([x, ...weights.flat()]);
      }
    },
    dispose: () => undefined,
  };
}
