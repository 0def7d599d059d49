/**
 * The char-RNN demo's own controls: the reader's text (typed, pasted or opened from a file), and
 * saving or opening trained weights. What they produce outlives a run (the element keeps it), so
 * a new run (Reset, or settings that restart) starts from it.
 */
import { ModelFileError } from '../../data/model-format.ts';
import { decodeFileText, MAX_READER_CHARS, readerTextProblem } from '../../engines/char-rnn/reader-text.ts';
import { downloadBlob } from '../export.ts';
import type { DemoContext } from '../types.ts';
import { openModel, type OpenedModel } from './model-file.ts';
import type { CHAR_RNN_SPEC, CharRnnSettings } from './spec.ts';

/** Kept by the element across runs. */
export interface CharRnnKept {
  text: string;
  model?: OpenedModel | undefined;
}

export interface ControlsOptions {
  context: DemoContext<typeof CHAR_RNN_SPEC>;
  kept: CharRnnKept;
  settings: () => CharRnnSettings;
  /** The current model as a file (undefined while there is none). */
  save: () => Promise<{ name: string; text: string } | undefined>;
}

export function wireControls({ context, kept, settings, save }: ControlsOptions): () => void {
  const area = context.part<HTMLTextAreaElement>('[data-text]');
  const textFile = context.part<HTMLInputElement>('[data-text-file]');
  const useText = context.part<HTMLButtonElement>('[data-use-text]');
  const saveButton = context.part<HTMLButtonElement>('[data-save-weights]');
  const weightsFile = context.part<HTMLInputElement>('[data-open-weights]');
  const restartWith = (changes: Partial<CharRnnSettings>) => {
    const s = settings();
    const differs = Object.entries(changes).some(([k, v]) => s[k as keyof CharRnnSettings] !== v);
    // Same settings: a new run from what is kept now, as the Reset button starts one.
    if (differs) context.setSettings(changes);
    else context.root.querySelector<HTMLButtonElement>('button[data-action="reset"]')?.click();
  };
  const onUse = () => {
    const problem = readerTextProblem(area.value);
    if (problem) return context.say(problem);
    kept.text = area.value;
    restartWith({ corpus: 'text' });
  };
  const onTextFile = async () => {
    const file = textFile.files?.[0];
    textFile.value = '';
    if (!file) return;
    // UTF-8 takes up to 4 bytes a character: a file this large cannot be within the limit.
    if (file.size > 4 * MAX_READER_CHARS) return context.say(`“${file.name}” is ${(file.size / 1e6).toFixed(1)} MB: at most ${MAX_READER_CHARS.toLocaleString('en-US')} characters can be used. Open a shorter excerpt.`);
    const text = decodeFileText(new Uint8Array(await file.arrayBuffer()));
    const problem = readerTextProblem(text);
    if (problem) return context.say(`“${file.name}”: ${problem}`);
    area.value = text;
    onUse();
  };
  const onSave = async () => {
    const file = await save();
    if (file) downloadBlob(file.name, new Blob([file.text], { type: 'application/json' }));
  };
  const onOpenWeights = async () => {
    const file = weightsFile.files?.[0];
    weightsFile.value = '';
    if (!file) return;
    try {
      kept.model = openModel(await file.text());
    } catch (error) {
      return context.say(error instanceof ModelFileError ? `“${file.name}”: ${error.message}` : `“${file.name}” could not be read.`);
    }
    const { cell, layers, hidden } = kept.model.shape;
    restartWith({ cell, layers, hidden });
  };
  const onInput = () => {
    kept.text = area.value;
  };
  area.value = kept.text;
  area.addEventListener('input', onInput);
  textFile.addEventListener('change', onTextFile);
  useText.addEventListener('click', onUse);
  saveButton.addEventListener('click', onSave);
  weightsFile.addEventListener('change', onOpenWeights);
  const controls = [area, textFile, useText, saveButton, weightsFile];
  for (const control of controls) control.disabled = false;
  return () => {
    area.removeEventListener('input', onInput);
    textFile.removeEventListener('change', onTextFile);
    useText.removeEventListener('click', onUse);
    saveButton.removeEventListener('click', onSave);
    weightsFile.removeEventListener('change', onOpenWeights);
    for (const control of controls) control.disabled = true;
  };
}
