/**
 * One run of the 2-D GAN demo: the chosen data, a generator and discriminator trained in the
 * page, the picture and the loss curves. With "points you draw", clicks add points to the data
 * while it trains (the URL keeps the drawing); training starts once there are 10 points.
 */
import { coverage, coveredModes, createDistribution, formatPoints, parsePoints, type Distribution, type DistributionId } from '../../engines/gan2d/distributions.ts';
import { createGan2d, type Gan2d, type Gan2dSnapshot, type GeneratorLoss } from '../../engines/gan2d/gan2d.ts';
import { createRandom } from '../../engines/random.ts';
import { yieldToEventLoop } from '../../engines/yield.ts';
import { seriesColor } from '../../views/colors.ts';
import { createGanPlot } from '../../views/gan2d/gan-plot.ts';
import { createLineChart } from '../../views/line-chart.ts';
import { toCsv } from '../export.ts';
import type { Settings } from '../settings.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { MAX_DRAWN_POINTS } from './spec.ts';

const EXTENT = 2.5;
const GRID = 48;
const SHOWN = 384;
/** Snapshots (D over the grid, arrows) and redraws at most this often: training runs in between. */
const DRAW_EVERY_MS = 100;
const MIN_DRAWN = 10;

export async function createGan2dRun(context: DemoContext): Promise<DemoRun> {
  let settings: Settings = context.settings;
  const figure = context.root.querySelector<HTMLElement>('[data-figure]');
  const side = context.root.querySelector<HTMLElement>('[data-chart]');
  if (!figure || !side) throw new Error('the GAN shell is incomplete');
  figure.replaceChildren();
  side.replaceChildren();

  const id = String(settings['distribution']) as DistributionId;
  const seed = Number(settings['seed']) || 0;
  // The drawing is one array, mutated in place: the drawn distribution samples from it live.
  const drawn: [number, number][] = readPoints(String(settings['points'] ?? ''), context.say);
  const size = Math.round(Math.min(520, Math.max(300, figure.clientWidth || 520)));
  const plot = createGanPlot(figure, {
    size,
    extent: EXTENT,
    fakeColor: seriesColor(4),
    ...(id === 'drawn'
      ? {
          onPick: (x: number, y: number) => {
            if (drawn.length >= MAX_DRAWN_POINTS) return context.say(`At most ${MAX_DRAWN_POINTS} points.`);
            drawn.push([Math.round(x * 100) / 100, Math.round(y * 100) / 100]);
            if (distribution) real = distribution.sample(SHOWN, createRandom(seed + 1));
            context.setSettings({ points: formatPoints(drawn) });
            draw();
          },
        }
      : {}),
  });
  const chart = createLineChart(side, { width: size, height: 170, xLabel: 'step', yLabel: 'loss', label: 'Discriminator and generator loss over training steps' });

  let distribution: Distribution | undefined;
  let gan: Gan2d | undefined;
  let real: Float32Array = new Float32Array(0);
  let snapshot: Gan2dSnapshot | undefined;
  const mainThread = context.backend === 'wasm' || context.backend === 'cpu';
  let msPerStep = 5;
  let lastDraw = 0;

  /** Builds the GAN once the data exists (at once, or at the 10th drawn point). */
  const ensureGan = async (): Promise<Gan2d | undefined> => {
    if (gan) return gan;
    if (id === 'drawn' && drawn.length < MIN_DRAWN) return undefined;
    distribution = createDistribution(id, drawn);
    real = distribution.sample(SHOWN, createRandom(seed + 1));
    gan = createGan2d({
      tf: context.tf,
      distribution,
      seed,
      noiseDim: Number(settings['noiseDim']),
      hidden: 32,
      batchSize: 128,
      shownSamples: SHOWN,
      settings: () => ({
        lrG: Number(settings['lrG']),
        lrD: Number(settings['lrD']),
        dSteps: Number(settings['dSteps']),
        generatorLoss: String(settings['generatorLoss']) as GeneratorLoss,
      }),
    });
    snapshot = await gan.snapshot(GRID, EXTENT);
    context.say('');
    return gan;
  };

  function draw(): void {
    plot.update({
      real,
      fake: snapshot?.fake ?? new Float32Array(0),
      dGrid: snapshot?.dGrid,
      gridSize: GRID,
      arrows: settings['arrows'] === false ? undefined : snapshot?.arrows,
      drawn: id === 'drawn' ? drawn : [],
    });
    if (gan) {
      chart.update([
        { label: 'D loss', color: seriesColor(5), values: smooth(gan.losses.d) },
        { label: 'G loss', color: seriesColor(4), values: smooth(gan.losses.g) },
      ]);
    }
  }

  const quality = (): string => {
    if (!gan || !distribution || !snapshot) return '';
    if (distribution.modes.length > 0) {
      const covered = coveredModes(distribution, snapshot.fake);
      // Early on every run covers few modes; only a late shortfall is called collapse.
      const collapsed = gan.step >= 1500 && covered <= distribution.modes.length / 2;
      return `${collapsed ? 'Mode collapse: the generator' : 'The generator'} covers ${covered} of ${distribution.modes.length} modes.`;
    }
    const share = coverage(real.subarray(0, 400), snapshot.fake, 0.15);
    const collapsed = gan.step >= 1500 && share < 0.5;
    return `${collapsed ? 'Mode collapse: the generator' : 'The generator'} reaches ${Math.round(100 * share)}% of the data.`;
  };

  await ensureGan();
  if (!gan) context.say(`Draw at least ${MIN_DRAWN} points (you have ${drawn.length}): click or drag on the plot.`);
  draw();

  return {
    async advance(steps) {
      const current = await ensureGan();
      if (!current) return true; // still drawing
      const started = performance.now();
      await current.advance(steps);
      msPerStep = 0.7 * msPerStep + 0.3 * ((performance.now() - started) / steps);
      if (performance.now() - lastDraw >= DRAW_EVERY_MS || steps === 1) {
        // Training, the snapshot and the drawing each get a task of their own: together they ran
        // about 80 ms on wasm.
        if (mainThread) await yieldToEventLoop();
        snapshot = await current.snapshot(GRID, EXTENT);
        if (mainThread) await yieldToEventLoop();
        draw();
        lastDraw = performance.now();
      }
      return true;
    },
    stepsPerFrame: () => {
      const speed = Number(settings['speed']) || 1;
      // Main-thread backends: keep one frame's work under ~30 ms.
      return mainThread ? Math.max(1, Math.min(speed, Math.floor(30 / msPerStep))) : speed;
    },
    applySettings(next) {
      settings = next;
      draw();
    },
    summary() {
      if (!gan || !distribution) return `Drawing: ${drawn.length} point${drawn.length === 1 ? '' : 's'} so far; training starts at ${MIN_DRAWN}.`;
      const d = gan.losses.d.at(-1);
      const g = gan.losses.g.at(-1);
      return `${distribution.label}, step ${gan.step}.${d === undefined ? '' : ` D loss ${d.toFixed(3)}, G loss ${g!.toFixed(3)}.`} ${quality()}`;
    },
    exportData() {
      const fake = snapshot?.fake ?? new Float32Array(0);
      const rows: (string | number)[][] = [];
      for (let i = 0; i < fake.length / 2; i++) rows.push(['generated', fake[2 * i]!, fake[2 * i + 1]!]);
      for (let i = 0; i < real.length / 2; i++) rows.push(['real', real[2 * i]!, real[2 * i + 1]!]);
      return { csv: toCsv(['kind', 'x', 'y'], rows), json: { step: gan?.step ?? 0, losses: gan?.losses ?? null, drawn, fake: Array.from(fake) } };
    },
    figure: () => plot.svg,
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

/** Moving average over 20 steps: raw GAN losses are too noisy to read. */
function smooth(values: readonly number[]): number[] {
  const out: number[] = [];
  let sum = 0;
  values.forEach((v, i) => {
    sum += v;
    if (i >= 20) sum -= values[i - 20]!;
    out.push(sum / Math.min(i + 1, 20));
  });
  return out;
}
