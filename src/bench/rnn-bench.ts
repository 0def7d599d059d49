/**
 * The char-RNN's training in the browser, driven by scripts/bench-rnn.mjs on a page that exists
 * only in benchmark builds (BENCH=1): the demo's engine and corpus, trained on this page's thread
 * for a budget of training time, the whole held-out part measured every `every` seconds (the
 * measuring is not counted as training time). Reports bits per character against time,
 * throughput and the first sample's latency.
 */
import { CHAR_RNN_SPEC, type CharRnnSettings } from '../demos/char-rnn/spec.ts';
import { coerceSetting, defaultSettings, type Settings } from '../demos/settings.ts';
import { loadNotesCorpus } from '../data/corpus-loader.ts';
import { initialParams } from '../engines/char-rnn/cells.ts';
import { bitsPerChar } from '../engines/char-rnn/sampling.ts';
import { createCharRnnTrainer } from '../engines/char-rnn/trainer.ts';
import { buildVocab, encodeText } from '../engines/char-rnn/vocab.ts';
import { loadTfOn } from '../tf/load-backend.ts';

export interface RnnBenchOptions {
  backend: string;
  /** The demo's settings: its defaults, with the query's values for the keys it names. */
  settings: CharRnnSettings;
  /** Training time in seconds (training also stops at the settings' training steps, as in the demo). */
  budget: number;
  /** Seconds of training between held-out measurements. */
  every: number;
  goal: number;
  log: (line: string) => void;
}

export async function runRnnBench(base: string, o: RnnBenchOptions): Promise<Record<string, unknown>> {
  const s = o.settings;
  const tf = await loadTfOn(o.backend);
  const started = performance.now();
  const corpus = await loadNotesCorpus(base);
  const vocab = buildVocab(corpus.train + corpus.valid);
  const train = encodeText(corpus.train, vocab).ids;
  const valid = encodeText(corpus.valid, vocab).ids;
  const shape = { cell: s.cell, layers: s.layers, hidden: s.hidden, vocab: vocab.chars.length };
  const hyper = { learningRate: s.lr, clip: s.clip, decay: s.decay, totalSteps: s.steps };
  const trainer = createCharRnnTrainer({ tf, shape, train, batch: s.batch, steps: s.seqLength, initial: initialParams(shape, { seed: s.seed }), hyper: () => hyper });
  const prime = encodeText(s.prime, vocab).ids;
  await trainer.sample(prime, s.sampleLength, s.temperature, s.seed);
  const firstSampleMs = performance.now() - started;
  const curve: { seconds: number; step: number; bits: number }[] = [];
  const measure = async (seconds: number) => {
    const bits = bitsPerChar(await trainer.evaluate(valid, valid.length));
    curve.push({ seconds: Math.round(seconds * 10) / 10, step: trainer.steps, bits: Math.round(bits * 1000) / 1000 });
    o.log(`${seconds.toFixed(1)} s  step ${trainer.steps}  held-out ${bits.toFixed(3)} bits/char  training ${bitsPerChar(trainer.records.at(-1)?.loss ?? NaN).toFixed(3)}  next rate ${trainer.rate().toPrecision(3)}`);
  };
  let trainingMs = 0;
  await measure(0);
  while (trainingMs < o.budget * 1000 && trainer.steps < s.steps) {
    const untilMeasure = Math.min(o.every * 1000, o.budget * 1000 - trainingMs);
    const t0 = performance.now();
    while (performance.now() - t0 < untilMeasure && trainer.steps < s.steps) await trainer.train(Math.min(5, s.steps - trainer.steps));
    trainingMs += performance.now() - t0;
    await measure(trainingMs / 1000);
  }
  const reached = curve.find((c) => c.bits <= o.goal);
  const sample = await trainer.sample(prime, 200, s.temperature, s.seed);
  const result = {
    backend: o.backend, model: `${s.cell} ${s.layers}×${s.hidden}`, batch: s.batch, bpttLength: s.seqLength, learningRate: s.lr, decay: s.decay, trainingSteps: s.steps, clip: s.clip,
    vocabulary: vocab.chars.length, heldOutChars: valid.length,
    charsPerSecond: Math.round((trainer.steps * s.batch * s.seqLength) / (trainingMs / 1000)),
    msPerStep: Math.round((trainingMs / trainer.steps) * 10) / 10,
    firstSampleMs: Math.round(firstSampleMs),
    goal: o.goal, goalSeconds: o.budget, bitsAtGoalTime: curve.at(-1)!.bits, stepsAtGoalTime: curve.at(-1)!.step,
    reached: reached ?? null, goalMet: reached !== undefined,
    curve,
    sample: `${s.prime}${sample.ids.map((i) => vocab.chars[i]).join('')}`,
  };
  trainer.dispose();
  return { ...result, tensorsLeft: tf.memory().numTensors };
}

/** Bench-only keys (backend, budget, every, goal); every other key must be one of the demo's settings. */
export function rnnBenchOptions(query: URLSearchParams, log: (line: string) => void): RnnBenchOptions {
  const settings: Settings = { ...defaultSettings(CHAR_RNN_SPEC) };
  const own = ['backend', 'budget', 'every', 'goal'];
  for (const [key, raw] of query) {
    if (own.includes(key)) continue;
    const spec = CHAR_RNN_SPEC[key as keyof typeof CHAR_RNN_SPEC];
    if (!spec) throw new Error(`${key} is not a setting of the char-RNN demo`);
    const { value, problem } = coerceSetting(spec, raw, settings[key]!);
    if (problem) throw new Error(problem);
    settings[key] = value;
  }
  const n = (key: string, fallback: number) => (query.has(key) ? Number(query.get(key)) : fallback);
  return {
    backend: query.get('backend') ?? 'wasm',
    // Each value passed coerceSetting against its own setting, as the demo's URL hash does.
    settings: settings as CharRnnSettings,
    budget: n('budget', 180),
    every: n('every', 20),
    goal: n('goal', 2.2),
    log,
  };
}
