/**
 * The sliders of sample A's first latent dimensions. A slider the reader moved is "edited": it
 * overrides that dimension of A's code until A changes or the reader resets them; the others
 * follow A's own code. The edits live on the sliders (not in the URL).
 */
export interface LatentSliders {
  /** A copy of `code` with the edited dimensions replaced by their sliders' values. */
  edit(code: Float32Array): Float32Array;
  /** Sets the unedited sliders to `code`, and every slider's readout. */
  show(code: Float32Array): void;
  anyEdited(): boolean;
  /** Back to A's own code (no recompute: the caller decides). */
  clearEdits(): void;
  dispose(): void;
}

/** `onChange`: a slider moved, or the reset button put them back. */
export function createLatentSliders(root: HTMLElement, reset: HTMLButtonElement, onChange: () => void): LatentSliders {
  const sliders = [...root.querySelectorAll<HTMLInputElement>('input[data-latent-dim]')];
  const edited = (slider: HTMLInputElement) => slider.dataset['edited'] === 'true';
  const clearEdits = () => {
    for (const slider of sliders) slider.dataset['edited'] = 'false';
  };
  const onSlider = (event: Event) => {
    if (event.target instanceof HTMLInputElement) event.target.dataset['edited'] = 'true';
    onChange();
  };
  const onReset = () => {
    clearEdits();
    onChange();
  };
  for (const slider of sliders) {
    slider.addEventListener('input', onSlider);
    slider.disabled = false;
  }
  reset.addEventListener('click', onReset);
  reset.disabled = false;
  return {
    edit(code) {
      const z = code.slice();
      sliders.forEach((slider, d) => {
        if (edited(slider)) z[d] = Number(slider.value);
      });
      return z;
    },
    show(code) {
      sliders.forEach((slider, d) => {
        if (!edited(slider)) slider.value = String(Math.round(code[d]! * 10) / 10);
        const output = root.querySelector(`output[data-for-dim="${d}"]`);
        if (output) output.textContent = Number(slider.value).toFixed(1);
      });
    },
    anyEdited: () => sliders.some(edited),
    clearEdits,
    dispose() {
      for (const slider of sliders) slider.removeEventListener('input', onSlider);
      reset.removeEventListener('click', onReset);
    },
  };
}
