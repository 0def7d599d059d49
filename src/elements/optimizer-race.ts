/** <optimizer-race>: the optimizer race demo (Lectures 3 and 7). */
import { DemoElement } from './demo-element.ts';
import type { Settings } from '../demos/settings.ts';
import { LEARNING_RATE_PRESETS, OPTIMIZER_RACE_SPEC, isProblem } from '../demos/optimizer-race/spec.ts';
import { SURFACES, isSurfaceId } from '../engines/optimizers/surfaces.ts';
import { OPTIMIZERS } from '../engines/optimizers/update-rules.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class OptimizerRaceElement extends DemoElement<typeof OPTIMIZER_RACE_SPEC> {
  protected readonly spec = OPTIMIZER_RACE_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof OPTIMIZER_RACE_SPEC>> {
    return (await import('../demos/optimizer-race/run.ts')).createOptimizerRaceRun;
  }

  /** Start point only for surfaces, seed only for the MLP. */
  protected override onSettingsShown(settings: Settings): void {
    const kind = isSurfaceId(settings['problem']) ? 'surface' : 'mlp';
    this.querySelectorAll<HTMLElement>('[data-when]').forEach((element) => {
      element.hidden = element.dataset['when'] !== kind;
    });
  }

  /** A new problem brings its own learning rates and start point. */
  protected override adjustSettings(changed: string, next: Settings): Settings {
    const problem = next['problem'];
    if (changed !== 'problem' || !isProblem(problem)) return next;
    const adjusted: Settings = { ...next };
    for (const name of OPTIMIZERS) adjusted[`${name}.lr`] = LEARNING_RATE_PRESETS[problem][name];
    if (isSurfaceId(problem)) {
      adjusted['startX'] = SURFACES[problem].start[0];
      adjusted['startY'] = SURFACES[problem].start[1];
    }
    return adjusted;
  }
}

if (!customElements.get('optimizer-race')) customElements.define('optimizer-race', OptimizerRaceElement);
