/**
 * One run of the GAN sampler: the shipped DCGAN generator (trained by `npm run train:gan`) and
 * the MNIST training digits for the memorization check. Nothing animates: every change (seed,
 * pick, slider) recomputes what it affects, one computation at a time, the latest request
 * winning. Slider values are edits of the picked sample, kept on the sliders (not in the URL).
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { loadModel } from '../../data/model-loader.ts';
import { createGanSampler } from '../../engines/dcgan/sampler.ts';
import { SHIPPED_GAN } from '../../data/shipped-models.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createSamplerFigure, type SamplerFigureData } from '../../views/gan-sampler/sampler-figure.ts';
import { renderModelNote } from '../../views/model-note.ts';
import { latestOnly } from '../latest-only.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { codeOf, figureData, gridFor, type SamplerGrid, type SamplerInputs } from './compute.ts';
import { createNeighbourSearch } from './neighbours.ts';
import { exportSampler } from './sampler-export.ts';
import { createLatentSliders } from './sliders.ts';
import { toggleInGroup, type GAN_SAMPLER_SPEC } from './spec.ts';
import { describeGanModel, describeSampler, describeSettingsNote } from './summary.ts';

type Spec = typeof GAN_SAMPLER_SPEC;

export async function createGanSamplerRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  const { tf, signal } = context;
  const figureBox = context.part('[data-figure]');
  const summaryBox = context.part('[data-summary]');
  context.say('Loading the trained generator and the MNIST digits…');
  const [model, mnist] = await Promise.all([loadModel(context.base, SHIPPED_GAN), loadMnist(context.base)]);
  const { quality } = model.manifest;
  renderModelNote(context.part('[data-model-note]'), describeGanModel(model.manifest.training, quality), model.logUrl);

  let settings = context.settings;
  let grid: SamplerGrid | undefined;
  let data: SamplerFigureData | undefined;
  let computeMs = 0;
  /** Whether the message line holds this run's own note (cleared once the problem is gone). */
  let noted = false;
  figureBox.replaceChildren(); // a reset or a backend change builds a new figure
  const figure = createSamplerFigure(figureBox, { width: fitWidth(figureBox, 300, 760, 640), onPick: pick });
  const sliders = createLatentSliders(context.root, context.part<HTMLButtonElement>('[data-reset-sliders]'), () => schedule());
  const inputs: SamplerInputs = { sampler: createGanSampler(tf, model.values), neighbours: createNeighbourSearch(tf, mnist, signal), sliders, signal };
  const summary = () => describeSampler(data, computeMs, context.backend, quality.nearest.testMean);

  const compute = latestOnly(async () => {
    const started = performance.now();
    grid = await gridFor(settings, grid, inputs);
    data = await figureData(settings, grid, inputs);
    if (signal.aborted) return;
    computeMs = performance.now() - started;
    figure.update(data);
    sliders.show(codeOf(grid, settings.a));
    summaryBox.textContent = summary();
  }, { signal, track: context.track });
  const schedule = () => void compute().catch((error: unknown) => context.say(`Could not generate: ${(error as Error).message}`));

  function pick(index: number): void {
    const role = settings.pick;
    if (role === 'start') {
      sliders.clearEdits();
      context.setSettings({ a: index });
    } else if (role === 'end') context.setSettings({ b: index });
    else context.setSettings({ [role]: toggleInGroup(settings[role], index) });
  }

  await compute();
  context.say('');

  return {
    advance: async () => false,
    applySettings(next) {
      const note = describeSettingsNote(next);
      if (next.a !== settings.a) sliders.clearEdits();
      settings = next;
      // Only this run's own note is cleared: a refusal said by the settings module stays.
      if (note) context.say(note);
      else if (noted) context.say('');
      noted = note !== '';
      schedule();
    },
    summary,
    exportData: () => exportSampler(grid, quality),
    figure: () => figure.svg,
    dispose() {
      sliders.dispose();
      inputs.sampler.dispose();
      inputs.neighbours.dispose();
    },
  };
}
