/** <rnn-gradient-flow>: how far back a loss's gradient reaches in a tanh RNN and an LSTM (Lecture 10). */
import { DemoElement } from './demo-element.ts';
import { FLOW_SPEC } from '../demos/rnn-gradient-flow/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class RnnGradientFlowElement extends DemoElement<typeof FLOW_SPEC> {
  protected readonly spec = FLOW_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof FLOW_SPEC>> {
    return (await import('../demos/rnn-gradient-flow/run.ts')).createFlowRun;
  }
}

if (!customElements.get('rnn-gradient-flow')) customElements.define('rnn-gradient-flow', RnnGradientFlowElement);
