/**
 * One run of the backprop-graph demo: the circuit's graph, evaluated once in float64, then shown
 * step by step (forward gate by gate, then backward), with the numeric gradient check beside it.
 * Play steps at a reading pace; Step moves one gate at a time.
 */
import { parseExpression } from '../../engines/backprop/expression.ts';
import { checkGradients, countKinks } from '../../engines/backprop/gradient-check.ts';
import { buildGraph, evaluateGraph } from '../../engines/backprop/graph.ts';
import { renderCheckTable } from '../../views/backprop/check-table.ts';
import { createGraphFigure } from '../../views/backprop/graph-figure.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { toCsv } from '../export.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { parseInputValues, valuesFor } from './input-values.ts';
import type { BACKPROP_GRAPH_SPEC } from './spec.ts';
import { nodeNames, stepView, totalSteps } from './stepper.ts';
import { describeStep, formatValue } from './summary.ts';

type Spec = typeof BACKPROP_GRAPH_SPEC;
/** Time between steps while playing: long enough to read a step's numbers. */
const STEP_MS = 1200;

export async function createBackpropGraphRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  const { settings } = context;
  const figureBox = context.part('[data-figure]');
  const graph = buildGraph(parseExpression(settings.expression));
  const { values, missing } = valuesFor(graph.inputs, parseInputValues(settings.values));
  const evaluation = evaluateGraph(graph, values);
  const checks = checkGradients(graph, values, evaluation.inputGradients);
  const names = nodeNames(graph);
  const notes = [
    missing.length > 0 ? `No value given for ${missing.join(', ')}: using 1.` : '',
    countKinks(graph, values) > 0 ? 'A ReLU or max sits at its kink here: the centred difference straddles it and disagrees with backpropagation.' : '',
    evaluation.values.some((v) => !Number.isFinite(v)) ? 'Some values are not finite (a log of a number ≤ 0 or a division by zero): the gradients through them are not either.' : '',
  ];
  context.say(notes.filter(Boolean).join(' '));
  figureBox.replaceChildren();
  const figure = createGraphFigure(figureBox, graph, fitWidth(figureBox, 300, 760));
  renderCheckTable(context.part<HTMLTableSectionElement>('[data-check]'), checks, formatValue);
  const total = totalSteps(graph);
  let step = 0;
  let lastMove = -Infinity;
  const describe = () => describeStep(graph, evaluation, stepView(graph, step), names, checks);
  const draw = () => figure.update({ evaluation, names, ...stepView(graph, step), format: formatValue });
  draw();

  return {
    async advance(_steps, source) {
      if (source === 'loop') {
        if (performance.now() - lastMove < STEP_MS) return step < total;
        lastMove = performance.now();
      }
      step = Math.min(total, step + 1);
      draw();
      return step < total;
    },
    summary: describe,
    exportData() {
      const rows = graph.nodes.map((node) => [names[node.id]!, node.kind, node.args.map((a) => names[a]).join(' '), evaluation.values[node.id]!, evaluation.gradients[node.id]!]);
      return {
        csv: toCsv(['node', 'kind', 'inputs', 'value', 'gradient'], rows),
        json: { expression: settings.expression, inputs: values, nodes: rows, edges: evaluation.edges, check: checks },
      };
    },
    figure: () => figure.svg,
    dispose() {
      // Plain float64 arithmetic: no tensors, no timers.
    },
  };
}
