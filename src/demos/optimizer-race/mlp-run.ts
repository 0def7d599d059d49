/** The optimizer race on a small MLP trained on MNIST: smoothed loss curves and the leaderboard. */
import { loadMnist } from '../../data/mnist-loader.ts';
import { createMlpRace } from '../../engines/optimizer-race/mlp-race.ts';
import { OPTIMIZERS, type OptimizerName } from '../../engines/optimizers/update-rules.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createLineChart } from '../../views/line-chart.ts';
import { renderLeaderboard } from '../../views/optimizer-race/leaderboard.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { racerSettings } from './racers.ts';
import type { OPTIMIZER_RACE_SPEC } from './spec.ts';
import { describeMlpRace, leaderboardRows, mlpExport, racerColor } from './summary.ts';
import type { RaceParts } from './surface-run.ts';

const MLP_STEPS = 1500;
type Spec = typeof OPTIMIZER_RACE_SPEC;

export async function createMlpRaceRun(context: DemoContext<Spec>, { figure, chartBox, board }: RaceParts): Promise<DemoRun<Spec>> {
  let settings = context.settings;
  const racers = () => racerSettings(settings);
  context.say('Loading MNIST digits…');
  const data = await loadMnist(context.base, (loaded) => context.say(`Loading MNIST digits… ${(loaded / 1e6).toFixed(1)} MB`));
  context.signal.throwIfAborted();
  const race = createMlpRace({
    tf: context.tf,
    images: data.images,
    labels: data.labels,
    trainCount: data.manifest.trainCount,
    hidden: 32,
    batchSize: 64,
    seed: settings.seed,
    settings: racers,
    signal: context.signal,
  });
  figure.textContent = '';
  const chartWidth = fitWidth(figure, 300, 620);
  const chart = createLineChart(figure, { width: chartWidth, height: Math.round(chartWidth * 0.55), xLabel: 'minibatch step', yLabel: 'training loss (smoothed)', label: 'Training loss of the MLP for each optimizer' });
  const smoothed = new Map<OptimizerName, number[]>(OPTIMIZERS.map((name) => [name, []]));
  chartBox.textContent = `784 → 32 → 10 MLP, minibatches of 64 from ${data.manifest.trainCount} training digits; all optimizers start from the same weights and see the same batches.`;
  const draw = () => {
    chart.update(race.racers.filter((r) => r.enabled).map((r) => ({ label: r.name, color: racerColor(r.name), values: smoothed.get(r.name) ?? [], dashed: r.diverged })));
    renderLeaderboard(board, leaderboardRows(race.racers, (r) => r.smoothed), `loss < ${race.target}`);
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
    stepsPerFrame: () => (context.mainThread ? 1 : Math.min(4, settings.speed)),
    applySettings(next) {
      settings = next;
      draw();
    },
    summary: () => describeMlpRace(race.step, race.racers),
    exportData: () => mlpExport(settings.problem, settings.seed, race.racers, racers()),
    figure: () => chart.svg,
    dispose: () => race.dispose(),
  };
}
