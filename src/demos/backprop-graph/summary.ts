/**
 * What each step of the backprop graph says, in the lecture's words: the gate's forward
 * arithmetic, or its upstream gradient, local gradients and chain-rule products, with the gate's
 * pattern named where it is one of the lecture's three. Pure functions of the graph and step.
 */
import type { Evaluation, Graph, GraphNode } from '../../engines/backprop/graph.ts';
import type { InputCheck } from '../../engines/backprop/gradient-check.ts';
import type { StepView } from './stepper.ts';

export const GATE_PATTERNS: Partial<Record<GraphNode['kind'], string>> = {
  add: 'add gate: distributes the upstream gradient unchanged to every input',
  mul: 'multiply gate: each input gets the upstream gradient times the other input',
  max: 'max gate: routes the whole gradient to the larger input',
};

/** A number as the notes print it: up to 4 significant digits, a true minus sign. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const text = Math.abs(value) >= 1e-3 || value === 0 ? String(Number(value.toPrecision(4))) : value.toExponential(2);
  return text.replace(/^-/, '−');
}

function forwardFormula(node: GraphNode, args: string[]): string {
  const [a = '', b = ''] = args;
  switch (node.kind) {
    case 'add': return `${a} + ${b}`;
    case 'sub': return `${a} − ${b}`;
    case 'mul': return `${a} × ${b}`;
    case 'div': return `${a} ÷ ${b}`;
    case 'neg': return `−(${a})`;
    case 'max': return `max(${a}, ${b})`;
    case 'exp': return `exp(${a})`;
    case 'log': return `log(${a})`;
    case 'sigmoid': return `σ(${a})`;
    case 'tanh': return `tanh(${a})`;
    case 'relu': return `max(0, ${a})`;
    default: return node.label;
  }
}

export function describeStep(graph: Graph, evaluation: Evaluation, view: StepView, names: string[], checks: InputCheck[]): string {
  if (view.phase === 'start') {
    const given = graph.inputs.map((name) => `${name} = ${formatValue(evaluation.values[graph.nodes.find((n) => n.kind === 'input' && n.label === name)!.id]!)}`);
    return `Inputs: ${given.join(', ')}. Step through the forward pass, then the backward pass.`;
  }
  if (view.phase === 'done') {
    const gradients = graph.inputs.map((name) => `∂f/∂${name} = ${formatValue(evaluation.inputGradients[name]!)}`);
    const worst = Math.max(0, ...checks.map((c) => c.relativeError));
    return `Done: f = ${formatValue(evaluation.values.at(-1)!)}; ${gradients.join(', ')}. Centred differences agree to a relative error of ${worst.toExponential(1)} at most.`;
  }
  const node = graph.nodes[view.active!]!;
  const argNames = node.args.map((id) => names[id]!);
  const argValues = node.args.map((id) => formatValue(evaluation.values[id]!));
  const gate = `${node.label} gate`;
  if (view.phase === 'forward') {
    return `Forward ${view.index} of ${view.gates}: ${gate}, ${names[node.id]} = ${forwardFormula(node, argNames)} = ${forwardFormula(node, argValues)} = ${formatValue(evaluation.values[node.id]!)}.`;
  }
  const upstream = evaluation.gradients[node.id]!;
  const shares = evaluation.edges
    .filter((edge) => edge.to === node.id && graph.nodes[edge.from]!.kind !== 'const')
    .map((edge) => `${names[edge.from]} gets ${formatValue(upstream)} × ${formatValue(edge.local)} = ${formatValue(edge.product)}`);
  const pattern = GATE_PATTERNS[node.kind];
  return `Backward ${view.index} of ${view.gates}: ${gate}${pattern ? ` (${pattern})` : ''}. Upstream ∂f/∂${names[node.id]} = ${formatValue(upstream)}; ${shares.join('; ')}.`;
}
