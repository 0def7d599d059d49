/**
 * One run of the filters-on-images demo: it takes the chosen image (an MNIST digit, the reader's
 * drawing, or a file they opened), applies the chosen kernels with tf.conv2d on the page's
 * backend, and draws the responses. Nothing animates: every change (a setting, a stroke, a file)
 * recomputes, one computation at a time, the latest request winning. The opened file and the
 * drawing are kept by the element (`kept`), so a rebuilt run (a backend change) still has them.
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { applyKernels } from '../../engines/conv-filters/apply-kernels.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createFilterFigure } from '../../views/conv-filters/filter-figure.ts';
import { latestOnly } from '../latest-only.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { wireControls } from './controls.ts';
import { createDrawingPad } from './drawing-pad.ts';
import { exportFilters } from './filters-export.ts';
import { kernelSetFor, kernelSetName } from './kernel-choice.ts';
import { chooseSource, fileStatusText, type KeptInput } from './source.ts';
import type { CONV_FILTERS_SPEC } from './spec.ts';
import { describeResponses, type Applied } from './summary.ts';

type Spec = typeof CONV_FILTERS_SPEC;

/** On main-thread backends a 512 px image through 8 Gabor filters is ~10⁹ multiply-adds: bands. */
const MULTIPLY_ADDS_PER_TASK = { cpu: 2e6, wasm: 30e6, webgl: Number.POSITIVE_INFINITY, webgpu: Number.POSITIVE_INFINITY };

export async function createConvFiltersRun(context: DemoContext<Spec>, kept: KeptInput): Promise<DemoRun<Spec>> {
  const { signal, backend } = context;
  const figureBox = context.part('[data-figure]');
  const fileStatus = context.part('[data-file-status]');
  const summaryBox = context.part('[data-summary]');

  context.say('Loading MNIST digits…');
  const mnist = await loadMnist(context.base, (loaded) => context.say(`Loading MNIST digits… ${(loaded / 1e6).toFixed(1)} MB`));
  context.say('');

  let settings = context.settings;
  let applied: Applied | undefined;
  let frame = 0;
  figureBox.replaceChildren();
  const figure = createFilterFigure(figureBox, { width: fitWidth(figureBox, 300, 720) });
  const pad = createDrawingPad(context.part('[data-drawing]'), () => {
    kept.drawing = pad.snapshot();
    if (settings.source === 'drawing') schedule();
  });
  if (kept.drawing) pad.restore(kept.drawing);
  const summary = () => describeResponses(kernelSetName(settings), applied, backend);

  const compute = latestOnly(async () => {
    const source = chooseSource(settings, { mnist, drawing: () => pad.image(), file: kept.file });
    // The drawing leaves the file line as it was.
    if (settings.source !== 'drawing') fileStatus.textContent = fileStatusText(settings.source, kept.file);
    const set = kernelSetFor(settings);
    const started = performance.now();
    const result = await applyKernels(context.tf, source.image, set.kernels, { combine: set.combine, relu: settings.relu, multiplyAddsPerTask: MULTIPLY_ADDS_PER_TASK[backend], signal });
    if (signal.aborted) return;
    applied = { source, result, ms: performance.now() - started };
    figure.render({ source: source.image, sourceLabel: source.label, kernels: set.kernels, maps: result.maps, labels: result.labels });
    summaryBox.textContent = summary();
  }, { signal, track: context.track });
  const fail = (error: unknown) => context.say(`Could not apply the kernels: ${(error as Error).message}`);
  const recompute = () => compute().catch(fail);
  function schedule(): void {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      void recompute();
    });
  }
  const unwire = wireControls({ context, kept, pad, settings: () => settings, recompute });

  await compute();

  return {
    advance: async () => false,
    applySettings(next) {
      settings = next;
      void recompute();
    },
    summary,
    exportData: () => exportFilters(kernelSetFor(settings), settings.relu, applied),
    figure: () => figure.svg,
    dispose() {
      if (frame) cancelAnimationFrame(frame);
      pad.dispose();
      unwire();
    },
  };
}
