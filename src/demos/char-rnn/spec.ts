/** Settings of the char-RNN demo (shell, element and URL hash share this declaration). */
import { decaySetting } from '../decay-setting.ts';
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'char-rnn';
/** Printable text: no control characters other than tab and newline. */
const PRIME_PATTERN = /^[^\u0000-\u0008\u000b-\u001f\u007f]*$/u;

export const CHAR_RNN_SPEC = defineSettings({
  corpus: {
    kind: 'choice',
    label: 'Train on',
    options: [
      { value: 'notes', label: 'These notes (prose, math, code)' },
      { value: 'text', label: 'Your text (below)' },
    ],
    default: 'notes',
    restarts: true,
  },
  cell: {
    kind: 'choice',
    label: 'Cell',
    options: [
      { value: 'lstm', label: 'LSTM' },
      { value: 'gru', label: 'GRU' },
      { value: 'rnn', label: 'Vanilla RNN (tanh)' },
    ],
    default: 'lstm',
    restarts: true,
  },
  layers: { kind: 'int', label: 'Layers', min: 1, max: 2, default: 1, restarts: true },
  hidden: { kind: 'int', label: 'Hidden size H', min: 8, max: 256, default: 128, restarts: true, help: 'h_t ∈ ℝ^H (and c_t for the LSTM)' },
  seqLength: { kind: 'int', label: 'BPTT length T', min: 5, max: 200, default: 25, restarts: true, help: 'L = mean over T steps of −log p(next char); the state carries on, its gradient stops' },
  batch: { kind: 'int', label: 'Streams B', min: 1, max: 64, default: 64, restarts: true, help: 'The text is read as B parallel streams' },
  lr: { kind: 'number', label: 'Learning rate α (Adam)', min: 1e-5, max: 0.1, step: 1e-4, default: 0.02, help: 'W ← W − α_t·m̂/(√v̂ + ε), α_t from α by the decay below' },
  decay: decaySetting('the training steps'),
  clip: { kind: 'number', label: 'Clip gradient norm at', min: 0, max: 100, step: 0.5, default: 5, help: 'g ← g · min(1, clip / ‖g‖); 0 turns clipping off' },
  temperature: { kind: 'number', label: 'Temperature', min: 0.1, max: 2, step: 0.05, default: 0.7, help: 'p ∝ exp(y / T)' },
  prime: { kind: 'text', label: 'Start the sample with', pattern: PRIME_PATTERN, maxLength: 200, default: 'The gradient ', help: 'The model reads this first' },
  sampleLength: { kind: 'int', label: 'Sample length', min: 20, max: 1000, default: 240 },
  unit: { kind: 'int', label: 'Unit coloured', min: 0, max: 255, default: 0, help: 'Which entry of the top layer to colour over the passage' },
  state: {
    kind: 'choice',
    label: 'Colour by',
    options: [
      { value: 'c', label: 'cell state c (LSTM)' },
      { value: 'h', label: 'hidden state h' },
    ],
    default: 'c',
  },
  passage: { kind: 'int', label: 'Passage length', min: 40, max: 2000, default: 320, help: 'Characters of held-out text the unit is coloured over' },
  heldOut: { kind: 'int', label: 'Held-out characters scored', min: 500, max: 100000, default: 6000, help: 'Each held-out measurement reads this many characters (at most the whole held-out text)' },
  steps: { kind: 'int', label: 'Training steps', min: 1, max: 100000, default: 3000, restarts: true, help: 'S: training stops here, and the cosine decay reaches 0 here' },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 1, restarts: true, help: 'Initial weights and samples' },
});

export type CharRnnSettings = import('../settings.ts').SettingsOf<typeof CHAR_RNN_SPEC>;
