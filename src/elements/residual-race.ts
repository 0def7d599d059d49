/** <residual-race>: a plain and a residual net of the same depth trained side by side (Lecture 9). */
import { DemoElement } from './demo-element.ts';
import { RESIDUAL_RACE_SPEC } from '../demos/residual-race/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class ResidualRaceElement extends DemoElement<typeof RESIDUAL_RACE_SPEC> {
  protected readonly spec = RESIDUAL_RACE_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof RESIDUAL_RACE_SPEC>> {
    return (await import('../demos/residual-race/run.ts')).createResidualRaceRun;
  }
}

if (!customElements.get('residual-race')) customElements.define('residual-race', ResidualRaceElement);
