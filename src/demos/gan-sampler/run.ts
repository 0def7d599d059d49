/**
 * One run of the GAN sampler: the shipped DCGAN generator (trained by `npm run train:gan`) and
 * the MNIST training digits for the memorization check. Nothing animates: every change (seed,
 * pick, slider) recomputes what it affects, one computation at a time, the latest request
 * winning. Slider values are edits of the picked sample, kept on the element (not in the URL).
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { loadModel } from '../../data/model-loader.ts';
import { SHIPPED_GAN } from '../../data/shipped-models.ts';
import { LATENT_DIM } from '../../engines/dcgan/architecture.ts';
import { createGanSampler } from '../../engines/dcgan/sampler.ts';
import { interpolationPath, latentAnalogy, norm } from '../../engines/generative/latent.ts';
import { createDigitBank, nearestDigits } from '../../engines/generative/nearest.ts';
import { describeQuality } from '../../engines/generative/quality.ts';
import { normalArray } from '../../engines/params.ts';
import { createRandom } from '../../engines/random.ts';
import { BACKEND_LABELS } from '../../tf/types.ts';
import { createSamplerFigure, type Neighbour, type SamplerFigureData } from '../../views/gan-sampler/sampler-figure.ts';
import { toCsv } from '../export.ts';
import { latestOnly } from '../latest-only.ts';
import type { Settings } from '../settings.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { GRID_COLUMNS, GRID_COUNT, parseGroup, toggleInGroup } from './spec.ts';

export async function createGanSamplerRun(context: DemoContext): Promise<DemoRun> {
  const { tf } = context;
  const part = <T extends HTMLElement>(selector: string): T => {
    const element = context.root.querySelector<T>(selector);
    if (!element) throw new Error(`the GAN sampler shell has no ${selector}`);
    return element;
  };
  const figureBox = part('[data-figure]');
  const modelNote = part('[data-model-note]');
  const sliders = [...context.root.querySelectorAll<HTMLInputElement>('input[data-latent-dim]')];
  const resetSliders = part<HTMLButtonElement>('[data-reset-sliders]');
  const summaryBox = context.root.querySelector<HTMLElement>('[data-summary]');

  context.say('Loading the trained generator and the MNIST digits…');
  const [model, mnist] = await Promise.all([loadModel(context.base, SHIPPED_GAN), loadMnist(context.base)]);
  const { trainCount } = mnist.manifest;
  const sampler = createGanSampler(tf, model.values);
  const bank = createDigitBank(tf, mnist.images, 0, trainCount);
  const yieldOften = context.backend === 'wasm' || context.backend === 'cpu';
  const t = model.manifest.training;
  modelNote.replaceChildren(
    `Generator trained by npm run train:gan: ${String(t['steps'])} steps of minibatches of ${String(t['batchSize'])} on the ${String(t['trainDigits'])} training digits (seed ${String(t['seed'])}, ${Math.round(Number(t['milliseconds']) / 60000)} minutes on ${String(t['backend'])}). Quality of ${model.manifest.quality.samples} samples: ${describeQuality(model.manifest.quality)}. `,
    link(model.logUrl, 'Training log'),
    '.',
  );

  let settings = context.settings;
  let codes: Float32Array = new Float32Array(0);
  let codesSeed = Number.NaN;
  let samples: Float32Array = new Float32Array(0);
  let nearest: Neighbour[] | undefined;
  let data: SamplerFigureData | undefined;
  let computeMs = 0;
  let disposed = false;
  /** Whether the message line holds this run's own note (cleared once the problem is gone). */
  let noted = false;

  const figure = createSamplerFigure(figureBox, {
    width: Math.round(Math.min(760, Math.max(300, figureBox.clientWidth || 640))),
    onPick: (index) => pick(index),
  });

  const neighbours = async (pixels: Float32Array): Promise<Neighbour[]> => {
    const queries = tf.tensor2d(pixels, [pixels.length / 784, 784]);
    try {
      const found = await nearestDigits(tf, bank, queries, { chunk: 8, yieldOften });
      return Array.from(found.index, (index, i) => ({
        index,
        distance: found.distance[i]!,
        label: mnist.labels[index]!,
        pixels: Float32Array.from(mnist.images.subarray(index * 784, (index + 1) * 784), (v) => v / 255),
      }));
    } finally {
      queries.dispose();
    }
  };
  const code = (i: number) => codes.slice(i * LATENT_DIM, (i + 1) * LATENT_DIM);
  const editedCode = () => {
    const z = code(Number(settings['a']));
    sliders.forEach((slider, d) => {
      if (slider.dataset['edited'] === 'true') z[d] = Number(slider.value);
    });
    return z;
  };
  const showSliderValues = () => {
    const z = code(Number(settings['a']));
    sliders.forEach((slider, d) => {
      if (slider.dataset['edited'] !== 'true') slider.value = String(Math.round(z[d]! * 10) / 10);
      const output = context.root.querySelector(`output[data-for-dim="${d}"]`);
      if (output) output.textContent = Number(slider.value).toFixed(1);
    });
  };

  const compute = latestOnly(async () => {
    const started = performance.now();
    const seed = Number(settings['seed']);
    if (seed !== codesSeed) {
      codes = normalArray(createRandom(seed), GRID_COUNT * LATENT_DIM, 1);
      codesSeed = seed;
      samples = await sampler.generate(codes);
      nearest = undefined;
    }
    if (settings['nearest'] === true && !nearest) nearest = await neighbours(samples);
    const [a, b] = [Number(settings['a']), Number(settings['b'])];
    const steps = Number(settings['steps']);
    const paths = [];
    for (const kind of ['linear', 'spherical'] as const) {
      const path = interpolationPath(code(a), code(b), steps, kind);
      const norms = Array.from({ length: steps }, (_, k) => norm(path.subarray(k * LATENT_DIM, (k + 1) * LATENT_DIM)));
      paths.push({ kind, pixels: await sampler.generate(path), norms });
    }
    const editedPixels = await sampler.generate(editedCode());
    const groups = { plus: groupOf('plus'), minus: groupOf('minus'), base: groupOf('base') };
    let arithmetic: SamplerFigureData['arithmetic'];
    if (groups.plus.length + groups.minus.length + groups.base.length > 0) {
      // An empty group is a missing term: its mean counts as the zero code.
      const term = (members: number[]) => (members.length > 0 ? members.map(code) : [new Float32Array(LATENT_DIM)]);
      const z = latentAnalogy(term(groups.plus), term(groups.minus), term(groups.base));
      const pixels = await sampler.generate(Float32Array.from({ length: LATENT_DIM }, (_, d) => (Number.isFinite(z[d]) ? z[d]! : 0)));
      arithmetic = { pixels, nearest: (await neighbours(pixels))[0]! };
    }
    if (disposed) return;
    const changed = sliders.some((s) => s.dataset['edited'] === 'true');
    data = { seed, samples, count: GRID_COUNT, columns: GRID_COLUMNS, a, b, groups, ...(nearest ? { nearest } : {}), paths, edited: { pixels: editedPixels, nearest: (await neighbours(editedPixels))[0]!, changed }, ...(arithmetic ? { arithmetic } : {}) };
    computeMs = performance.now() - started;
    figure.update(data);
    showSliderValues();
    if (summaryBox) summaryBox.textContent = summary();
  }, { cancelled: () => disposed, track: context.track });

  /** Means of the three groups need members: an empty group counts as zero (a missing term). */
  function groupOf(key: 'plus' | 'minus' | 'base'): number[] {
    return parseGroup(String(settings[key])).filter((i) => i < GRID_COUNT);
  }

  function pick(index: number): void {
    const role = String(settings['pick']);
    if (role === 'start') {
      for (const slider of sliders) slider.dataset['edited'] = 'false';
      context.setSettings({ a: index });
    } else if (role === 'end') context.setSettings({ b: index });
    else context.setSettings({ [role]: toggleInGroup(String(settings[role]), index) });
  }

  const fail = (error: unknown) => context.say(`Could not generate: ${(error as Error).message}`);
  const schedule = () => void compute().catch(fail);
  const onSlider = (event: Event) => {
    (event.target as HTMLInputElement).dataset['edited'] = 'true';
    schedule();
  };
  const onReset = () => {
    for (const slider of sliders) slider.dataset['edited'] = 'false';
    schedule();
  };
  for (const slider of sliders) {
    slider.addEventListener('input', onSlider);
    slider.disabled = false;
  }
  resetSliders.addEventListener('click', onReset);
  resetSliders.disabled = false;

  await compute();
  context.say('');

  function summary(): string {
    if (!data) return 'Generating…';
    const mid = (k: number) => data!.paths[k]!.norms[Math.floor(data!.paths[k]!.norms.length / 2)]!;
    const near = data.nearest ? ` Their nearest training digits are at a mean distance of ${(data.nearest.reduce((s, n) => s + n.distance, 0) / data.nearest.length).toFixed(2)} (held-out test digits: ${model.manifest.quality.nearest.testMean.toFixed(2)}).` : '';
    return `Seed ${data.seed}: ${GRID_COUNT} samples from ${LATENT_DIM}-dimensional codes z ~ N(0, I), generated in ${Math.round(computeMs)} ms on ${BACKEND_LABELS[context.backend]}.${near} Path from sample ${data.a} to ${data.b}: ‖z‖ is ${data.paths[0]!.norms[0]!.toFixed(2)} and ${data.paths[0]!.norms.at(-1)!.toFixed(2)} at the ends, ${mid(0).toFixed(2)} midway on the linear path and ${mid(1).toFixed(2)} on the spherical one.`;
  }

  return {
    advance: async () => false,
    stepsPerFrame: () => 1,
    applySettings(next: Settings) {
      const problems = [];
      for (const key of ['plus', 'minus', 'base'] as const) {
        const outside = parseGroup(String(next[key])).filter((i) => i >= GRID_COUNT);
        if (outside.length > 0) problems.push(`sample ${outside.join(', ')} is not in the grid (0 to ${GRID_COUNT - 1}) and is left out`);
      }
      if (Number(next['a']) === Number(next['b'])) problems.push('the path starts and ends at the same sample: pick two different ones');
      if (Number(next['a']) !== Number(settings['a'])) for (const slider of sliders) slider.dataset['edited'] = 'false';
      settings = next;
      // Only this run's own note is cleared: a refusal said by the settings module stays.
      if (problems.length > 0) context.say(`Note: ${problems.join('; ')}.`);
      else if (noted) context.say('');
      noted = problems.length > 0;
      schedule();
    },
    summary,
    exportData() {
      const rows: (string | number)[][] = [];
      for (let i = 0; i < GRID_COUNT && codes.length > 0; i++) rows.push([i, ...Array.from(code(i)), nearest?.[i]?.index ?? '', nearest?.[i]?.distance ?? '']);
      return {
        csv: toCsv(['sample', ...Array.from({ length: LATENT_DIM }, (_, d) => `z${d}`), 'nearest_training_index', 'nearest_distance'], rows),
        json: { seed: codesSeed, latentDim: LATENT_DIM, codes: Array.from(codes), samples: Array.from(samples), nearest: nearest?.map((n) => ({ index: n.index, label: n.label, distance: n.distance })) ?? null, modelQuality: model.manifest.quality },
      };
    },
    figure: () => figure.svg,
    dispose() {
      disposed = true;
      for (const slider of sliders) slider.removeEventListener('input', onSlider);
      resetSliders.removeEventListener('click', onReset);
      sampler.dispose();
      bank.dispose();
    },
  };
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}
