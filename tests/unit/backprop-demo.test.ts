import { describe, expect, test } from 'vitest';
import { parseExpression } from '../../src/engines/backprop/expression.ts';
import { checkGradients } from '../../src/engines/backprop/gradient-check.ts';
import { buildGraph, evaluateGraph } from '../../src/engines/backprop/graph.ts';
import { parseInputValues, valuesFor } from '../../src/demos/backprop-graph/input-values.ts';
import { BACKPROP_GRAPH_SPEC, CIRCUITS, adjustBackpropSettings } from '../../src/demos/backprop-graph/spec.ts';
import { nodeNames, stepView, totalSteps } from '../../src/demos/backprop-graph/stepper.ts';
import { describeStep, formatValue } from '../../src/demos/backprop-graph/summary.ts';
import { coerceSetting } from '../../src/demos/settings.ts';

const circuit = (expression: string, values: Record<string, number>) => {
  const graph = buildGraph(parseExpression(expression));
  const evaluation = evaluateGraph(graph, values);
  return { graph, evaluation, names: nodeNames(graph), checks: checkGradients(graph, values, evaluation.inputGradients) };
};

describe('backprop-graph steps', () => {
  const c = circuit('(x + y) * z', { x: -2, y: 5, z: -4 });
  const say = (k: number) => describeStep(c.graph, c.evaluation, stepView(c.graph, k), c.names, c.checks);

  test('names intermediates as the notes do (q) and the output f', () => {
    expect(c.names).toEqual(['x', 'y', 'q', 'z', 'f']);
    expect(totalSteps(c.graph)).toBe(4);
  });

  test('each step says what the lecture computes by hand', () => {
    expect(say(0)).toBe('Inputs: x = −2, y = 5, z = −4. Step through the forward pass, then the backward pass.');
    expect(say(1)).toBe('Forward 1 of 2: + gate, q = x + y = −2 + 5 = 3.');
    expect(say(2)).toBe('Forward 2 of 2: × gate, f = q × z = 3 × −4 = −12.');
    expect(say(3)).toBe('Backward 1 of 2: × gate (multiply gate: each input gets the upstream gradient times the other input). Upstream ∂f/∂f = 1; q gets 1 × −4 = −4; z gets 1 × 3 = 3.');
    expect(say(4)).toMatch(/^Done: f = −12; ∂f\/∂x = −4, ∂f\/∂y = −4, ∂f\/∂z = 3\. Centred differences agree to a relative error of \d\.\de-\d+ at most\.$/);
  });

  test('values appear gate by gate, gradients only once every reader of a node has sent its share', () => {
    const afterOneBackward = stepView(c.graph, 3);
    expect(afterOneBackward.valueShown).toEqual([true, true, true, true, true]);
    // The × gate has sent gradients to q and z; q has not yet sent its own to x and y.
    expect(afterOneBackward.gradientShown).toEqual([false, false, true, true, true]);
    expect([...afterOneBackward.edgeGradientShown].sort()).toEqual(['2>4', '3>4']);
    expect(stepView(c.graph, 1).valueShown).toEqual([true, true, true, true, false]);
    expect(stepView(c.graph, 99).phase).toBe('done');
  });

  test('numbers are printed as the notes print them', () => {
    expect(formatValue(-0.19661193)).toBe('−0.1966');
    expect(formatValue(12)).toBe('12');
    expect(formatValue(1.5e-5)).toBe('1.50e-5');
    expect(formatValue(-1.5e-5)).toBe('−1.50e-5');
    expect(formatValue(Number.NaN)).toBe('NaN');
  });
});

describe('backprop-graph settings', () => {
  test('input values parse strictly and name the bad pair', () => {
    expect(parseInputValues('x=-2, y = 5,z=−4')).toEqual({ x: -2, y: 5, z: -4 });
    expect(() => parseInputValues('x=-2, y')).toThrow('"y" is not name=value');
    expect(() => parseInputValues('x=abc')).toThrow('"abc" in "x=abc" is not a finite number');
    expect(valuesFor(['x', 'w'], { x: 2 })).toEqual({ values: { x: 2, w: 1 }, missing: ['w'] });
  });

  test('a malformed expression is refused with the parser\'s message and the previous one stays', () => {
    const coerced = coerceSetting(BACKPROP_GRAPH_SPEC.expression, '(x + y', '(x + y) * z');
    expect(coerced.value).toBe('(x + y) * z');
    expect(coerced.problem).toBe('Expression: expected a closing parenthesis but found the end of the expression (at character 7); kept the previous value.');
  });

  test('a circuit brings its expression and inputs; typing one of them selects it', () => {
    const next = adjustBackpropSettings('circuit', { circuit: 'max-circuit', expression: 'x', values: '' });
    expect(next).toEqual({ circuit: 'max-circuit', expression: CIRCUITS['max-circuit'].expression, values: CIRCUITS['max-circuit'].values });
    expect(adjustBackpropSettings('expression', { circuit: 'max-circuit', expression: 'x * x', values: '' })['circuit']).toBe('custom');
    expect(adjustBackpropSettings('expression', { circuit: 'custom', expression: '(x + y) * z', values: '' })['circuit']).toBe('add-multiply');
  });
});
