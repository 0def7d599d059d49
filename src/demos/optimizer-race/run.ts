/**
 * One run of the optimizer race: builds the engine for the chosen problem (a 2-D surface or the
 * MLP on MNIST), draws it, and keeps the leaderboard. Created by <optimizer-race> when the demo
 * nears the viewport; disposed on reset, backend change or removal.
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { toCsv } from '../export.ts';
import { createMlpRace, type MlpRace } from '../../engines/optimizer-race/mlp-race.ts';
import { createSurfaceRace, type RacerSettings, type SurfaceRace } from '../../engines/optimizer-race/surface-race.ts';
import { SURFACES, isSurfaceId } from '../../engines/optimizers/surfaces.ts';
import { DEFAULT_HYPERPARAMETERS, OPTIMIZERS, OPTIMIZER_LABELS, type Hyperparameters, type OptimizerName } from '../../engines/optimizers/update-rules.ts';
import { seriesColor } from '../../views/colors.ts';
import { createLineChart } from '../../views/line-chart.ts';
import { renderLeaderboard, type LeaderboardRow } from '../../views/optimizer-race/leaderboard.ts';
import { createSurfacePlot } from '../../views/optimizer-race/surface-plot.ts';
import type { Settings } from '../settings.ts';
import type { DemoContext, DemoRun } from '../types.ts';

const SURFACE_STEPS = 3000;
const MLP_STEPS = 1500;

export function racerSettings(settings: Settings): RacerSettings[] {
  const n = (key: string, fallback: number) => {
    const value = settings[key];
    return typeof value === 'number' ? value : fallback;
  };
  return OPTIMIZERS.map((name) => {
    const hyper: Hyperparameters = {
      ...DEFAULT_HYPERPARAMETERS,
      lr: n(`${name}.lr`, 0.01),
      mu: n(`${name}.mu`, DEFAULT_HYPERPARAMETERS.mu),
      decay: n('rmsprop.decay', DEFAULT_HYPERPARAMETERS.decay),
      beta1: n('adam.beta1', DEFAULT_HYPERPARAMETERS.beta1),
      beta2: n('adam.beta2', DEFAULT_HYPERPARAMETERS.beta2),
      eps: n(`${name}.eps`, DEFAULT_HYPERPARAMETERS.eps),
    };
    return { name, enabled: settings[`${name}.on`] !== false, hyper };
  });
}

export async function createOptimizerRaceRun(context: DemoContext): Promise<DemoRun> {
  let settings = context.settings;
  const racers = () => racerSettings(settings);
  const problem = String(settings['problem']);
  const figure = context.root.querySelector<HTMLElement>('[data-figure]');
  const chartBox = context.root.querySelector<HTMLElement>('[data-chart]');
  const board = context.root.querySelector<HTMLTableSectionElement>('[data-leaderboard]');
  if (!figure || !chartBox || !board) throw new Error('the optimizer race shell is incomplete');
  figure.replaceChildren();
  chartBox.replaceChildren();
  const color = (name: OptimizerName) => seriesColor(OPTIMIZERS.indexOf(name));

  if (isSurfaceId(problem)) {
    const surface = SURFACES[problem];
    const start: [number, number] = [
      clamp(Number(settings['startX']), surface.x),
      clamp(Number(settings['startY']), surface.y),
    ];
    const race: SurfaceRace = createSurfaceRace({ tf: context.tf, surface, start, settings: racers });
    const width = fitWidth(figure, 300, 620);
    const plot = createSurfacePlot(figure, surface, {
      width,
      height: Math.round(width * 0.72),
      onPick: (x, y) => context.setSettings({ startX: x, startY: y }),
    });
    const chart = createLineChart(chartBox, { width: fitWidth(chartBox, 260, 420), height: 190, xLabel: 'step', yLabel: 'f − f*', log: true, label: 'Loss above the minimum for each optimizer, log scale' });
    const losses = new Map<OptimizerName, number[]>(OPTIMIZERS.map((name) => [name, [race.racers[0]!.loss - surface.minimum]]));
    const draw = () => {
      plot.update(race.racers.map((r) => ({ label: r.name, color: color(r.name), trail: r.trail, diverged: r.diverged, enabled: r.enabled })));
      chart.update(race.racers.filter((r) => r.enabled).map((r) => ({ label: r.name, color: color(r.name), values: losses.get(r.name) ?? [], dashed: r.diverged })));
      renderLeaderboard(board, race.racers.map((r): LeaderboardRow => ({
        name: r.name,
        label: OPTIMIZER_LABELS[r.name],
        color: color(r.name),
        loss: r.loss - surface.minimum,
        steps: r.steps,
        reachedAt: r.reachedAt,
        diverged: r.diverged,
        enabled: r.enabled,
      })), `f − f* < ${surface.tolerance}`);
    };
    draw();
    // On main-thread backends a frame's steps run as one task: keep it under ~30 ms.
    const mainThread = context.backend === 'wasm' || context.backend === 'cpu';
    let msPerStep = 1;
    return {
      async advance(steps) {
        const before = race.racers.map((r) => r.trail.length);
        const started = performance.now();
        const count = Math.min(steps, SURFACE_STEPS - race.step);
        await race.advance(count);
        if (count > 0) msPerStep = 0.7 * msPerStep + 0.3 * ((performance.now() - started) / count);
        race.racers.forEach((r, i) => {
          const series = losses.get(r.name)!;
          for (const [x, y] of r.trail.slice(before[i]!)) series.push(surface.value(x, y) - surface.minimum);
        });
        draw();
        return race.step < SURFACE_STEPS;
      },
      stepsPerFrame: () => {
        const speed = Number(settings['speed']) || 1;
        return mainThread ? Math.max(1, Math.min(speed, Math.floor(30 / msPerStep))) : speed;
      },
      applySettings(next) {
        settings = next;
        draw();
      },
      summary() {
        const leader = [...race.racers].filter((r) => r.enabled && !r.diverged).sort((a, b) => a.loss - b.loss)[0];
        const diverged = race.racers.filter((r) => r.diverged).map((r) => OPTIMIZER_LABELS[r.name]);
        return `${surface.label}, step ${race.step}. ${leader ? `Lowest: ${OPTIMIZER_LABELS[leader.name]} at f = ${leader.loss.toPrecision(4)} (minimum ${surface.minimum.toPrecision(4)}).` : 'No optimizer is running.'}${diverged.length ? ` Diverged: ${diverged.join(', ')}.` : ''}`;
      },
      exportData() {
        const rows: (string | number)[][] = [];
        for (const r of race.racers) r.trail.forEach(([x, y], step) => rows.push([r.name, step, x, y, surface.value(x, y)]));
        return {
          csv: toCsv(['optimizer', 'step', 'x', 'y', 'f'], rows),
          json: { problem, start, racers: race.racers.map((r) => ({ name: r.name, hyper: racers().find((s) => s.name === r.name)?.hyper, steps: r.steps, diverged: r.diverged, reachedAt: r.reachedAt ?? null, trail: r.trail })) },
        };
      },
      figure: () => plot.svg,
      dispose: () => race.dispose(),
    };
  }

  context.say('Loading MNIST digits…');
  const data = await loadMnist(context.base, (loaded) => context.say(`Loading MNIST digits… ${(loaded / 1e6).toFixed(1)} MB`));
  const race: MlpRace = createMlpRace({
    tf: context.tf,
    images: data.images,
    labels: data.labels,
    trainCount: data.manifest.trainCount,
    hidden: 32,
    batchSize: 64,
    seed: Number(settings['seed']) || 0,
    settings: racers,
    yieldBetweenRacers: context.backend === 'wasm' || context.backend === 'cpu',
  });
  figure.textContent = '';
  const chartWidth = fitWidth(figure, 300, 620);
  const chart = createLineChart(figure, { width: chartWidth, height: Math.round(chartWidth * 0.55), xLabel: 'minibatch step', yLabel: 'training loss (smoothed)', label: 'Training loss of the MLP for each optimizer' });
  const smoothed = new Map<OptimizerName, number[]>(OPTIMIZERS.map((name) => [name, []]));
  chartBox.textContent = `784 → 32 → 10 MLP, minibatches of 64 from ${data.manifest.trainCount} training digits; all optimizers start from the same weights and see the same batches.`;
  const draw = () => {
    chart.update(race.racers.filter((r) => r.enabled).map((r) => ({ label: r.name, color: color(r.name), values: smoothed.get(r.name) ?? [], dashed: r.diverged })));
    renderLeaderboard(board, race.racers.map((r): LeaderboardRow => ({
      name: r.name,
      label: OPTIMIZER_LABELS[r.name],
      color: color(r.name),
      loss: r.smoothed,
      steps: r.steps,
      reachedAt: r.reachedAt,
      diverged: r.diverged,
      enabled: r.enabled,
    })), `loss < ${race.target}`);
  };
  draw();
  context.say('');
  return {
    async advance(steps) {
      await race.advance(Math.min(steps, MLP_STEPS - race.step));
      for (const r of race.racers) smoothed.get(r.name)!.push(r.smoothed);
      draw();
      return race.step < MLP_STEPS;
    },
    // On main-thread backends one step (six forward/backward passes) already fills a frame.
    stepsPerFrame: () => (context.backend === 'wasm' || context.backend === 'cpu' ? 1 : Math.min(4, Number(settings['speed']) || 1)),
    applySettings(next) {
      settings = next;
      draw();
    },
    summary() {
      const leader = [...race.racers].filter((r) => r.enabled && !r.diverged && Number.isFinite(r.smoothed)).sort((a, b) => a.smoothed - b.smoothed)[0];
      return `MLP on MNIST, step ${race.step}. ${leader ? `Lowest smoothed loss: ${OPTIMIZER_LABELS[leader.name]} at ${leader.smoothed.toFixed(3)}.` : ''}`;
    },
    exportData() {
      const rows: (string | number)[][] = [];
      for (const r of race.racers) r.losses.forEach((loss, step) => rows.push([r.name, step + 1, loss]));
      return {
        csv: toCsv(['optimizer', 'step', 'loss'], rows),
        json: { problem, seed: settings['seed'], racers: race.racers.map((r) => ({ name: r.name, hyper: racers().find((s) => s.name === r.name)?.hyper, diverged: r.diverged, reachedAt: r.reachedAt ?? null, losses: r.losses })) },
      };
    },
    figure: () => chart.svg,
    dispose: () => race.dispose(),
  };
}

/** Draw at the container's real width, so text in the SVG keeps its size. */
function fitWidth(container: HTMLElement, min: number, max: number): number {
  return Math.round(Math.min(max, Math.max(min, container.clientWidth || max)));
}

function clamp(value: number, [lo, hi]: [number, number]): number {
  return Number.isFinite(value) ? Math.min(hi, Math.max(lo, value)) : (lo + hi) / 2;
}
