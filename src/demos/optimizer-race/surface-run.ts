/** The optimizer race on a 2-D surface: contour plot with the paths, loss chart, leaderboard. */
import { createSurfaceRace } from '../../engines/optimizer-race/surface-race.ts';
import { OPTIMIZERS, type OptimizerName } from '../../engines/optimizers/update-rules.ts';
import type { Surface } from '../../engines/optimizers/surfaces.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createLineChart } from '../../views/line-chart.ts';
import { renderLeaderboard } from '../../views/optimizer-race/leaderboard.ts';
import { createSurfacePlot } from '../../views/optimizer-race/surface-plot.ts';
import { createFrameBudget } from '../frame-budget.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { racerSettings } from './racers.ts';
import type { OPTIMIZER_RACE_SPEC } from './spec.ts';
import { describeSurfaceRace, leaderboardRows, racerColor, startPoint, surfaceExport } from './summary.ts';

const SURFACE_STEPS = 3000;
type Spec = typeof OPTIMIZER_RACE_SPEC;

export interface RaceParts {
  figure: HTMLElement;
  chartBox: HTMLElement;
  board: HTMLTableSectionElement;
}

export function createSurfaceRaceRun(context: DemoContext<Spec>, surface: Surface, { figure, chartBox, board }: RaceParts): DemoRun<Spec> {
  let settings = context.settings;
  const racers = () => racerSettings(settings);
  const start = startPoint(settings.startX, settings.startY, surface);
  const race = createSurfaceRace({ tf: context.tf, surface, start, settings: racers, signal: context.signal });
  const width = fitWidth(figure, 300, 620);
  const plot = createSurfacePlot(figure, surface, {
    width,
    height: Math.round(width * 0.72),
    onPick: (x, y) => context.setSettings({ startX: x, startY: y }),
  });
  const chart = createLineChart(chartBox, { width: fitWidth(chartBox, 260, 420), height: 190, xLabel: 'step', yLabel: 'f − f*', log: true, label: 'Loss above the minimum for each optimizer, log scale' });
  const losses = new Map<OptimizerName, number[]>(OPTIMIZERS.map((name) => [name, [race.racers[0]!.loss - surface.minimum]]));
  const draw = () => {
    plot.update(race.racers.map((r) => ({ label: r.name, color: racerColor(r.name), trail: r.trail, diverged: r.diverged, enabled: r.enabled })));
    chart.update(race.racers.filter((r) => r.enabled).map((r) => ({ label: r.name, color: racerColor(r.name), values: losses.get(r.name) ?? [], dashed: r.diverged })));
    renderLeaderboard(board, leaderboardRows(race.racers, (r) => r.loss - surface.minimum), `f − f* < ${surface.tolerance}`);
  };
  draw();
  // On main-thread backends a frame's steps run on the page's thread: about 30 ms of them.
  const budget = createFrameBudget({ mainThread: context.mainThread, budgetMs: 30 });

  return {
    async advance(steps) {
      const before = race.racers.map((r) => r.trail.length);
      const count = Math.min(steps, SURFACE_STEPS - race.step);
      await budget.measure(count, () => race.advance(count));
      race.racers.forEach((r, i) => {
        const series = losses.get(r.name)!;
        for (const [x, y] of r.trail.slice(before[i]!)) series.push(surface.value(x, y) - surface.minimum);
      });
      draw();
      return race.step < SURFACE_STEPS;
    },
    stepsPerFrame: () => budget.steps(settings.speed),
    applySettings(next) {
      settings = next;
      draw();
    },
    summary: () => describeSurfaceRace(surface, race.step, race.racers),
    exportData: () => surfaceExport(settings.problem, start, race.racers, racers(), (x, y) => surface.value(x, y)),
    figure: () => plot.svg,
    dispose: () => race.dispose(),
  };
}
