/**
 * One run of the char-RNN demo: the corpus (the notes or the reader's text), the model trained by
 * truncated BPTT in a Web Worker where the backend allows, its training and held-out bits per
 * character, samples with their top-5 next characters, a unit's activations over a passage.
 */
import { bitsPerChar } from '../../engines/char-rnn/sampling.ts';
import { toCsv } from '../export.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { corpusProblem, divergedMessage, idleAdvance, idleRun } from './checks.ts';
import { wireControls, type CharRnnKept } from './controls.ts';
import { prepareCorpus, type RunCorpus } from './corpus.ts';
import { saveModel } from './model-file.ts';
import { createReadouts } from './readouts.ts';
import type { CHAR_RNN_SPEC } from './spec.ts';
import { describeCharRnn, historyRows, modelName, rateAt, recentMean } from './summary.ts';
import { startCharRnnTraining, type CharRnnTraining } from './training.ts';
import { createCharRnnViews } from './views.ts';

type Spec = typeof CHAR_RNN_SPEC;
const REFRESH_MS = 4000;

export async function createCharRnnRun(context: DemoContext<Spec>, kept: CharRnnKept): Promise<DemoRun<Spec>> {
  let settings = context.settings;
  const started = performance.now();
  const { cell, layers, hidden } = settings;
  const same = kept.model && kept.model.shape.cell === cell && kept.model.shape.layers === layers && kept.model.shape.hidden === hidden;
  const opened = same ? kept.model : undefined;
  let training: CharRnnTraining | undefined;
  let corpus: RunCorpus | undefined;
  const unwire = wireControls({ context, kept, settings: () => settings, save: async () => {
    if (!training || !corpus) return undefined;
    const weights = (await training.request({ kind: 'weights' })).weights!;
    const text = saveModel({ cell, layers, hidden, vocab: corpus.vocab.chars.length }, corpus.vocab.chars, weights, { steps: training.step, seed: settings.seed, backend: context.backend });
    return { name: `char-rnn-${cell}-${layers}x${hidden}-step${training.step}.json`, text };
  } });
  const prepared = await prepareCorpus(settings.corpus, context.base, kept.text, opened?.chars);
  const problem = 'problem' in prepared ? prepared.problem : corpusProblem(prepared, settings);
  if (problem !== undefined || 'problem' in prepared) return idleRun(context, problem ?? '', unwire);
  corpus = prepared;
  training = await startCharRnnTraining(context, { shape: { cell, layers, hidden, vocab: prepared.vocab.chars.length }, train: prepared.train, valid: prepared.valid, batch: settings.batch, steps: settings.seqLength, seed: settings.seed, weights: opened?.values });
  const trained = training;
  const views = createCharRnnViews(context, prepared.vocab.chars);
  const readouts = createReadouts(trained, views, prepared, context.root, context.say, started);
  const note = [opened ? 'Started from the opened weights.' : '', prepared.note].filter(Boolean).join(' ');
  if (note) context.say(note);
  let lastRefresh = performance.now();
  return {
    async advance(_steps, source) {
      if (trained.step >= settings.steps) return false;
      // The untrained model's held-out score first: the curve starts at about log2 V.
      if (trained.history.valid.length === 0) await trained.evaluate(settings.heldOut);
      const finite = await trained.train({ learningRate: settings.lr, clip: settings.clip, decay: settings.decay, totalSteps: settings.steps }, settings.steps - trained.step, source === 'step' ? 1 : undefined);
      if (!finite) return idleAdvance(context, divergedMessage(trained.step, settings));
      views.drawHistory(trained.history);
      if (source === 'step' || trained.history.valid.length === 1 || performance.now() - lastRefresh > REFRESH_MS || trained.step >= settings.steps) {
        await readouts.refresh(settings);
        lastRefresh = performance.now();
      }
      return trained.step < settings.steps;
    },
    applySettings(next) {
      const resample = next.temperature !== settings.temperature || next.prime !== settings.prime || next.sampleLength !== settings.sampleLength;
      const recolour = next.unit !== settings.unit || next.state !== settings.state || next.passage !== settings.passage;
      settings = next;
      if (resample) context.track(readouts.sample(settings));
      if (recolour) context.track(readouts.activations(settings, false));
    },
    summary: () => describeCharRnn({ step: trained.step, steps: settings.steps, model: modelName(cell, layers, hidden), train: recentMean(trained.history.train), valid: trained.history.valid.at(-1), charsPerSecond: trained.history.charsPerSecond, rate: rateAt(settings, trained.step), source: prepared.source }),
    exportData: () => ({
      csv: toCsv(['step', 'train_bits_per_char', 'heldout_bits_per_char'], historyRows(trained.history.train, trained.history.valid)),
      json: { model: modelName(cell, layers, hidden), vocabulary: prepared.vocab.chars.join(''), uniformBits: bitsPerChar(Math.log(prepared.vocab.chars.length)), history: trained.history },
    }),
    figure: () => views.svg,
    offThreadTensors: () => trained.offThreadTensors(),
    dispose() {
      unwire();
      trained.dispose();
    },
  };
}
