/** The backprop-graph demo of Lecture 4 on wasm: stepping, the numeric check, bad input. */
import { expect, test, openDemo } from './fixtures.ts';

const PAGE = 'notes/lecture-04-introduction-to-neural-networks/?backend=wasm';

test.describe('backprop graph', () => {
  test.use({ contextOptions: { reducedMotion: 'reduce' } });

  test('steps the notes\' first circuit forward and backward to the lecture\'s gradients', async ({ page }) => {
    const demo = await openDemo(page, PAGE, 'backprop-graph');
    await expect(demo).toHaveAttribute('data-status', 'paused', { timeout: 30_000 });
    const text = demo.locator('[data-summary]');
    await expect(text).toHaveText('Inputs: x = −2, y = 5, z = −4. Step through the forward pass, then the backward pass.');
    const step = demo.getByRole('button', { name: 'Step' });
    await step.click();
    await expect(text).toHaveText('Forward 1 of 2: + gate, q = x + y = −2 + 5 = 3.');
    // Wire labels: x's value on its wire; no gradient yet.
    await expect(demo.locator('svg text', { hasText: /^−2$/ })).toHaveCount(1);
    await step.click();
    await step.click();
    await expect(text).toContainText('q gets 1 × −4 = −4; z gets 1 × 3 = 3.');
    await step.click();
    await expect(text).toContainText('Done: f = −12; ∂f/∂x = −4, ∂f/∂y = −4, ∂f/∂z = 3.');
    await expect(demo).toHaveAttribute('data-status', 'done');
    const verdicts = await demo.locator('[data-check] tr').evaluateAll((rows) => rows.map((r) => `${(r as HTMLElement).dataset['input']}:${(r as HTMLElement).dataset['verdict']}`));
    expect(verdicts).toEqual(['x:happy', 'y:happy', 'z:happy']);
  });

  test('the sigmoid neuron gives the notes\' five gradients', async ({ page }) => {
    const demo = await openDemo(page, `${PAGE}#backprop-graph.circuit=sigmoid-gates`, 'backprop-graph');
    await expect(demo).toHaveAttribute('data-status', 'paused', { timeout: 30_000 });
    const backprop = await demo.locator('[data-check] tr td:nth-child(2)').allTextContents();
    expect(backprop).toEqual(['−0.1966', '0.3932', '−0.3932', '−0.5898', '0.1966']);
  });

  test('a malformed expression is refused with a message and the graph stays', async ({ page }) => {
    const demo = await openDemo(page, PAGE, 'backprop-graph');
    await expect(demo).toHaveAttribute('data-status', 'paused', { timeout: 30_000 });
    const expression = demo.getByLabel('Expression');
    await expression.fill('(x + y');
    await expression.press('Enter');
    await expect(demo.locator('[data-message]')).toHaveText('Expression: expected a closing parenthesis but found the end of the expression (at character 7); kept the previous value.');
    await expect(expression).toHaveValue('(x + y) * z');
    await expect(demo).toHaveAttribute('data-status', 'paused');
    // A valid expression of the reader's: the circuit becomes "custom" and the kink is explained.
    await expression.fill('relu(x) * y');
    await expression.press('Enter');
    await expect(demo.getByLabel('Circuit')).toHaveValue('custom');
    const inputs = demo.getByLabel('Inputs');
    await inputs.fill('x=0, y=2');
    await inputs.press('Enter');
    await expect(demo.locator('[data-message]')).toContainText('sits at its kink');
    await expect(demo.locator('[data-check] tr[data-input="x"]')).toHaveAttribute('data-verdict', 'wrong');
    expect(page.url()).toContain('backprop-graph.expression=relu');
  });
});
