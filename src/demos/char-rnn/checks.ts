/**
 * What must hold before a char-RNN trains, in words for the reader, and the run shown when it
 * does not (the message stays, the controls keep working, Play has nothing to do).
 */
import type { DemoContext, DemoRun } from '../types.ts';
import type { RunCorpus } from './corpus.ts';
import type { CHAR_RNN_SPEC, CharRnnSettings } from './spec.ts';

export function corpusProblem(corpus: RunCorpus, s: Pick<CharRnnSettings, 'batch' | 'seqLength'>): string | undefined {
  if (corpus.vocab.chars.length < 2) return 'The text has a single distinct character: there is nothing to predict. Use real text.';
  const needTrain = s.batch * (s.seqLength + 1);
  if (corpus.train.length < needTrain) return `The training part has ${corpus.train.length.toLocaleString('en-US')} characters, fewer than B × (T + 1) = ${needTrain.toLocaleString('en-US')}: use a longer text, fewer streams B or a shorter BPTT length T.`;
  if (corpus.valid.length < s.seqLength + 2) return `The held-out part has ${corpus.valid.length} characters, fewer than T + 2 = ${s.seqLength + 2}: use a longer text or a shorter BPTT length T.`;
  return undefined;
}

export function idleRun(context: DemoContext<typeof CHAR_RNN_SPEC>, message: string, unwire: () => void): DemoRun<typeof CHAR_RNN_SPEC> {
  context.say(message);
  return {
    advance: async () => {
      context.say(message);
      return false;
    },
    summary: () => `Nothing to train: ${message}`,
    exportData: () => ({ csv: '', json: { problem: message } }),
    figure: () => undefined,
    dispose: unwire,
  };
}

export function divergedMessage(step: number, s: Pick<CharRnnSettings, 'lr' | 'clip'>): string {
  return `The loss became infinite or NaN at step ${step}: learning rate ${s.lr} is too large${s.clip === 0 ? ' without clipping' : ''}. Lower it (or clip the gradient) and press Reset.`;
}

/** Says `message` and ends the run's advancing. */
export function idleAdvance(context: DemoContext<typeof CHAR_RNN_SPEC>, message: string): false {
  context.say(message);
  return false;
}
