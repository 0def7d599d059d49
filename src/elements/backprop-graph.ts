/** <backprop-graph>: a computational graph stepped forward and backward (Lecture 4). */
import { DemoElement } from './demo-element.ts';
import type { Settings } from '../demos/settings.ts';
import { BACKPROP_GRAPH_SPEC, adjustBackpropSettings } from '../demos/backprop-graph/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class BackpropGraphElement extends DemoElement<typeof BACKPROP_GRAPH_SPEC> {
  protected readonly spec = BACKPROP_GRAPH_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof BACKPROP_GRAPH_SPEC>> {
    return (await import('../demos/backprop-graph/run.ts')).createBackpropGraphRun;
  }

  protected override adjustSettings(changed: string, next: Settings): Settings {
    return adjustBackpropSettings(changed, next);
  }
}

if (!customElements.get('backprop-graph')) customElements.define('backprop-graph', BackpropGraphElement);
