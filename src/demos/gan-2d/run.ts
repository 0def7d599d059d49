/**
 * One run of the 2-D GAN demo: the chosen data, a generator and discriminator trained in the
 * page, the picture and the loss curves. With "points you draw", clicks add points to the data
 * while it trains (the URL keeps the drawing); training starts once there are 10 points.
 * Training goes to the backend in awaited slices that stop when the run ends (context.signal).
 */
import { createDistribution, formatPoints, parsePoints, type Distribution } from '../../engines/gan2d/distributions.ts';
import { createGan2d, type Gan2d, type Gan2dSnapshot } from '../../engines/gan2d/gan2d.ts';
import { createRandom } from '../../engines/random.ts';
import { yieldToEventLoop } from '../../engines/yield.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { toCsv } from '../export.ts';
import { createFrameBudget } from '../frame-budget.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { MAX_DRAWN_POINTS, type GAN_2D_SPEC } from './spec.ts';
import { describeDrawing, describeGan2d, generatorReach } from './summary.ts';
import { createGan2dView } from './view.ts';

type Spec = typeof GAN_2D_SPEC;
const EXTENT = 2.5;
const GRID = 48;
const SHOWN = 384;
/** Snapshots (D over the grid, arrows) and redraws at most this often: training runs in between. */
const DRAW_EVERY_MS = 100;
const MIN_DRAWN = 10;

export async function createGan2dRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  let settings = context.settings;
  const { distribution: id, seed } = settings;
  const figureBox = context.part('[data-figure]');
  // The drawing is one array, mutated in place: the drawn distribution samples from it live.
  const drawn = readPoints(settings.points, context.say);
  const view = createGan2dView(figureBox, context.part('[data-chart]'), { size: fitWidth(figureBox, 300, 520), extent: EXTENT, gridSize: GRID, ...(id === 'drawn' ? { onPick: addPoint } : {}) });
  let distribution: Distribution | undefined;
  let gan: Gan2d | undefined;
  let real: Float32Array = new Float32Array(0);
  let snapshot: Gan2dSnapshot | undefined;
  let lastDraw = 0;
  const budget = createFrameBudget({ mainThread: context.mainThread, initialMsPerStep: 5 });
  const draw = () => view.draw({ real, snapshot, arrows: settings.arrows, drawn: id === 'drawn' ? drawn : [], losses: gan?.losses });

  function addPoint(x: number, y: number): void {
    if (drawn.length >= MAX_DRAWN_POINTS) return context.say(`At most ${MAX_DRAWN_POINTS} points.`);
    drawn.push([Math.round(x * 100) / 100, Math.round(y * 100) / 100]);
    if (distribution) real = distribution.sample(SHOWN, createRandom(seed + 1));
    context.setSettings({ points: formatPoints(drawn) });
    draw();
  }

  /** Builds the GAN once the data exists (at once, or at the 10th drawn point). */
  const ensureGan = async (): Promise<Gan2d | undefined> => {
    if (gan) return gan;
    if (id === 'drawn' && drawn.length < MIN_DRAWN) return undefined;
    distribution = createDistribution(id, drawn);
    real = distribution.sample(SHOWN, createRandom(seed + 1));
    // The rates, D steps and loss are read at every step: changing them retunes the running GAN.
    gan = createGan2d({ tf: context.tf, distribution, seed, noiseDim: settings.noiseDim, hidden: 32, batchSize: 128, shownSamples: SHOWN, settings: () => settings, signal: context.signal });
    snapshot = await gan.snapshot(GRID, EXTENT);
    context.say('');
    return gan;
  };

  await ensureGan();
  if (!gan) context.say(`Draw at least ${MIN_DRAWN} points (you have ${drawn.length}): click or drag on the plot.`);
  draw();

  return {
    async advance(steps) {
      const current = await ensureGan();
      if (!current) return true; // still drawing
      await budget.measure(steps, () => current.advance(steps));
      if (performance.now() - lastDraw >= DRAW_EVERY_MS || steps === 1) {
        // Training, the snapshot and the drawing each get a task of their own: together they ran
        // about 80 ms on wasm.
        if (context.mainThread) await yieldToEventLoop();
        snapshot = await current.snapshot(GRID, EXTENT);
        if (context.mainThread) await yieldToEventLoop();
        draw();
        lastDraw = performance.now();
      }
      return true;
    },
    stepsPerFrame: () => budget.steps(settings.speed),
    applySettings(next) {
      settings = next;
      draw();
    },
    summary() {
      if (!gan || !distribution) return describeDrawing(drawn.length, MIN_DRAWN);
      const reach = snapshot && generatorReach(distribution, real, snapshot.fake);
      return describeGan2d({ label: distribution.label, step: gan.step, d: gan.losses.d.at(-1), g: gan.losses.g.at(-1), reach });
    },
    exportData() {
      const fake = snapshot?.fake ?? new Float32Array(0);
      const rows: (string | number)[][] = [];
      for (let i = 0; i < fake.length / 2; i++) rows.push(['generated', fake[2 * i]!, fake[2 * i + 1]!]);
      for (let i = 0; i < real.length / 2; i++) rows.push(['real', real[2 * i]!, real[2 * i + 1]!]);
      return { csv: toCsv(['kind', 'x', 'y'], rows), json: { step: gan?.step ?? 0, losses: gan?.losses ?? null, drawn, fake: Array.from(fake) } };
    },
    figure: () => view.svg,
    dispose: () => gan?.dispose(),
  };
}

function readPoints(text: string, say: (message: string) => void): [number, number][] {
  try {
    return parsePoints(text);
  } catch (error) {
    say(`Drawn points: ${(error as Error).message}. Starting a new drawing.`);
    return [];
  }
}
