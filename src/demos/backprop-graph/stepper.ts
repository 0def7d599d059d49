/**
 * Stepping through a graph the way the lecture does: the inputs are given, then one gate at a
 * time computes its value (forward), then one gate at a time, from the output back, sends its
 * upstream gradient times each local gradient to its inputs (backward). Step k of 2 × gates.
 */
import type { Evaluation, Graph } from '../../engines/backprop/graph.ts';

export interface StepView {
  phase: 'start' | 'forward' | 'backward' | 'done';
  /** The gate this step computed (forward) or backpropagated through (backward). */
  active: number | undefined;
  /** The step's number within its phase, from 1, and the phase's length. */
  index: number;
  gates: number;
  valueShown: boolean[];
  /** A node's gradient is shown once every gate that reads it has sent its share. */
  gradientShown: boolean[];
  /** Edges (by `${from}>${to}`) whose gradient has been sent. */
  edgeGradientShown: Set<string>;
}

/** Ids of the gates (nodes with arguments), in forward order. */
export function gatesOf(graph: Graph): number[] {
  return graph.nodes.filter((node) => node.args.length > 0).map((node) => node.id);
}

export function totalSteps(graph: Graph): number {
  return 2 * gatesOf(graph).length;
}

export function stepView(graph: Graph, step: number): StepView {
  const gates = gatesOf(graph);
  const count = gates.length;
  const k = Math.max(0, Math.min(step, 2 * count));
  const valueShown = graph.nodes.map((node) => node.args.length === 0);
  gates.slice(0, Math.min(k, count)).forEach((id) => (valueShown[id] = true));
  const backwardDone = Math.max(0, k - count);
  const processed = new Set(gates.slice(count - backwardDone).reverse());
  const output = graph.nodes.length - 1;
  const consumers = graph.nodes.map(() => [] as number[]);
  for (const node of graph.nodes) for (const arg of new Set(node.args)) consumers[arg]!.push(node.id);
  const gradientShown = graph.nodes.map((node) => (k > count ? node.id === output || (consumers[node.id]!.length > 0 && consumers[node.id]!.every((c) => processed.has(c))) : false));
  const edgeGradientShown = new Set<string>();
  for (const id of processed) for (const arg of graph.nodes[id]!.args) edgeGradientShown.add(`${arg}>${id}`);
  const phase = k === 0 ? 'start' : k <= count ? 'forward' : k < 2 * count ? 'backward' : 'done';
  const active = k === 0 ? undefined : k <= count ? gates[k - 1] : gates[2 * count - k];
  return { phase, active, index: k <= count ? k : k - count, gates: count, valueShown, gradientShown, edgeGradientShown };
}

/** Names for the nodes in text and labels: inputs by name, the output f, others q, r, s, … */
export function nodeNames(graph: Graph): string[] {
  const taken = new Set(graph.inputs);
  const pool = 'qrstuvpabcdeghjklmno'.split('').filter((letter) => !taken.has(letter) && letter !== 'f');
  let next = 0;
  return graph.nodes.map((node, id) => {
    if (node.kind === 'input') return node.label;
    if (node.kind === 'const') return node.label;
    if (id === graph.nodes.length - 1) return 'f';
    return pool[next++] ?? `n${id}`;
  });
}

export type { Evaluation };
