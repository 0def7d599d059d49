/**
 * The semantic-gap demo's inputs besides the settings: the drawing pad (strokes become an
 * MNIST-like digit when a stroke ends), the Clear button and "Open an image…". What the reader
 * drew or opened is kept by the element, so a rebuilt run still has it.
 * Lifecycle: created by a run; dispose() removes its listeners and disables the controls.
 */
import { preprocessDrawing } from '../../engines/cnn/preprocess.ts';
import { createDrawingPad } from '../../views/cnn/drawing-pad.ts';
import { openImageFile } from '../conv-filters/open-image.ts';
import type { DemoContext } from '../types.ts';
import { digitFromImage, type KeptGapInput } from './source.ts';
import type { SEMANTIC_GAP_SPEC } from './spec.ts';

export interface GapInput {
  /** Shows the digit being measured on the pad (the reader may draw over it). */
  show(pixels: Float32Array): void;
  dispose(): void;
}

export function wireGapInput(context: DemoContext<typeof SEMANTIC_GAP_SPEC>, kept: KeptGapInput, source: () => string, recompute: () => void): GapInput {
  const canvas = context.part<HTMLCanvasElement>('canvas[data-gap-pad]');
  const clear = context.part<HTMLButtonElement>('[data-gap-clear]');
  const fileInput = context.part<HTMLInputElement>('[data-file]');
  const pad = createDrawingPad(canvas, {
    lineWidth: 20,
    onStroke: (phase) => {
      if (phase !== 'end') return;
      const digit = preprocessDrawing(pad.ink(), pad.width, pad.height);
      kept.drawing = digit.hasInk ? digit.pixels : undefined;
      if (source() === 'drawing') recompute();
      else context.setSettings({ source: 'drawing' });
    },
  });
  const onClear = () => {
    pad.clear();
    kept.drawing = undefined;
    if (source() === 'drawing') recompute();
  };
  const onFile = async () => {
    const file = fileInput.files?.[0];
    fileInput.value = ''; // the same file can be opened again
    if (!file) return;
    const opened = await openImageFile(file);
    if (context.signal.aborted) return;
    if (!opened.ok) return context.say(opened.message);
    const pixels = digitFromImage(opened.image);
    if (!pixels) return context.say(`“${file.name}” was opened, but it is one flat shade: there is no digit in it to compare.`);
    kept.file = { name: file.name, pixels };
    context.say(`${opened.note} Its ink was centred in 28×28 pixels as MNIST digits are.`);
    if (source() === 'file') recompute();
    else context.setSettings({ source: 'file' });
  };
  clear.addEventListener('click', onClear);
  fileInput.addEventListener('change', onFile);
  pad.setEnabled(true);
  if (kept.drawing) pad.showDigit(kept.drawing);
  for (const control of [clear, fileInput]) control.disabled = false;
  return {
    show: (pixels) => pad.showDigit(pixels),
    dispose() {
      clear.removeEventListener('click', onClear);
      fileInput.removeEventListener('change', onFile);
      pad.setEnabled(false);
      pad.dispose();
      for (const control of [clear, fileInput]) control.disabled = true;
    },
  };
}
