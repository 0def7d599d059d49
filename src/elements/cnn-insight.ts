/**
 * <cnn-insight>: what the ConvNet sees (Lecture 12). One element type for three demos, told
 * apart by data-demo: cnn-saliency, cnn-occlusion, cnn-fooling, each with its own settings.
 */
import { DemoElement } from './demo-element.ts';
import { INSIGHT_SPECS, isInsightTool, type InsightSpec } from '../demos/cnn-insight/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class CnnInsightElement extends DemoElement<InsightSpec> {
  protected get spec(): InsightSpec {
    const tool = this.dataset['demo'];
    // An element with an unknown id has no settings; its run stops with "unknown demo <id>".
    return isInsightTool(tool) ? INSIGHT_SPECS[tool] : ({} as InsightSpec);
  }

  protected async loadRun(): Promise<CreateDemoRun<InsightSpec>> {
    return (await import('../demos/cnn-insight/run.ts')).createInsightRun;
  }
}

if (!customElements.get('cnn-insight')) customElements.define('cnn-insight', CnnInsightElement);
