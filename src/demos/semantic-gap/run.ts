/**
 * One run of the semantic-gap demo: a digit (held-out, drawn or opened), changed as the settings
 * say, and its distances from the original beside those of its nearest training neighbours, in
 * pixel space and in the shipped ConvNet's code space. Nothing trains: every change recomputes
 * (a forward pass of four digits and a plain-TypeScript neighbour search), the latest winning.
 */
import { createCodeSpace } from '../../engines/semantic-gap/code-space.ts';
import { createNeighbourSearch } from '../../engines/semantic-gap/neighbour-search.ts';
import { splitRange } from '../../data/mnist-format.ts';
import type { Nearest } from '../../engines/semantic-gap/pixel-distances.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createGapFigure } from '../../views/semantic-gap/gap-figure.ts';
import { loadCnnAssets } from '../cnn/assets.ts';
import { latestOnly } from '../latest-only.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { exportGap } from './gap-export.ts';
import { wireGapInput } from './input.ts';
import { measureGap, type Measured } from './measure.ts';
import { testDigitSource, type GapSource, type KeptGapInput } from './source.ts';
import type { SEMANTIC_GAP_SPEC } from './spec.ts';
import { describeGap } from './summary.ts';

type Spec = typeof SEMANTIC_GAP_SPEC;

export async function createSemanticGapRun(context: DemoContext<Spec>, kept: KeptGapInput): Promise<DemoRun<Spec>> {
  const { data, pretrained } = await loadCnnAssets(context);
  const space = createCodeSpace(context.tf, pretrained.weights);
  const search = createNeighbourSearch(context.tf, data.images, data.labels, splitRange(data, 'train'));
  const box = context.part('[data-figure]');
  const summaryBox = context.part('[data-summary]');
  box.replaceChildren();
  const figure = createGapFigure(box, { width: fitWidth(box, 300, 760) });
  let settings = context.settings;
  let measured: Measured | undefined;
  const cache: { key?: Float32Array; perClass?: (Nearest | undefined)[] } = {};
  // One array per held-out digit, so that its neighbour search (cached by array) is not repeated.
  const digits = new Map<number, GapSource>();
  const digitSource = (n: number) => digits.get(n) ?? digits.set(n, testDigitSource(data, n)).get(n)!;
  const chooseSource = (): GapSource | string => {
    if (settings.source === 'drawing') return kept.drawing ? { pixels: kept.drawing, label: undefined, name: 'your drawing' } : 'Draw a digit on the pad (the held-out digit is shown meanwhile).';
    if (settings.source === 'file') return kept.file ? { pixels: kept.file.pixels, label: undefined, name: `“${kept.file.name}”` } : 'Open an image of a digit with “Open an image…” (the held-out digit is shown meanwhile).';
    return digitSource(settings.digit);
  };
  const compute = latestOnly(async () => {
    const chosen = chooseSource();
    if (typeof chosen === 'string') context.say(chosen);
    const source = typeof chosen === 'string' ? digitSource(settings.digit) : chosen;
    const next = await measureGap(data, space, search, source, settings, cache);
    if (context.signal.aborted) return;
    measured = next;
    if (source.pixels !== kept.drawing) input.show(source.pixels);
    figure.update(next.figure);
    summaryBox.textContent = describeGap(next.measure);
  }, { signal: context.signal, track: context.track });
  const recompute = () => void compute().catch((error: unknown) => context.say(`Could not measure the distances: ${(error as Error).message}`));
  const input = wireGapInput(context, kept, () => settings.source, recompute);
  await compute();

  return {
    advance: async () => false,
    applySettings(next) {
      settings = next;
      recompute();
    },
    summary: () => (measured ? describeGap(measured.measure) : 'Measuring…'),
    exportData: () => exportGap(settings, measured),
    figure: () => figure.svg,
    dispose() {
      input.dispose();
      space.dispose();
      search.dispose();
    },
  };
}
