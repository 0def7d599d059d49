/**
 * What the char-RNN shows besides its curves, refreshed every few seconds of training and when a
 * sampling setting changes: a sample at the reader's temperature (primed with their text) and the
 * argmax continuation of the same prime, and one unit's activation over a held-out passage.
 */
import { decodeIds, encodeText } from '../../engines/char-rnn/vocab.ts';
import type { RunCorpus } from './corpus.ts';
import type { CharRnnSettings } from './spec.ts';
import type { CharRnnTraining } from './training.ts';
import type { createCharRnnViews } from './views.ts';

export function createReadouts(training: CharRnnTraining, views: ReturnType<typeof createCharRnnViews>, corpus: RunCorpus, root: HTMLElement, say: (message: string) => void, started: number) {
  let passageIds = corpus.valid.subarray(0, 0);
  let passage = '';
  let activations: { h: Float32Array; c?: Float32Array } | undefined;
  let sampleCount = 0;
  const readouts = {
    /** Held-out bits, a new sample and the activations: after a round of training. */
    async refresh(s: CharRnnSettings): Promise<void> {
      await training.evaluate(s.heldOut);
      await readouts.sample(s);
      // The first sample's latency from the start of the run (read by the benchmark).
      root.dataset['firstSampleMs'] ??= String(Math.round(performance.now() - started));
      await readouts.activations(s, true);
      views.drawHistory(training.history);
    },
    async sample(s: CharRnnSettings): Promise<void> {
      const encoded = encodeText(s.prime, corpus.vocab);
      const fallback = corpus.vocab.index.get('\n') ?? 0;
      const prime = encoded.ids.length > 0 ? encoded.ids : Int32Array.of(fallback);
      if (encoded.skipped > 0) say(`${encoded.skipped} character${encoded.skipped === 1 ? '' : 's'} of the start text ${encoded.skipped === 1 ? 'is' : 'are'} not in the model's vocabulary and ${encoded.skipped === 1 ? 'was' : 'were'} left out.`);
      sampleCount += 1;
      const seed = s.seed * 1000 + sampleCount;
      const drawn = (await training.request({ kind: 'sample', prime, length: s.sampleLength, temperature: s.temperature, seed })).sample!;
      const argmax = (await training.request({ kind: 'sample', prime, length: Math.min(120, s.sampleLength), temperature: 0, seed })).sample!;
      views.drawSample(decodeIds(prime, corpus.vocab), drawn, decodeIds(argmax.ids, corpus.vocab));
    },
    async activations(s: CharRnnSettings, reread: boolean): Promise<void> {
      if (reread || !activations || passageIds.length !== Math.min(s.passage, corpus.valid.length)) {
        passageIds = corpus.valid.subarray(0, s.passage);
        passage = decodeIds(passageIds, corpus.vocab);
        activations = (await training.request({ kind: 'activations', ids: passageIds })).activations!;
      }
      const H = Math.round(activations.h.length / passageIds.length);
      const unit = Math.min(s.unit, H - 1);
      if (unit !== s.unit) say(`Unit ${s.unit} does not exist: this model has units 0 to ${H - 1}; showing unit ${unit}.`);
      const source = s.state === 'c' && activations.c ? activations.c : activations.h;
      const values = Float32Array.from({ length: passageIds.length }, (_, k) => source[k * H + unit]!);
      views.drawActivations(passage, values, unit, s.state === 'c' && activations.c ? 'c' : 'h');
    },
  };
  return readouts;
}
