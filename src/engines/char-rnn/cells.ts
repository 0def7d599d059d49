/**
 * The three recurrent cells and their parameters, in one layout shared by the tfjs model, the
 * plain-TypeScript reference, the weights file and the tests. Per layer l (input size D: the
 * vocabulary for layer 0, H above it) and gates G (RNN 1, LSTM 4, GRU 3):
 *   l{l}.Wx [D, G·H], l{l}.Wh [H, G·H] (GRU: [H, 2H] for r and z, plus l{l}.Wc [H, H]), l{l}.b [G·H];
 * then the read-out Wy [H, V], by [V]. Row vectors times matrices (x·W), as tfjs multiplies.
 * Gate order: LSTM i, f, o, g; GRU r, z, candidate.
 */
import { normalArray, type ParamSpec, type ParamValues } from '../params.ts';
import { createRandom } from '../random.ts';

export type CellKind = 'rnn' | 'lstm' | 'gru';
export const CELL_KINDS: readonly CellKind[] = ['rnn', 'lstm', 'gru'];
export const GATES: Record<CellKind, number> = { rnn: 1, lstm: 4, gru: 3 };

export interface ModelShape {
  cell: CellKind;
  layers: number;
  hidden: number;
  vocab: number;
}

export function paramSpecs(shape: ModelShape): ParamSpec[] {
  const { cell, layers, hidden: H, vocab: V } = shape;
  const G = GATES[cell];
  const specs: ParamSpec[] = [];
  for (let l = 0; l < layers; l++) {
    const D = l === 0 ? V : H;
    specs.push({ name: `l${l}.Wx`, shape: [D, G * H] });
    specs.push({ name: `l${l}.Wh`, shape: [H, (cell === 'gru' ? 2 : G) * H] });
    if (cell === 'gru') specs.push({ name: `l${l}.Wc`, shape: [H, H] });
    specs.push({ name: `l${l}.b`, shape: [G * H] });
  }
  specs.push({ name: 'Wy', shape: [H, V] }, { name: 'by', shape: [V] });
  return specs;
}

export interface InitOptions {
  seed: number;
  /** Initial bias of the LSTM's forget gate (1 keeps the cell by default; 0 is the plain start). */
  forgetBias?: number;
  /** Standard deviation of every weight, as a multiple of 1/√(fan-in) (default 1). */
  scale?: number;
}

/** Seeded initial values: weights N(0, scale²/fan-in), biases zero except the LSTM forget gate. */
export function initialParams(shape: ModelShape, options: InitOptions): ParamValues {
  const random = createRandom(options.seed);
  const scale = options.scale ?? 1;
  const values: ParamValues = {};
  for (const spec of paramSpecs(shape)) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    if (spec.shape.length === 1) {
      const bias = new Float32Array(size);
      if (shape.cell === 'lstm' && spec.name.endsWith('.b')) bias.fill(options.forgetBias ?? 1, shape.hidden, 2 * shape.hidden);
      values[spec.name] = bias;
    } else {
      // One-hot inputs select a single row of Wx: its fan-in is 1, not the vocabulary size.
      const fanIn = spec.name === 'l0.Wx' ? 1 : spec.shape[0]!;
      values[spec.name] = normalArray(random, size, (spec.name === 'l0.Wx' ? 0.1 : scale) / Math.sqrt(fanIn));
    }
  }
  return values;
}

export function stateCount(cell: CellKind): number {
  return cell === 'lstm' ? 2 : 1;
}
