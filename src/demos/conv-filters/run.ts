/**
 * One run of the filters-on-images demo: it takes the chosen image (an MNIST digit, the reader's
 * drawing, or a file they opened), applies the chosen kernels with tf.conv2d on the page's
 * backend, and draws the responses. Nothing animates: every change (a setting, a stroke, a file)
 * recomputes, one computation at a time, the latest request winning. The opened file and the
 * drawing are kept on the element, so a rebuilt run (a backend change) still has them.
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { applyKernels, type GrayImage, type Responses } from '../../engines/conv-filters/apply-kernels.ts';
import { toEditorValues } from '../../engines/conv-filters/kernels.ts';
import { formatNumber } from '../../engines/conv/size-text.ts';
import { BACKEND_LABELS } from '../../tf/types.ts';
import { createFilterFigure, range } from '../../views/conv-filters/filter-figure.ts';
import { toCsv } from '../export.ts';
import { latestOnly } from '../latest-only.ts';
import type { Settings } from '../settings.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { createDrawingPad } from './drawing-pad.ts';
import { kernelSetFor, kernelSetName } from './kernel-choice.ts';
import { openImageFile } from './open-image.ts';
import { CUSTOM_KEYS } from './spec.ts';

/** What outlives a run, kept on the element. */
interface Kept {
  convFiltersFile?: { image: GrayImage; name: string };
  convFiltersDrawing?: ImageData;
}

/** Maps up to this many pixels go into the JSON export in full. */
const EXPORT_PIXELS = 128 * 128;

export async function createConvFiltersRun(context: DemoContext): Promise<DemoRun> {
  const part = <T extends HTMLElement>(selector: string): T => {
    const element = context.root.querySelector<T>(selector);
    if (!element) throw new Error(`the filters shell has no ${selector}`);
    return element;
  };
  const figureBox = part('[data-figure]');
  const canvas = part<HTMLCanvasElement>('[data-drawing]');
  const fileInput = part<HTMLInputElement>('[data-file]');
  const clearButton = part<HTMLButtonElement>('[data-clear]');
  const copyButton = part<HTMLButtonElement>('[data-copy-kernel]');
  const fileStatus = part('[data-file-status]');
  const summaryBox = context.root.querySelector<HTMLElement>('[data-summary]');
  const kept = context.root as HTMLElement & Kept;
  // On main-thread backends a 512 px image through 8 Gabor filters is ~10⁹ multiply-adds: bands.
  const multiplyAddsPerTask = context.backend === 'cpu' ? 2e6 : context.backend === 'wasm' ? 30e6 : Number.POSITIVE_INFINITY;

  context.say('Loading MNIST digits…');
  const mnist = await loadMnist(context.base, (loaded) => context.say(`Loading MNIST digits… ${(loaded / 1e6).toFixed(1)} MB`));
  context.say('');

  let settings = context.settings;
  let source: { image: GrayImage; label: string } | undefined;
  let result: Responses | undefined;
  let computeMs = 0;
  let disposed = false;
  let frame = 0;

  figureBox.replaceChildren();
  const figure = createFilterFigure(figureBox, { width: Math.round(Math.min(720, Math.max(300, figureBox.clientWidth || 720))) });
  const pad = createDrawingPad(canvas, () => {
    kept.convFiltersDrawing = pad.snapshot();
    if (settings['source'] === 'drawing') schedule();
  });
  if (kept.convFiltersDrawing) pad.restore(kept.convFiltersDrawing);

  function digit(): { image: GrayImage; label: string } {
    const index = Math.min(mnist.manifest.count - 1, Math.max(0, Number(settings['digit']) || 0));
    const pixels = Float32Array.from(mnist.images.subarray(index * 784, (index + 1) * 784), (v) => v / 255);
    return { image: { width: 28, height: 28, pixels }, label: `MNIST digit #${index} (a ${mnist.labels[index]})` };
  }

  function chooseSource(): { image: GrayImage; label: string } {
    if (settings['source'] === 'drawing') return { image: pad.image(), label: 'your drawing' };
    const file = kept.convFiltersFile;
    // Its own line, not the message line, which the element rewrites when the run starts.
    fileStatus.textContent = file
      ? `Opened: “${file.name}”, ${file.image.width}×${file.image.height}.`
      : settings['source'] === 'file'
        ? 'To use an image from your disk, open one with “Open an image…” (PNG, JPEG or WebP, up to 20 MB). Meanwhile the digit is shown.'
        : '';
    if (settings['source'] === 'file' && file) return { image: file.image, label: `“${file.name}”` };
    return digit();
  }

  const compute = latestOnly(async () => {
    const chosen = chooseSource();
    const set = kernelSetFor(settings);
    const started = performance.now();
    const responses = await applyKernels(context.tf, chosen.image, set.kernels, { combine: set.combine, relu: settings['relu'] === true, multiplyAddsPerTask });
    if (disposed) return;
    computeMs = performance.now() - started;
    source = chosen;
    result = responses;
    figure.render({ source: chosen.image, sourceLabel: chosen.label, kernels: set.kernels, maps: responses.maps, labels: responses.labels });
    if (summaryBox) summaryBox.textContent = summary();
  }, { cancelled: () => disposed, track: context.track });

  function schedule(): void {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      void compute().catch(fail);
    });
  }

  function fail(error: unknown): void {
    context.say(`Could not apply the kernels: ${(error as Error).message}`);
  }

  const onFile = async () => {
    const file = fileInput.files?.[0];
    fileInput.value = ''; // the same file can be opened again
    if (!file) return;
    context.say(`Opening “${file.name}”…`);
    const opened = await openImageFile(file);
    if (disposed) return;
    if (!opened.ok) {
      context.say(opened.message);
      return;
    }
    kept.convFiltersFile = { image: opened.image, name: opened.name };
    if (settings['source'] !== 'file') context.setSettings({ source: 'file' });
    else await compute().catch(fail);
    context.say(opened.note);
  };
  const onClear = () => {
    pad.clear();
    kept.convFiltersDrawing = pad.snapshot();
  };
  const onCopy = () => {
    const first = kernelSetFor(settings).kernels[0];
    const values = first && toEditorValues(first);
    if (!first || !values) {
      context.say(`${first?.label ?? 'This kernel'} is ${first?.size}×${first?.size}, larger than the 5×5 editor; pick a 3×3 or 5×5 kernel to start from.`);
      return;
    }
    context.setSettings({ kernel: 'custom', customSize: String(first.size), ...Object.fromEntries(CUSTOM_KEYS.map((key, n) => [key, values[n]!])) });
    context.say(`Your kernel now holds ${first.label}: edit any weight.`);
  };
  fileInput.addEventListener('change', onFile);
  clearButton.addEventListener('click', onClear);
  copyButton.addEventListener('click', onCopy);
  for (const control of [fileInput, clearButton, copyButton]) control.disabled = false;

  await compute();

  function summary(): string {
    if (!source || !result) return 'Computing…';
    const maps = result.labels.map((label, m) => {
      const [lo, hi] = range(result!.maps[m]!);
      return `${label} from ${formatNumber(lo)} to ${formatNumber(hi)}`;
    });
    const name = kernelSetName(settings);
    return `${name[0]!.toUpperCase()}${name.slice(1)} applied to ${source.label}, ${source.image.width}×${source.image.height}, with tf.conv2d (stride 1, zero padding to keep the size) in ${Math.round(computeMs)} ms on ${BACKEND_LABELS[context.backend]}: ${maps.join('; ')}.`;
  }

  return {
    advance: async () => false,
    stepsPerFrame: () => 1,
    applySettings(next: Settings) {
      settings = next;
      void compute().catch(fail);
    },
    summary,
    exportData() {
      const set = kernelSetFor(settings);
      const rows: (string | number)[][] = [];
      set.kernels.forEach((kernel) => kernel.weights.forEach((w, n) => rows.push([kernel.label, Math.floor(n / kernel.size), n % kernel.size, w])));
      const full = source && source.image.width * source.image.height <= EXPORT_PIXELS;
      return {
        csv: toCsv(['kernel', 'row', 'column', 'weight'], rows),
        json: {
          source: source && { label: source.label, width: source.image.width, height: source.image.height, pixels: full ? Array.from(source.image.pixels) : 'omitted (larger than 128×128)' },
          kernels: set.kernels.map((k) => ({ label: k.label, size: k.size, weights: Array.from(k.weights) })),
          combine: set.combine,
          relu: settings['relu'] === true,
          responses: result?.labels.map((label, m) => {
            const [min, max] = range(result!.maps[m]!);
            return { label, min, max, values: full ? Array.from(result!.maps[m]!) : 'omitted (larger than 128×128)' };
          }),
        },
      };
    },
    figure: () => figure.svg,
    dispose() {
      disposed = true;
      if (frame) cancelAnimationFrame(frame);
      pad.dispose();
      fileInput.removeEventListener('change', onFile);
      clearButton.removeEventListener('click', onClear);
      copyButton.removeEventListener('click', onCopy);
      for (const control of [fileInput, clearButton, copyButton]) control.disabled = true;
    },
  };
}
