import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import { compileSync } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { rehypeMathSearch } from '../../src/search/rehype-math-search.ts';

function render(markdown: string): string {
  return String(unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeKatex).use(rehypeMathSearch).use(rehypeStringify).processSync(markdown));
}

/** The text the search index gets for `tex` (display math). */
function searchText(tex: string): string {
  const html = render(`$$\n${tex}\n$$`);
  return /<span hidden data-math-text="">([^<]*)<\/span>/.exec(html)?.[1]?.replace(/&#x26;/g, '&').replace(/&#x3C;/g, '<') ?? 'no search text';
}

describe('formulas in the search index', () => {
  test.each<[string, string]>([
    [String.raw`s = Wx`, 's = Wx'],
    [String.raw`x_{t+1} = x_t - \alpha\, \nabla f(x_t)`, 'x_(t+1) = x_t − α ∇f(x_t)'],
    [String.raw`L = \frac{1}{N} \sum_{i=1}^{N} L_i\big(f(x_i; W), y_i\big).`, 'L = 1/N ∑_(i=1)^N L_i(f(x_i; W), y_i).'],
    [String.raw`\frac{\partial L_i}{\partial s_j} = \mathbf{1}[m_j > 0]`, '∂L_i/∂s_j = 1[m_j > 0]'],
    [String.raw`\hat{x} = \frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}}`, 'x̂ = (x−μ)/√(σ^2+ϵ)'],
    [String.raw`s = W x_i \in \mathbb{R}^C, \qquad s_j = w_j^\top x_i .`, 's = Wx_i ∈ ℝ^C, s_j = w_j^⊤ x_i.'],
    [String.raw`\max(0, -0.5 - 1 + 1) = 0`, 'max(0, −0.5 − 1 + 1) = 0'],
    [String.raw`L_i = -\log \frac{e^{s_{y_i}}}{\sum_j e^{s_j}}`, 'L_i = −log e^(s_(y_i))/(∑_j e^(s_j))'],
    [String.raw`W = \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}`, 'W = [1, 2; 3, 4]'],
    [String.raw`\begin{aligned} a &= b + c \\ d &= e \end{aligned}`, 'a = b + c; d = e'],
    [String.raw`\operatorname{Var}(w_i x_i) = \binom{n}{k}`, 'Var(w_i x_i) = (n choose k)'],
    [String.raw`x' = \lVert x_i \rVert^2 + 0.5 \tanh(u)`, 'x′ = ∥x_i∥^2 + 0.5 tanh(u)'],
    [String.raw`L = \underbrace{\lambda R(W)}_{\text{reg}}`, 'L = (λR(W))_reg'],
    [String.raw`f(s) = \begin{cases} s & s > 0 \\ \alpha s & s \le 0 \end{cases}`, 'f(s) = {s, s > 0; αs, s ≤ 0'],
  ])('%s', (tex, expected) => {
    expect(searchText(tex)).toBe(expected);
  });

  test('Pagefind skips the MathML (with its TeX annotation) and the visual HTML, and readers never see the text', () => {
    const html = render('Inline $a^2$ here.');
    expect(html).toContain('<span class="katex-mathml" data-pagefind-ignore="">');
    expect(html).toContain('<span class="katex-html" aria-hidden="true" data-pagefind-ignore="">');
    expect(html).toMatch(/<span hidden data-math-text="">a\^2<\/span><\/span> here\./);
  });

  test('formulas inside MDX elements (<details>, components) are handled too', () => {
    const js = String(compileSync('<details>\n<summary>Answer</summary>\n\nReshaped to $(64, 3, 32, 32)$.\n\n</details>', {
      remarkPlugins: [remarkMath],
      rehypePlugins: [rehypeKatex, rehypeMathSearch],
    }));
    expect(js).toContain('"data-pagefind-ignore": ""');
    expect(js).toContain('children: "(64, 3, 32, 32)"');
  });
});
