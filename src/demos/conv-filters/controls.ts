/**
 * The filters demo's own buttons: open an image from the disk, clear the drawing, copy the
 * current kernel into the reader's editor. Enabled while a run lives, disabled when it ends.
 */
import { toEditorValues } from '../../engines/conv-filters/kernels.ts';
import type { DemoContext } from '../types.ts';
import type { DrawingPad } from './drawing-pad.ts';
import { kernelSetFor } from './kernel-choice.ts';
import { openImageFile } from './open-image.ts';
import type { KeptInput } from './source.ts';
import { CUSTOM_KEYS, type CONV_FILTERS_SPEC, type ConvFiltersSettings, type CustomKey } from './spec.ts';
import { describeUncopyable } from './summary.ts';

export interface ControlsOptions {
  context: DemoContext<typeof CONV_FILTERS_SPEC>;
  kept: KeptInput;
  pad: DrawingPad;
  settings: () => ConvFiltersSettings;
  /** Recomputes with the current source (the file was opened while it was already the source). */
  recompute: () => Promise<void>;
}

/** Wires the buttons; returns what unwires them. */
export function wireControls({ context, kept, pad, settings, recompute }: ControlsOptions): () => void {
  const fileInput = context.part<HTMLInputElement>('[data-file]');
  const clearButton = context.part<HTMLButtonElement>('[data-clear]');
  const copyButton = context.part<HTMLButtonElement>('[data-copy-kernel]');
  const onFile = async () => {
    const file = fileInput.files?.[0];
    fileInput.value = ''; // the same file can be opened again
    if (!file) return;
    context.say(`Opening “${file.name}”…`);
    const opened = await openImageFile(file);
    if (context.signal.aborted) return;
    if (!opened.ok) return context.say(opened.message);
    kept.file = { image: opened.image, name: opened.name };
    if (settings().source !== 'file') context.setSettings({ source: 'file' });
    else await recompute();
    context.say(opened.note);
  };
  const onClear = () => {
    pad.clear();
    kept.drawing = pad.snapshot();
  };
  const onCopy = () => {
    const first = kernelSetFor(settings()).kernels[0];
    const values = first && toEditorValues(first);
    if (!first || !values) return context.say(describeUncopyable(first));
    const weights: Partial<Record<CustomKey, number>> = {};
    CUSTOM_KEYS.forEach((key, n) => (weights[key] = values[n]!));
    context.setSettings({ kernel: 'custom', customSize: first.size === 5 ? '5' : '3', ...weights });
    context.say(`Your kernel now holds ${first.label}: edit any weight.`);
  };
  const controls = [fileInput, clearButton, copyButton];
  fileInput.addEventListener('change', onFile);
  clearButton.addEventListener('click', onClear);
  copyButton.addEventListener('click', onCopy);
  for (const control of controls) control.disabled = false;
  return () => {
    fileInput.removeEventListener('change', onFile);
    clearButton.removeEventListener('click', onClear);
    copyButton.removeEventListener('click', onCopy);
    for (const control of controls) control.disabled = true;
  };
}
