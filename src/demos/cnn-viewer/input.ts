/**
 * The viewer's input: a held-out test digit (picked by number, also from the keyboard) or the
 * reader's drawing, preprocessed like MNIST. Wires the drawing pad and the input buttons; calls
 * `onChange` whenever the input changes (coalescing is the caller's job).
 * Lifecycle: created by a run, dispose() removes its listeners and disables the controls.
 */
import { preprocessDrawing } from '../../engines/cnn/preprocess.ts';
import { createDrawingPad, type DrawingPad } from '../../views/cnn/drawing-pad.ts';

export interface ViewerInput {
  /** 28 × 28 pixels in [0, 1]; undefined when the pad is blank. */
  readonly pixels: Float32Array | undefined;
  /** What the input is, for titles: "Test digit 17 (label 7)" or "Your drawing". */
  readonly description: string;
  /** The true label of a test digit. */
  readonly label: number | undefined;
  showTestDigit(number: number, pixels: Float32Array, label: number): void;
  dispose(): void;
}

export function createViewerInput(root: HTMLElement, handlers: { onChange: () => void; onPick: (delta: number) => void }): ViewerInput {
  const canvas = root.querySelector<HTMLCanvasElement>('canvas[data-cnn-pad]');
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-cnn-input]')];
  if (!canvas) throw new Error('the CNN viewer shell has no drawing pad');
  let pixels: Float32Array | undefined;
  let description = '';
  let label: number | undefined;
  const fromPad = (pad: DrawingPad) => {
    const result = preprocessDrawing(pad.ink(), pad.width, pad.height);
    pixels = result.hasInk ? result.pixels : undefined;
    description = 'Your drawing, as the network sees it';
    label = undefined;
    handlers.onChange();
  };
  const pad: DrawingPad = createDrawingPad(canvas, {
    lineWidth: 20,
    // Strokes add to what is on the pad: a test digit can be changed by drawing over it.
    onStroke: () => fromPad(pad),
  });
  const signal = new AbortController();
  for (const button of buttons) {
    button.disabled = false;
    button.addEventListener('click', () => {
      const action = button.dataset['cnnInput'];
      if (action === 'clear') {
        pad.clear();
        fromPad(pad);
      } else {
        handlers.onPick(action === 'previous' ? -1 : 1);
      }
    }, { signal: signal.signal });
  }
  pad.setEnabled(true);

  return {
    get pixels() {
      return pixels;
    },
    get description() {
      return description;
    },
    get label() {
      return label;
    },
    showTestDigit(number, digit, digitLabel) {
      pad.showDigit(digit);
      pixels = digit;
      label = digitLabel;
      description = `Test digit ${number} (label ${digitLabel})`;
      handlers.onChange();
    },
    dispose() {
      signal.abort();
      pad.setEnabled(false);
      pad.dispose();
      for (const button of buttons) button.disabled = true;
    },
  };
}
