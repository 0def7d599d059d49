/** The sliding-window demo's views: the scene (drawable) with a class's score map and the boxes, the training loss, readouts. */
import type { ScoredBox } from '../../engines/detection/grid-targets.ts';
import type { SceneObject } from '../../engines/detection/scenes.ts';
import { attachSceneDrawing } from '../../views/detection/scene-drawing.ts';
import { createSceneBoxes, type DrawnBox, type SceneOverlay } from '../../views/detection/scene-boxes.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createLineChart } from '../../views/line-chart.ts';
import type { DemoContext } from '../types.ts';
import type { SLIDING_SPEC } from './spec.ts';

export interface SceneView {
  pixels: Float32Array;
  size: number;
  truth: readonly SceneObject[];
  overlay: SceneOverlay | undefined;
  boxes: readonly ScoredBox[];
}

export function createSlidingViews(context: DemoContext<typeof SLIDING_SPEC>, size: number, drawing: { start: () => Float32Array; onStroke: (pixels: Float32Array) => void; onClear: () => void }) {
  const figure = context.part('[data-figure]');
  const charts = context.part('[data-chart]');
  const texts = { training: context.part('[data-training]'), compare: context.part('[data-compare]'), boxes: context.part('[data-boxes]') };
  const clear = context.part<HTMLButtonElement>('button[data-clear]');
  for (const part of [figure, charts]) part.replaceChildren();
  const scene = createSceneBoxes(figure, { width: fitWidth(figure, 240, 360), label: 'A scene of digits: the score map of the chosen class over it, true boxes dashed, the detected boxes in colour. Draw on it with the pointer.' });
  const loss = createLineChart(charts, { width: fitWidth(charts, 240, 360), height: 150, xLabel: 'step', yLabel: 'loss', log: true, label: 'Training loss of the 11-class output layer' });
  let shown: SceneView | undefined;
  const picture = (view: SceneView) => {
    shown = view;
    const drawn: DrawnBox[] = [...view.truth.map((o) => ({ ...o, state: 'truth' as const })), ...view.boxes.map((b) => ({ ...b, state: 'kept' as const }))];
    scene.update(view.pixels, view.size, drawn, view.overlay);
  };
  const detach = attachSceneDrawing(scene.svg, {
    size,
    start: drawing.start,
    // While drawing, the ink shows at once; the score map waits for the stroke to end.
    onDraw: (pixels) => scene.update(pixels, size, [], undefined),
    onStroke: drawing.onStroke,
  });
  clear.disabled = false;
  clear.addEventListener('click', drawing.onClear, { signal: context.signal });
  context.signal.addEventListener('abort', detach);
  return {
    svg: scene.svg,
    picture,
    repaint: () => shown && picture(shown),
    text(which: keyof typeof texts, value: string) {
      texts[which].textContent = value;
    },
    losses: (values: readonly number[]) => loss.update([{ label: 'loss', color: 'var(--sl-color-accent)', values }]),
  };
}
