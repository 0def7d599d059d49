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

export function layoutGraph(graph: Graph, width: number): { x: number[]; y: number[]; height: number } {
  const depth = graph.nodes.map(() => 0);
  for (const node of graph.nodes) depth[node.id] = node.args.length === 0 ? 0 : 1 + Math.max(...node.args.map((a) => depth[a]!));
  const columns = Math.max(...depth) + 1;
  const rows = new Map<number, number[]>();
  for (const node of graph.nodes) rows.set(depth[node.id]!, [...(rows.get(depth[node.id]!) ?? []), node.id]);
  const tallest = Math.max(...[...rows.values()].map((r) => r.length));
  const rowGap = 78;
  const height = Math.max(160, tallest * rowGap + 40);
  const margin = 44;
  const x = graph.nodes.map((node) => (columns === 1 ? width / 2 : margin + (depth[node.id]! * (width - 2 * margin)) / (columns - 1)));
  const y = graph.nodes.map(() => 0);
  for (const ids of rows.values()) ids.forEach((id, i) => (y[id] = height / 2 + (i - (ids.length - 1) / 2) * rowGap));
  return { x, y, height };
}

export function createGraphFigure(container: HTMLElement, graph: Graph, width: number): GraphFigure {
  const { x, y, height } = layoutGraph(graph, width);
  const svg: Svg = appendFigureSvg(container, width, height, 'Computational graph with forward values and backward gradients on its wires');
  const edges = graph.nodes.flatMap((node) => node.args.map((from) => ({ from, to: node.id })));
  const edgeGroups = svg.append('g').selectAll('g').data(edges).join('g');
  edgeGroups.append('line').attr('x1', (e) => x[e.from]!).attr('y1', (e) => y[e.from]!).attr('x2', (e) => x[e.to]!).attr('y2', (e) => y[e.to]!).attr('stroke', 'currentColor').attr('stroke-opacity', 0.45);
  const mid = (e: { from: number; to: number }) => [(x[e.from]! + x[e.to]!) / 2, (y[e.from]! + y[e.to]!) / 2] as const;
  const valueText = edgeGroups.append('text').attr('x', (e) => mid(e)[0]).attr('y', (e) => mid(e)[1] - 6).attr('text-anchor', 'middle').attr('font-size', 12).attr('fill', VALUE_COLOR).attr('font-weight', 600);
  const gradientText = edgeGroups.append('text').attr('x', (e) => mid(e)[0]).attr('y', (e) => mid(e)[1] + 15).attr('text-anchor', 'middle').attr('font-size', 12).attr('fill', GRADIENT_COLOR).attr('font-weight', 600);
  const nodeGroups = svg.append('g').selectAll('g').data(graph.nodes).join('g').attr('transform', (n) => `translate(${x[n.id]},${y[n.id]})`);
  const shapes = nodeGroups.append('circle').attr('r', 19).attr('fill', 'var(--sl-color-bg, #fff)').attr('stroke', 'currentColor').attr('stroke-width', 1.5);
  nodeGroups.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em').attr('font-size', (n) => (n.label.length > 3 ? 10 : 13)).attr('fill', 'currentColor').text((n) => n.label);
  // The output's own value and gradient sit to its right (it has no outgoing wire).
  const output = graph.nodes.length - 1;
  const outputText = svg.append('text').attr('x', x[output]! + 24).attr('y', y[output]! - 24).attr('font-size', 12).attr('text-anchor', 'end');
  return {
    svg: svg.node()!,
    update(state) {
      const { evaluation, format } = state;
      valueText.text((e) => (state.valueShown[e.from] ? format(evaluation.values[e.from]!) : ''));
      gradientText.text((e) => (state.edgeGradientShown.has(`${e.from}>${e.to}`) ? format(evaluation.edges.find((g) => g.from === e.from && g.to === e.to)!.product) : ''));
      shapes.attr('stroke', (n) => (n.id === state.active ? 'var(--sl-color-accent, #0072B2)' : 'currentColor')).attr('stroke-width', (n) => (n.id === state.active ? 3.5 : 1.5));
      outputText.selectAll('tspan').remove();
      if (state.valueShown[output]) outputText.append('tspan').attr('fill', VALUE_COLOR).attr('font-weight', 600).text(`${state.names[output]} = ${format(evaluation.values[output]!)}`);
      if (state.gradientShown[output]) outputText.append('tspan').attr('x', x[output]! + 24).attr('dy', 54).attr('fill', GRADIENT_COLOR).attr('font-weight', 600).text(`∂f/∂f = ${format(evaluation.gradients[output]!)}`);
    },
  };
}
