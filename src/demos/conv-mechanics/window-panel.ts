/**
 * The selected output cell: its highlight on the figure, the dot product in the panel under it,
 * the arrow keys on the figure, and the sentence a screen reader hears when the reader moves it.
 */
import { windowTerms, type MechanicsLayer } from '../../engines/conv/layer.ts';
import type { MechanicsFigure, OutputCell } from '../../views/conv-mechanics/mechanics-figure.ts';
import { renderWindowTerms } from '../../views/conv-mechanics/panels.ts';
import { cellCount, clampCell, moveCell, outputDims, outputOffset } from './cursor.ts';
import { describeOutput } from './summary.ts';

export interface WindowPanel {
  readonly cell: OutputCell | undefined;
  /** `byReader`: a click or a key (announced); the animation's moves are not. */
  show(cell: OutputCell | undefined, byReader: boolean): void;
  /** After the layer changed: the same cell where it still exists, the nearest one otherwise. */
  keep(): void;
  dispose(): void;
}

export interface WindowPanelOptions {
  figure: MechanicsFigure;
  /** Takes the arrow keys. */
  figureBox: HTMLElement;
  panel: HTMLElement;
  announce: HTMLElement;
  backendLabel: string;
  layer: () => MechanicsLayer;
  output: () => Float32Array | undefined;
  /** The reader moved the window with a key (the demo pauses). */
  onKey: () => void;
}

export function createWindowPanel(o: WindowPanelOptions): WindowPanel {
  let cell: OutputCell | undefined;
  const show = (next: OutputCell | undefined, byReader: boolean) => {
    cell = next;
    o.figure.select(cell);
    if (!cell) {
      o.panel.replaceChildren();
      o.panel.textContent = 'No output to select.';
      return;
    }
    const layer = o.layer();
    const terms = windowTerms(layer, cell.k, cell.i, cell.j);
    renderWindowTerms(o.panel, layer, cell, terms, o.output()?.[outputOffset(cell, outputDims(layer))], o.backendLabel);
    if (byReader) o.announce.textContent = describeOutput(cell, terms.value);
  };
  const onKey = (event: KeyboardEvent) => {
    if (!cell) return;
    const next = moveCell(cell, event.key, outputDims(o.layer()));
    if (!next) return;
    event.preventDefault();
    o.onKey();
    show(next, true);
  };
  o.figureBox.addEventListener('keydown', onKey);
  return {
    get cell() {
      return cell;
    },
    show,
    keep() {
      const d = outputDims(o.layer());
      show(cellCount(d) > 0 ? clampCell(cell ?? { k: 0, i: 0, j: 0 }, d) : undefined, false);
    },
    dispose: () => o.figureBox.removeEventListener('keydown', onKey),
  };
}
