/**
 * One run of the optimizer race: the chosen problem, a 2-D surface (surface-run.ts) or the MLP on
 * MNIST (mlp-run.ts), drawn with its leaderboard. Created by <optimizer-race> when the demo nears
 * the viewport; context.signal stops its steps when the run ends (reset, backend change, removal).
 */
import { SURFACES, isSurfaceId } from '../../engines/optimizers/surfaces.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { createMlpRaceRun } from './mlp-run.ts';
import type { OPTIMIZER_RACE_SPEC } from './spec.ts';
import { createSurfaceRaceRun, type RaceParts } from './surface-run.ts';

type Spec = typeof OPTIMIZER_RACE_SPEC;

export async function createOptimizerRaceRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  const parts: RaceParts = {
    figure: context.part('[data-figure]'),
    chartBox: context.part('[data-chart]'),
    board: context.part<HTMLTableSectionElement>('[data-leaderboard]'),
  };
  parts.figure.replaceChildren();
  parts.chartBox.replaceChildren();
  const { problem } = context.settings;
  return isSurfaceId(problem) ? createSurfaceRaceRun(context, SURFACES[problem], parts) : createMlpRaceRun(context, parts);
}
