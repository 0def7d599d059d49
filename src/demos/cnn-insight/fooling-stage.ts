/**
 * The fooling-image demo: gradient-sign ascent on a test digit toward a target class, a few steps
 * per frame, showing the perturbation and the probabilities as they change (Szegedy et al. 2014;
 * Goodfellow et al. 2015).
 */
import { createFoolingRun, type FoolingState } from '../../engines/cnn/fooling.ts';
import { toCsv } from '../export.ts';
import type { SettingsOf } from '../settings.ts';
import type { FOOLING_SPEC } from './spec.ts';
import type { InsightStage, StageContext } from './stage.ts';
import { describeFooling, percent } from './summary.ts';

export async function createFoolingStage(s: StageContext<SettingsOf<typeof FOOLING_SPEC>>): Promise<InsightStage> {
  const { target, stepSize, maxSteps, confidence } = s.settings;
  const run = await createFoolingRun(s.tf, s.params, s.digit.pixels, { target, stepSize, confidence, signal: s.signal });
  const history: { step: number; probability: number; linf: number }[] = [];
  if (target === s.digit.label) s.say(`The target is this digit’s own label (${target}): pick another target to fool the network.`);
  const draw = (state: FoolingState) => {
    history.push({ step: state.steps, probability: state.probabilities[target]!, linf: state.linf });
    const scale = Math.max(state.linf, 1e-3);
    s.panels.update([
      { title: 'Input', note: `test digit ${s.digit.number} · label ${s.digit.label} · predicted ${s.predicted}`, raster: { values: s.digit.pixels, width: 28, height: 28, colorMap: 'grey', max: 1 } },
      { title: `δ, step ${state.steps}`, note: `‖δ‖∞ = ${state.linf.toFixed(3)} · ‖δ‖₂ = ${state.l2.toFixed(2)} · red +, blue −`, raster: { values: state.perturbation, width: 28, height: 28, colorMap: 'diverging', max: scale } },
      { title: 'Input + δ', note: `predicted ${state.predicted} · p(${target}) = ${percent(state.probabilities[target]!)}`, raster: { values: state.pixels, width: 28, height: 28, colorMap: 'grey', max: 1 } },
    ], { probabilities: state.probabilities, scores: state.scores, marked: target });
  };
  draw(run.state);
  const finished = () => run.state.fooled || run.state.steps >= maxSteps;
  return {
    async advance(steps) {
      if (finished()) return false;
      draw(await run.step(Math.min(steps, maxSteps - run.state.steps)));
      return !finished();
    },
    stepsPerFrame: () => (s.mainThread ? 2 : 4),
    summary: () => describeFooling({ digit: s.digit, target, stepSize, maxSteps, state: run.state }),
    exportData() {
      const state = run.state;
      return {
        csv: toCsv(['step', 'target_probability', 'linf'], history.map((h) => [h.step, h.probability, h.linf])),
        json: { digit: s.digit.number, label: s.digit.label, target, stepSize, steps: state.steps, fooled: state.fooled, probabilities: Array.from(state.probabilities), perturbation: Array.from(state.perturbation), history },
      };
    },
    dispose: () => run.dispose(),
  };
}
