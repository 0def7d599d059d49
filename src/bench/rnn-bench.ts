/**
 * The char-RNN's training in the browser, driven by scripts/bench-rnn.mjs on a page that exists
 * only in benchmark builds (BENCH=1): the demo's engine and corpus, trained on this page's thread
 * for a budget of training time, the whole held-out part measured every `every` seconds (the
 * measuring is not counted as training time). Reports bits per character against time,
 * throughput and the first sample's latency.
 */
import { loadNotesCorpus } from '../data/corpus-loader.ts';
import { initialParams, type CellKind } from '../engines/char-rnn/cells.ts';
import { bitsPerChar } from '../engines/char-rnn/sampling.ts';
import { createCharRnnTrainer } from '../engines/char-rnn/trainer.ts';
import { buildVocab, encodeText } from '../engines/char-rnn/vocab.ts';
import { loadTfOn } from '../tf/load-backend.ts';

export interface RnnBenchOptions {
  backend: string;
  seed: number;
  cell: CellKind;
  layers: number;
  hidden: number;
  batch: number;
  steps: number;
  learningRate: number;
  clip: number;
  /** Training time in seconds. */
  budget: number;
  /** Seconds of training between held-out measurements. */
  every: number;
  goal: number;
  log: (line: string) => void;
}

export async function runRnnBench(base: string, o: RnnBenchOptions): Promise<Record<string, unknown>> {
  const tf = await loadTfOn(o.backend);
  const started = performance.now();
  const corpus = await loadNotesCorpus(base);
  const vocab = buildVocab(corpus.train + corpus.valid);
  const train = encodeText(corpus.train, vocab).ids;
  const valid = encodeText(corpus.valid, vocab).ids;
  const shape = { cell: o.cell, layers: o.layers, hidden: o.hidden, vocab: vocab.chars.length };
  const trainer = createCharRnnTrainer({ tf, shape, train, batch: o.batch, steps: o.steps, initial: initialParams(shape, { seed: o.seed }), hyper: () => ({ learningRate: o.learningRate, clip: o.clip }) });
  const prime = encodeText('The gradient ', vocab).ids;
  await trainer.sample(prime, 240, 0.7, o.seed);
  const firstSampleMs = performance.now() - started;
  const curve: { seconds: number; step: number; bits: number }[] = [];
  const measure = async (seconds: number) => {
    const bits = bitsPerChar(await trainer.evaluate(valid, valid.length));
    curve.push({ seconds: Math.round(seconds * 10) / 10, step: trainer.steps, bits: Math.round(bits * 1000) / 1000 });
    o.log(`${seconds.toFixed(1)} s  step ${trainer.steps}  held-out ${bits.toFixed(3)} bits/char  training ${bitsPerChar(trainer.records.at(-1)?.loss ?? NaN).toFixed(3)}`);
  };
  let trainingMs = 0;
  await measure(0);
  while (trainingMs < o.budget * 1000) {
    const untilMeasure = Math.min(o.every * 1000, o.budget * 1000 - trainingMs);
    const t0 = performance.now();
    while (performance.now() - t0 < untilMeasure) await trainer.train(5);
    trainingMs += performance.now() - t0;
    await measure(trainingMs / 1000);
  }
  const reached = curve.find((c) => c.bits <= o.goal);
  const sample = await trainer.sample(prime, 200, 0.7, o.seed);
  const result = {
    backend: o.backend, model: `${o.cell} ${o.layers}×${o.hidden}`, batch: o.batch, bpttLength: o.steps, learningRate: o.learningRate,
    vocabulary: vocab.chars.length, heldOutChars: valid.length,
    charsPerSecond: Math.round((trainer.steps * o.batch * o.steps) / (trainingMs / 1000)),
    msPerStep: Math.round((trainingMs / trainer.steps) * 10) / 10,
    firstSampleMs: Math.round(firstSampleMs),
    goal: o.goal, goalSeconds: o.budget, bitsAtGoalTime: curve.at(-1)!.bits, stepsAtGoalTime: curve.at(-1)!.step,
    reached: reached ?? null, goalMet: reached !== undefined,
    curve,
    sample: `The gradient ${sample.ids.map((i) => vocab.chars[i]).join('')}`,
  };
  trainer.dispose();
  return { ...result, tensorsLeft: tf.memory().numTensors };
}

export function rnnBenchOptions(query: URLSearchParams, log: (line: string) => void): RnnBenchOptions {
  const n = (key: string, fallback: number) => (query.has(key) ? Number(query.get(key)) : fallback);
  const cell = query.get('cell');
  return {
    backend: query.get('backend') ?? 'wasm',
    seed: n('seed', 1),
    cell: cell === 'gru' || cell === 'rnn' ? cell : 'lstm',
    layers: n('layers', 1),
    hidden: n('hidden', 128),
    batch: n('batch', 64),
    steps: n('T', 25),
    learningRate: n('lr', 0.02),
    clip: n('clip', 5),
    budget: n('budget', 180),
    every: n('every', 20),
    goal: n('goal', 2.2),
    log,
  };
}
