/**
 * The backprop-graph demo's settings (Lecture 4): a circuit of the notes or the reader's own
 * expression, and the values of its inputs. A malformed expression or value list is refused
 * with the parser's message and the previous one stays.
 */
import { parseExpression } from '../../engines/backprop/expression.ts';
import { defineSettings, type Settings } from '../settings.ts';
import { parseInputValues } from './input-values.ts';

export const DEMO_ID = 'backprop-graph';

/** The notes' circuits, each with the inputs the notes use. */
export const CIRCUITS = {
  'add-multiply': { label: 'f = (x + y)·z', expression: '(x + y) * z', values: 'x=-2, y=5, z=-4' },
  'sigmoid-gates': { label: 'Sigmoid neuron, gate by gate', expression: '1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))', values: 'w0=2, x0=-1, w1=-3, x1=-2, w2=-3' },
  'sigmoid-gate': { label: 'Sigmoid neuron, one σ gate', expression: 'sigmoid(w0*x0 + w1*x1 + w2)', values: 'w0=2, x0=-1, w1=-3, x1=-2, w2=-3' },
  'max-circuit': { label: 'f = 2(xy + max(z, w))', expression: '2 * (x*y + max(z, w))', values: 'x=2, y=-1, z=4, w=1' },
} as const;
export type CircuitId = keyof typeof CIRCUITS;

const parses = (text: string): string | undefined => {
  try {
    parseExpression(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

export const BACKPROP_GRAPH_SPEC = defineSettings({
  circuit: {
    kind: 'choice',
    label: 'Circuit',
    options: [
      ...Object.entries(CIRCUITS).map(([value, circuit]) => ({ value: value as CircuitId, label: circuit.label })),
      { value: 'custom' as const, label: 'Your own expression' },
    ],
    default: 'add-multiply',
    restarts: true,
  },
  expression: {
    kind: 'text',
    label: 'Expression',
    pattern: /^[\p{L}\p{N}_\s.+\-−*×·/÷(),]*$/u,
    maxLength: 200,
    default: CIRCUITS['add-multiply'].expression,
    check: parses,
    restarts: true,
    help: '+ − × ÷, max(a, b), exp, log, sigmoid, tanh, relu over named inputs.',
  },
  values: {
    kind: 'text',
    label: 'Inputs',
    pattern: /^[\p{L}\p{N}_\s.,=+\-−eE]*$/u,
    maxLength: 300,
    default: CIRCUITS['add-multiply'].values,
    check: (text) => {
      try {
        parseInputValues(text);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },
    restarts: true,
    help: 'name=value pairs, e.g. x=-2, y=5.',
  },
});

/** A circuit brings its expression and inputs; typing an expression makes the circuit "custom". */
export function adjustBackpropSettings(changed: string, next: Settings): Settings {
  const circuit = next['circuit'];
  if (changed === 'circuit' && typeof circuit === 'string' && circuit in CIRCUITS) {
    const preset = CIRCUITS[circuit as CircuitId];
    return { ...next, expression: preset.expression, values: preset.values };
  }
  if (changed === 'expression') {
    const match = Object.entries(CIRCUITS).find(([, preset]) => preset.expression === next['expression']);
    return { ...next, circuit: match ? match[0] : 'custom' };
  }
  return next;
}
