/**
 * The text a run trains on: the notes (loaded once per page) or the reader's text (kept by the
 * element), checked, split into training and held-out parts, encoded with the vocabulary (the
 * text's own, or an opened model's).
 */
import { loadNotesCorpus } from '../../data/corpus-loader.ts';
import { frequentChars, readerTextProblem, splitReaderText } from '../../engines/char-rnn/reader-text.ts';
import { buildVocab, encodeText, vocabOf, type Vocab } from '../../engines/char-rnn/vocab.ts';

export interface RunCorpus {
  vocab: Vocab;
  train: Int32Array;
  valid: Int32Array;
  /** Where the text comes from, in words. */
  source: string;
  /** Something the reader should know (characters left out), or ''. */
  note: string;
}

export async function prepareCorpus(kind: 'notes' | 'text', base: string, readerText: string, modelChars: string[] | undefined): Promise<RunCorpus | { problem: string }> {
  let split: { train: string; valid: string };
  let source: string;
  if (kind === 'notes') {
    split = await loadNotesCorpus(base);
    source = 'the notes of this site';
  } else {
    const problem = readerTextProblem(readerText);
    if (problem) return { problem };
    split = splitReaderText(readerText);
    source = 'your text';
  }
  const vocab = modelChars ? vocabOf(modelChars) : buildVocab(frequentChars(split.train + split.valid).join(''));
  const train = encodeText(split.train, vocab);
  const valid = encodeText(split.valid, vocab);
  const skipped = train.skipped + valid.skipped;
  const note = skipped > 0 ? `${skipped.toLocaleString('en-US')} characters outside the model's ${vocab.chars.length}-character vocabulary are left out.` : '';
  return { vocab, train: train.ids, valid: valid.ids, source, note };
}
