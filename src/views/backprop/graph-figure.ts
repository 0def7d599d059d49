/**
 * The computational graph as the lecture draws it: inputs on the left, the output on the right,
 * each wire labelled with its forward value (above) and its gradient (below), shown as the
 * reader steps. Layout: a node's column is its depth (longest path from an input).
 */
import type { Selection } from 'd3';
import type { Evaluation, Graph } from '../../engines/backprop/graph.ts';
import { appendFigureSvg } from '../svg.ts';

export const VALUE_COLOR = '#009E73';
export const GRADIENT_COLOR = '#D55E00';

export interface GraphFigureState {
  evaluation: Evaluation;
  names: string[];
  valueShown: boolean[];
  gradientShown: boolean[];
  edgeGradientShown: Set<string>;
  active: number | undefined;
  format: (value: number) => string;
}

export interface GraphFigure {
  readonly svg: SVGSVGElement;
  update(state: GraphFigureState): void;
}

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

/**
 * Node positions: a node's level is its depth (longest path from an input); a constant sits one
 * level before the gate that reads it, not with the inputs. Wide figures run left to right as the
 * lecture draws them; narrow ones (phones) top to bottom, so the levels get the long side.
 */
export function layoutGraph(graph: Graph, width: number): { x: number[]; y: number[]; height: number; vertical: boolean } {
  const depth = graph.nodes.map(() => 0);
  for (const node of graph.nodes) depth[node.id] = node.args.length === 0 ? 0 : 1 + Math.max(...node.args.map((a) => (graph.nodes[a]!.kind === 'const' ? 0 : depth[a]!)));
  for (const node of graph.nodes) for (const arg of node.args) if (graph.nodes[arg]!.kind === 'const') depth[arg] = Math.max(0, depth[node.id]! - 1);
  const levels = Math.max(...depth) + 1;
  const rows = new Map<number, number[]>();
  for (const node of graph.nodes) rows.set(depth[node.id]!, [...(rows.get(depth[node.id]!) ?? []), node.id]);
  const widest = Math.max(...[...rows.values()].map((r) => r.length));
  const vertical = width < 560 && levels > 3;
  const across = vertical ? 74 : 78;
  const along = vertical ? 86 : (width - 120) / Math.max(1, levels - 1);
  const height = vertical ? levels * along + 20 : Math.max(160, widest * across + 40);
  const level = (d: number) => (vertical ? 40 + d * along : levels === 1 ? width / 2 : 40 + d * along);
  const middle = vertical ? width / 2 : height / 2;
  const x = graph.nodes.map(() => 0);
  const y = graph.nodes.map(() => 0);
  for (const ids of rows.values()) {
    ids.forEach((id, i) => {
      const offset = middle + (i - (ids.length - 1) / 2) * across;
      if (vertical) [x[id], y[id]] = [offset, level(depth[id]!)];
      else [x[id], y[id]] = [level(depth[id]!), offset];
    });
  }
  return { x, y, height, vertical };
}

export function createGraphFigure(container: HTMLElement, graph: Graph, width: number): GraphFigure {
  const { x, y, height, vertical } = layoutGraph(graph, width);
  const svg: Svg = appendFigureSvg(container, width, height, 'Computational graph with forward values and backward gradients on its wires');
  const edges = graph.nodes.flatMap((node) => node.args.map((from) => ({ from, to: node.id })));
  const edgeGroups = svg.append('g').selectAll('g').data(edges).join('g');
  edgeGroups.append('line').attr('x1', (e) => x[e.from]!).attr('y1', (e) => y[e.from]!).attr('x2', (e) => x[e.to]!).attr('y2', (e) => y[e.to]!).attr('stroke', 'currentColor').attr('stroke-opacity', 0.45);
  const mid = (e: { from: number; to: number }) => [(x[e.from]! + x[e.to]!) / 2, (y[e.from]! + y[e.to]!) / 2] as const;
  // Values above a wire and gradients below it (left and right of it when the graph runs down).
  const label = (color: string, side: -1 | 1) => edgeGroups.append('text')
    .attr('x', (e) => mid(e)[0] + (vertical ? side * 5 : 0))
    .attr('y', (e) => mid(e)[1] + (vertical ? 4 : side < 0 ? -6 : 15))
    .attr('text-anchor', vertical ? (side < 0 ? 'end' : 'start') : 'middle')
    .attr('font-size', 12).attr('fill', color).attr('font-weight', 600);
  const valueText = label(VALUE_COLOR, -1);
  const gradientText = label(GRADIENT_COLOR, 1);
  const nodeGroups = svg.append('g').selectAll('g').data(graph.nodes).join('g').attr('transform', (n) => `translate(${x[n.id]},${y[n.id]})`);
  const shapes = nodeGroups.append('circle').attr('r', 19).attr('fill', 'var(--sl-color-bg, #fff)').attr('stroke', 'currentColor').attr('stroke-width', 1.5);
  nodeGroups.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em').attr('font-size', (n) => (n.label.length > 3 ? 10 : 13)).attr('fill', 'currentColor').text((n) => n.label);
  // The output's own value and gradient sit to its right (it has no outgoing wire).
  const output = graph.nodes.length - 1;
  const outputText = svg.append('text').attr('font-size', 12).attr('text-anchor', 'start');
  const outputAt = { x: x[output]! + 24, y: y[output]! - 4, dy: 16 };
  return {
    svg: svg.node()!,
    update(state) {
      const { evaluation, format } = state;
      valueText.text((e) => (state.valueShown[e.from] ? format(evaluation.values[e.from]!) : ''));
      // A constant's gradient is computed but of no use to anyone: its wire shows the value only.
      gradientText.text((e) => (graph.nodes[e.from]!.kind !== 'const' && state.edgeGradientShown.has(`${e.from}>${e.to}`) ? format(evaluation.edges.find((g) => g.from === e.from && g.to === e.to)!.product) : ''));
      shapes.attr('stroke', (n) => (n.id === state.active ? 'var(--sl-color-accent, #0072B2)' : 'currentColor')).attr('stroke-width', (n) => (n.id === state.active ? 3.5 : 1.5));
      outputText.selectAll('tspan').remove();
      outputText.attr('x', outputAt.x).attr('y', outputAt.y);
      if (state.valueShown[output]) outputText.append('tspan').attr('fill', VALUE_COLOR).attr('font-weight', 600).text(`${state.names[output]} = ${format(evaluation.values[output]!)}`);
      if (state.gradientShown[output]) outputText.append('tspan').attr('x', outputAt.x).attr('dy', outputAt.dy).attr('fill', GRADIENT_COLOR).attr('font-weight', 600).text(`∂f/∂f = ${format(evaluation.gradients[output]!)}`);
    },
  };
}
