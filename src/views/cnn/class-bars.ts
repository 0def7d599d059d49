/**
 * The ten class probabilities as horizontal bars, with each class score (the logit before the
 * softmax) as text. The top class is drawn in the accent colour. Draws into an SVG group.
 */
import type { Selection } from 'd3';

export interface ClassBarsData {
  probabilities: ArrayLike<number>;
  scores: ArrayLike<number>;
  /** A class to mark with ◀ (the true label of a test digit, or a target). */
  marked?: number;
}

export function renderClassBars(group: Selection<SVGGElement, unknown, null, undefined>, data: ClassBarsData, box: { width: number; height: number }): void {
  group.selectAll('*').remove();
  const rowHeight = box.height / 10;
  const labelWidth = 14;
  const textWidth = 82;
  const barMax = Math.max(10, box.width - labelWidth - textWidth);
  let top = 0;
  for (let c = 1; c < 10; c++) if (data.probabilities[c]! > data.probabilities[top]!) top = c;
  for (let c = 0; c < 10; c++) {
    const y = c * rowHeight;
    const p = data.probabilities[c]!;
    const row = group.append('g').attr('transform', `translate(0,${y})`);
    row.append('title').text(`class ${c}: probability ${(100 * p).toFixed(2)}%, score ${data.scores[c]!.toFixed(2)}`);
    row.append('text').attr('x', 0).attr('y', rowHeight * 0.78).attr('font-size', 11).attr('font-weight', c === top ? 700 : 400).attr('fill', 'currentColor').text(c);
    row.append('rect').attr('x', labelWidth).attr('y', rowHeight * 0.15).attr('width', barMax).attr('height', rowHeight * 0.7).attr('fill', 'currentColor').attr('opacity', 0.08);
    row.append('rect').attr('x', labelWidth).attr('y', rowHeight * 0.15).attr('width', Math.max(0.5, p * barMax)).attr('height', rowHeight * 0.7)
      .style('fill', c === top ? 'var(--sl-color-accent)' : 'currentColor').attr('opacity', c === top ? 1 : 0.45);
    const mark = data.marked === c ? ' ◀' : '';
    row.append('text').attr('x', labelWidth + barMax + 4).attr('y', rowHeight * 0.78).attr('font-size', 10).attr('fill', 'currentColor')
      .text(`${(100 * p).toFixed(1)}% (${data.scores[c]!.toFixed(1)})${mark}`);
  }
}
