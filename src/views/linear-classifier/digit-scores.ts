/**
 * One test digit through the classifier: the digit, and for each class its score (the dot
 * product of the digit with that class's template, bias included) with either its SVM margin
 * term max(0, s_c − s_y + 1) or its softmax probability as a bar. The winning class is drawn in
 * the accent colour, the digit's true class is marked.
 */
import { mosaicDataUrl } from '../cnn/raster.ts';
import { appendFigureSvg } from '../svg.ts';

export interface DigitScoresData {
  pixels: ArrayLike<number>;
  label: number;
  kind: 'svm' | 'softmax';
  scores: readonly number[];
  terms: readonly number[];
  loss: number;
  winner: number;
}

export interface DigitScores {
  svg: SVGSVGElement;
  update(data: DigitScoresData): void;
}

const ROW = 17;

export function createDigitScores(container: HTMLElement, width: number): DigitScores {
  const digitSize = 84;
  const height = 18 + 10 * ROW + 36;
  const svg = appendFigureSvg(container, width, height, 'A test digit, its ten class scores and their loss terms');
  const image = svg.append('image').attr('x', 0).attr('y', 18).attr('width', digitSize).attr('height', digitSize).style('image-rendering', 'pixelated');
  const caption = svg.append('text').attr('x', 0).attr('y', 18 + digitSize + 16).attr('font-size', 11).attr('fill', 'currentColor');
  const header = svg.append('text').attr('x', 0).attr('y', 12).attr('font-size', 10).attr('fill', 'currentColor');
  const rows = svg.append('g').attr('transform', `translate(${digitSize + 12},18)`);
  const footer = svg.append('text').attr('x', 0).attr('y', height - 20).attr('font-size', 11).attr('fill', 'currentColor');
  const verdict = svg.append('text').attr('x', 0).attr('y', height - 4).attr('font-size', 11).attr('fill', 'currentColor');
  return {
    svg: svg.node()!,
    update(data) {
      image.attr('href', mosaicDataUrl([{ values: data.pixels, width: 28, height: 28, colorMap: 'grey', max: 255 }], 1).href);
      caption.text(`true class ${data.label}`);
      const svm = data.kind === 'svm';
      header.text(svm ? 'class · score s = wᵀx · margin max(0, s − s_y + 1)' : 'class · score s = wᵀx · probability p = softmax(s)');
      const barX = 92;
      const barMax = Math.max(40, width - digitSize - 12 - barX - 60);
      const scale = svm ? Math.max(1, ...data.terms) : 1;
      rows.selectAll('*').remove();
      data.scores.forEach((score, c) => {
        const row = rows.append('g').attr('transform', `translate(0,${c * ROW})`).attr('data-class', c);
        const strong = c === data.winner;
        const color = strong ? 'var(--sl-color-accent)' : 'currentColor';
        row.append('text').attr('x', 0).attr('y', 12).attr('font-size', 11).attr('font-weight', strong ? 700 : 400).attr('fill', 'currentColor').text(`${c}${c === data.label ? ' ✓' : ''}`);
        row.append('text').attr('x', 78).attr('y', 12).attr('font-size', 11).attr('text-anchor', 'end').attr('fill', 'currentColor').text(score.toFixed(2));
        const term = data.terms[c]!;
        row.append('rect').attr('x', barX).attr('y', 3).attr('width', barMax).attr('height', 11).attr('fill', 'currentColor').attr('opacity', 0.08);
        row.append('rect').attr('x', barX).attr('y', 3).attr('width', Math.max(0.5, (term / scale) * barMax)).attr('height', 11).style('fill', color).attr('opacity', strong ? 1 : 0.5);
        row.append('text').attr('x', barX + barMax + 4).attr('y', 12).attr('font-size', 10).attr('fill', 'currentColor').text(svm ? (c === data.label ? '—' : term.toFixed(2)) : `${(100 * term).toFixed(1)}%`);
      });
      footer.text(`${svm ? 'L_i = sum of the margins' : 'L_i = −log p_y'} = ${data.loss.toFixed(3)}`);
      verdict.text(`Template ${data.winner} wins${data.winner === data.label ? '' : `: wrong, the digit is a ${data.label}`}.`);
    },
  };
}
