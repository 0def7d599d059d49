/**
 * <cnn-insight>: what the ConvNet sees (Lecture 12). One element type for three demos, told
 * apart by data-demo: cnn-saliency, cnn-occlusion, cnn-fooling, each with its own settings.
 */
import { DemoElement } from './demo-element.ts';
import { INSIGHT_SPECS, isInsightTool } from '../demos/cnn-insight/spec.ts';
import type { SettingsSpec } from '../demos/settings.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class CnnInsightElement extends DemoElement {
  protected get spec(): SettingsSpec {
    const tool = this.dataset['demo'];
    return isInsightTool(tool) ? INSIGHT_SPECS[tool] : {};
  }

  protected async loadRun(): Promise<CreateDemoRun> {
    return (await import('../demos/cnn-insight/run.ts')).createInsightRun;
  }
}

if (!customElements.get('cnn-insight')) customElements.define('cnn-insight', CnnInsightElement);
