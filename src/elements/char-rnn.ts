/** <char-rnn>: a character-level RNN, LSTM or GRU trained in the page on the notes or the reader's text (Lecture 10). */
import { DemoElement } from './demo-element.ts';
import type { CharRnnKept } from '../demos/char-rnn/controls.ts';
import { CHAR_RNN_SPEC } from '../demos/char-rnn/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class CharRnnElement extends DemoElement<typeof CHAR_RNN_SPEC> {
  protected readonly spec = CHAR_RNN_SPEC;
  /** The reader's text and opened weights outlive a run (Reset or a new setting builds a new one). */
  readonly #kept: CharRnnKept = { text: '' };

  protected async loadRun(): Promise<CreateDemoRun<typeof CHAR_RNN_SPEC>> {
    const { createCharRnnRun } = await import('../demos/char-rnn/run.ts');
    return (context) => createCharRnnRun(context, this.#kept);
  }
}

if (!customElements.get('char-rnn')) customElements.define('char-rnn', CharRnnElement);
