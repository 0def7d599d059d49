import { describe, expect, test } from 'vitest';
import { ParseError, parseExpression } from '../../src/engines/backprop/expression.ts';
import { buildGraph, evaluateGraph } from '../../src/engines/backprop/graph.ts';
import { checkGradients, countKinks, relativeError, verdictOf } from '../../src/engines/backprop/gradient-check.ts';

const run = (text: string, inputs: Record<string, number>) => {
  const graph = buildGraph(parseExpression(text));
  return { graph, result: evaluateGraph(graph, inputs) };
};

describe('backprop graph: the circuits of the Lecture 4 notes', () => {
  test('f = (x + y)·z at x = −2, y = 5, z = −4: q = 3, f = −12, gradients −4, −4, 3', () => {
    const { graph, result } = run('(x + y) * z', { x: -2, y: 5, z: -4 });
    expect(graph.inputs).toEqual(['x', 'y', 'z']);
    expect(result.values[graph.nodes.length - 1]).toBe(-12);
    const q = graph.nodes.find((n) => n.kind === 'add')!;
    expect(result.values[q.id]).toBe(3);
    expect(result.gradients[q.id]).toBe(-4);
    expect(result.inputGradients).toEqual({ x: -4, y: -4, z: 3 });
  });

  test('the sigmoid neuron gate by gate: f ≈ 0.731 and the notes\' five gradients', () => {
    const inputs = { w0: 2, x0: -1, w1: -3, x1: -2, w2: -3 };
    const { graph, result } = run('1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))', inputs);
    expect(result.values[graph.nodes.length - 1]).toBeCloseTo(0.7310585786, 9);
    const g = result.inputGradients;
    expect(g['w0']).toBeCloseTo(-0.196612, 6);
    expect(g['x0']).toBeCloseTo(0.393224, 6);
    expect(g['w1']).toBeCloseTo(-0.393224, 6);
    expect(g['x1']).toBeCloseTo(-0.589836, 6);
    expect(g['w2']).toBeCloseTo(0.196612, 6);
    // One sigmoid gate gives the same gradients as the four primitive gates.
    const gate = run('sigmoid(w0*x0 + w1*x1 + w2)', inputs).result.inputGradients;
    for (const name of Object.keys(inputs)) expect(gate[name]).toBeCloseTo(g[name]!, 12);
  });

  test('f = 2(xy + max(z, w)) at 2, −1, 4, 1: add distributes, max routes, multiply swaps', () => {
    const { graph, result } = run('2 * (x*y + max(z, w))', { x: 2, y: -1, z: 4, w: 1 });
    expect(result.values[graph.nodes.length - 1]).toBe(4);
    expect(result.inputGradients).toEqual({ x: -2, y: 4, z: 2, w: 0 });
    const maxNode = graph.nodes.find((n) => n.kind === 'max')!;
    expect(result.edges.filter((e) => e.to === maxNode.id).map((e) => e.local)).toEqual([1, 0]);
  });

  test('an input used twice gets the sum of its two edges (f = x·x: 2x)', () => {
    const { result } = run('x * x', { x: 3 });
    expect(result.inputGradients['x']).toBe(6);
  });

  test('every edge carries upstream × local', () => {
    const { result } = run('tanh(a) * relu(b - c) / exp(a) + log(b)', { a: 0.3, b: 2, c: 0.5 });
    for (const edge of result.edges) expect(edge.product).toBeCloseTo(edge.upstream * edge.local, 14);
  });
});

describe('numeric gradient check', () => {
  test('centred differences agree with backprop to float64 precision on smooth functions', () => {
    const inputs = { a: 0.3, b: 2, c: 0.5 };
    const { graph, result } = run('tanh(a) * sigmoid(b - c) / exp(a) + log(b) * a', inputs);
    const checks = checkGradients(graph, inputs, result.inputGradients);
    for (const check of checks) {
      expect(check.relativeError, check.name).toBeLessThan(1e-8);
      expect(check.verdict).toBe('happy');
    }
  });

  test('a wrong analytic gradient is flagged wrong', () => {
    const inputs = { x: -2, y: 5, z: -4 };
    const { graph } = run('(x + y) * z', inputs);
    const checks = checkGradients(graph, inputs, { x: 4, y: -4, z: 3 });
    expect(checks.find((c) => c.name === 'x')!.verdict).toBe('wrong');
    expect(checks.find((c) => c.name === 'y')!.verdict).toBe('happy');
  });

  test('the notes\' thresholds, and kinks where a ReLU input sits within h of zero', () => {
    expect(verdictOf(0.5)).toBe('wrong');
    expect(verdictOf(1e-3)).toBe('uncomfortable');
    expect(verdictOf(1e-5)).toBe('ok');
    expect(verdictOf(1e-9)).toBe('happy');
    expect(verdictOf(Number.NaN)).toBe('wrong');
    expect(relativeError(0, 0)).toBe(0);
    const { graph } = run('relu(x) + max(y, z)', { x: 0, y: 1, z: 1 });
    expect(countKinks(graph, { x: 1e-7, y: 1, z: 1 + 1e-6 })).toBe(2);
    expect(countKinks(graph, { x: 1, y: 1, z: 3 })).toBe(0);
  });
});

describe('expressions the reader types', () => {
  test('accepts ×, ÷, −, · and scientific numbers', () => {
    const { result } = run('a × b ÷ 2e1 − c · 0.5', { a: 4, b: 5, c: 2 });
    expect(result.values.at(-1)).toBe(0);
  });

  test.each([
    ['', 'the expression is empty'],
    ['x +', 'expected a number, a name or "(" but found the end of the expression'],
    ['(x + y', 'expected a closing parenthesis but found the end of the expression'],
    ['x $ y', '"$" is not part of an expression'],
    ['foo(x)', 'unknown function "foo"'],
    ['max(x)', 'expected a comma between the two arguments of max'],
    ['exp + 1', 'exp is a function: write exp(…)'],
    ['x y', 'unexpected "y" after a complete expression'],
  ])('"%s" is refused with: %s', (text, message) => {
    expect(() => parseExpression(text)).toThrow(ParseError);
    expect(() => parseExpression(text)).toThrow(message);
  });

  test('the error names the column', () => {
    try {
      parseExpression('x + * y');
      expect.unreachable();
    } catch (error) {
      expect((error as ParseError).column).toBe(4);
      expect((error as Error).message).toContain('(at character 5)');
    }
  });
});
