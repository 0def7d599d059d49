/**
 * A computational graph in float64 (Lecture 4): built from an expression, evaluated forward node
 * by node, then backpropagated: every node's gradient is the sum over the edges leaving it of
 * upstream gradient × local gradient (the chain rule). An input used twice has two edges, and
 * its gradients add. Each gate's local gradients follow the lecture's patterns: add distributes,
 * multiply swaps, max routes.
 */
import { inputNames, type Expression } from './expression.ts';

export type NodeKind = 'input' | 'const' | 'add' | 'sub' | 'mul' | 'div' | 'neg' | 'max' | 'exp' | 'log' | 'sigmoid' | 'tanh' | 'relu';

export interface GraphNode {
  id: number;
  kind: NodeKind;
  /** Input nodes this one reads, in argument order (ids are smaller: the list is topological). */
  args: number[];
  /** The input's name or the constant's value, for labels. */
  label: string;
  constant?: number;
}

export interface Graph {
  /** Nodes in topological order; the last is the output. */
  nodes: GraphNode[];
  inputs: string[];
}

export interface Edge {
  from: number;
  to: number;
  /** ∂to/∂from at the forward values. */
  local: number;
  /** The gradient arriving at `to` from the output, ∂f/∂to. */
  upstream: number;
  /** upstream × local: what this edge contributes to ∂f/∂from. */
  product: number;
}

export interface Evaluation {
  values: Float64Array;
  /** ∂f/∂node for every node. */
  gradients: Float64Array;
  /** Every edge with its chain-rule product, in backward order (output first). */
  edges: Edge[];
  /** ∂f/∂input by input name. */
  inputGradients: Record<string, number>;
}

export function buildGraph(tree: Expression): Graph {
  const nodes: GraphNode[] = [];
  const inputIds = new Map<string, number>();
  const add = (node: Omit<GraphNode, 'id'>) => nodes.push({ ...node, id: nodes.length }) - 1;
  const visit = (expression: Expression): number => {
    switch (expression.kind) {
      case 'number':
        return add({ kind: 'const', args: [], label: formatNumber(expression.value), constant: expression.value });
      case 'input': {
        const known = inputIds.get(expression.name);
        if (known !== undefined) return known;
        const id = add({ kind: 'input', args: [], label: expression.name });
        inputIds.set(expression.name, id);
        return id;
      }
      case 'add':
      case 'sub':
      case 'mul':
      case 'div':
      case 'max': {
        const left = visit(expression.left);
        const right = visit(expression.right);
        return add({ kind: expression.kind, args: [left, right], label: GATE_SYMBOLS[expression.kind] });
      }
      default: {
        const arg = visit(expression.arg);
        return add({ kind: expression.kind, args: [arg], label: GATE_SYMBOLS[expression.kind] });
      }
    }
  };
  visit(tree);
  return { nodes, inputs: inputNames(tree) };
}

export const GATE_SYMBOLS: Record<Exclude<NodeKind, 'input' | 'const'>, string> = {
  add: '+', sub: '−', mul: '×', div: '÷', neg: '−x', max: 'max', exp: 'exp', log: 'log', sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU',
};

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The node's value from its arguments' values. */
export function forwardValue(node: GraphNode, args: number[], inputs: Record<string, number>): number {
  const [a = Number.NaN, b = Number.NaN] = args;
  switch (node.kind) {
    case 'input': return inputs[node.label] ?? Number.NaN;
    case 'const': return node.constant ?? Number.NaN;
    case 'add': return a + b;
    case 'sub': return a - b;
    case 'mul': return a * b;
    case 'div': return a / b;
    case 'neg': return -a;
    case 'max': return Math.max(a, b);
    case 'exp': return Math.exp(a);
    case 'log': return Math.log(a);
    case 'sigmoid': return sigmoid(a);
    case 'tanh': return Math.tanh(a);
    case 'relu': return Math.max(0, a);
  }
}

/** ∂node/∂arg for each argument, at the forward values (`value` is the node's own output). */
export function localGradients(node: GraphNode, args: number[], value: number): number[] {
  const [a = Number.NaN, b = Number.NaN] = args;
  switch (node.kind) {
    case 'input':
    case 'const': return [];
    case 'add': return [1, 1];
    case 'sub': return [1, -1];
    case 'mul': return [b, a];
    case 'div': return [1 / b, -a / (b * b)];
    case 'neg': return [-1];
    // A tie routes the gradient to the first argument, as max implementations do.
    case 'max': return a >= b ? [1, 0] : [0, 1];
    case 'exp': return [value];
    case 'log': return [1 / a];
    case 'sigmoid': return [(1 - value) * value];
    case 'tanh': return [1 - value * value];
    case 'relu': return [a > 0 ? 1 : 0];
  }
}

export function evaluateGraph(graph: Graph, inputs: Record<string, number>): Evaluation {
  const { nodes } = graph;
  const values = new Float64Array(nodes.length);
  for (const node of nodes) values[node.id] = forwardValue(node, node.args.map((id) => values[id]!), inputs);
  const gradients = new Float64Array(nodes.length);
  gradients[nodes.length - 1] = 1;
  const edges: Edge[] = [];
  for (let id = nodes.length - 1; id >= 0; id--) {
    const node = nodes[id]!;
    const locals = localGradients(node, node.args.map((arg) => values[arg]!), values[id]!);
    node.args.forEach((from, k) => {
      const product = gradients[id]! * locals[k]!;
      gradients[from] = gradients[from]! + product;
      edges.push({ from, to: id, local: locals[k]!, upstream: gradients[id]!, product });
    });
  }
  const inputGradients = Object.fromEntries(graph.inputs.map((name) => [name, gradients[nodes.find((n) => n.kind === 'input' && n.label === name)!.id]!]));
  return { values, gradients, edges, inputGradients };
}

/** The output f for given inputs (forward pass only): what the numeric gradient check calls. */
export function outputOf(graph: Graph, inputs: Record<string, number>): number {
  const values = new Float64Array(graph.nodes.length);
  for (const node of graph.nodes) values[node.id] = forwardValue(node, node.args.map((id) => values[id]!), inputs);
  return values[graph.nodes.length - 1]!;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}
