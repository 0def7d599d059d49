/**
 * The text beside the mechanics figure: the output-size rule with the reader's numbers (and why a
 * layer does not fit), and the dot product behind the selected output, with its actual numbers.
 * Plain HTML, so it wraps on a phone and a screen reader reads it.
 */
import type { MechanicsLayer } from '../../engines/conv/layer.ts';
import type { Tap, WindowTerms } from '../../engines/conv/reference.ts';
import { HEIGHT, WIDTH, formatNumber, sizeFormula } from '../../engines/conv/size-text.ts';
import type { OutputCell } from './mechanics-figure.ts';

function line(parent: HTMLElement, text: string, className?: string): HTMLElement {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  parent.append(p);
  return p;
}

export function renderLayerFormula(target: HTMLElement, layer: MechanicsLayer): void {
  target.replaceChildren();
  const s = layer.settings;
  const { shape } = layer;
  const along = (input: number) => ({ input, filter: s.size, stride: s.stride, pad: s.pad, dilation: layer.dilation });
  const width = sizeFormula(WIDTH, along(s.width), shape.width);
  if (s.width === s.height) {
    line(target, width.replace('W₂ =', 'W₂ = H₂ ='), 'conv-mech-math');
  } else {
    line(target, width, 'conv-mech-math');
    line(target, sizeFormula(HEIGHT, along(s.height), shape.height), 'conv-mech-math');
  }
  const out = `${shape.width.positions}×${shape.height.positions}×${shape.depth}`;
  if (layer.bank) {
    line(target, `Output W₂×H₂×K = ${out} = ${formatNumber(shape.width.positions * shape.height.positions * shape.depth)} numbers. Parameters (F·F·D + 1)·K = (${s.size}·${s.size}·${s.depth} + 1)·${s.filters} = ${formatNumber(shape.parameters)}. Multiply-adds: ${formatNumber(shape.multiplyAdds)}.`, 'conv-mech-math');
  } else {
    line(target, `Output W₂×H₂×D = ${out}: pooling keeps the depth and has no parameters.`, 'conv-mech-math');
  }
  if (layer.problems.length > 0) {
    const list = document.createElement('ul');
    list.className = 'conv-mech-problems';
    list.dataset['fit'] = 'no';
    for (const problem of layer.problems) {
      const item = document.createElement('li');
      item.textContent = problem;
      list.append(item);
    }
    target.append(list);
  } else {
    line(target, 'The window tiles the padded input exactly.', 'conv-mech-fits').dataset['fit'] = 'yes';
  }
}

/** "(−1)·2", with padded taps marked so they can be dimmed. */
function product(tap: Tap): HTMLSpanElement {
  const span = document.createElement('span');
  const w = tap.weight < 0 ? `(${formatNumber(tap.weight)})` : formatNumber(tap.weight);
  span.textContent = `${w}·${formatNumber(tap.input)}`;
  if (tap.padded) {
    span.className = 'is-pad';
    span.title = 'zero padding';
  }
  return span;
}

function joined(parent: HTMLElement, taps: Tap[], make: (tap: Tap) => HTMLElement, separator: string): void {
  taps.forEach((tap, n) => {
    if (n > 0) parent.append(separator);
    parent.append(make(tap));
  });
}

/** Taps per slice up to this many are written out; larger filters show each slice's sum. */
const WRITE_OUT = 25;

export function renderWindowTerms(target: HTMLElement, layer: MechanicsLayer, cell: OutputCell, terms: WindowTerms, computed: number | undefined, backendLabel: string): void {
  target.replaceChildren();
  const s = layer.settings;
  const { k, i, j } = cell;
  const heading = line(target, '', 'conv-mech-heading');
  heading.textContent = `o[${i},${j},${k}]: row ${i}, column ${j} of output map ${k} (counting from 0)`;
  if (layer.bank) {
    line(target, `= b${k} + Σ w${k}[a,c,d] · x̃[${s.stride}·${i} + ${layer.dilation > 1 ? `${layer.dilation}a` : 'a'}, ${s.stride}·${j} + ${layer.dilation > 1 ? `${layer.dilation}c` : 'c'}, d], over a, c < ${s.size} and d < ${s.depth}  (x̃: the padded input)`, 'conv-mech-math');
    for (let d = 0; d < s.depth; d++) {
      const taps = terms.taps.filter((t) => t.d === d);
      const sum = taps.reduce((total, t) => total + t.weight * t.input, 0);
      const p = line(target, `slice ${d}: `, 'conv-mech-math');
      if (taps.length <= WRITE_OUT) {
        joined(p, taps, product, ' + ');
        p.append(` = ${formatNumber(sum)}`);
      } else {
        p.append(`${taps.length} products w·x, sum ${formatNumber(sum)}`);
      }
    }
    line(target, `bias b${k} = ${formatNumber(terms.bias)}`, 'conv-mech-math');
  } else {
    const real = terms.taps.filter((t) => !t.padded);
    const p = line(target, `= ${s.mode === 'max' ? 'max' : 'average'} of the window in slice ${k}: `, 'conv-mech-math');
    const value = (t: Tap) => Object.assign(document.createElement('span'), { textContent: formatNumber(t.input) });
    if (real.length <= WRITE_OUT) {
      if (s.mode === 'max') {
        p.append('max(');
        joined(p, real, value, ', ');
        p.append(')');
      } else {
        p.append('(');
        joined(p, real, value, ' + ');
        p.append(`)/${real.length}`);
      }
    } else {
      p.append(`${real.length} values`);
    }
    if (real.length < terms.taps.length) p.append(`  (${terms.taps.length - real.length} padded positions skipped)`);
  }
  const total = line(target, `= ${formatNumber(terms.value)}`, 'conv-mech-total');
  total.dataset['reference'] = String(terms.value);
  const check = line(target, '', 'conv-mech-check');
  if (computed === undefined) {
    check.textContent = 'tfjs has not computed this layer.';
  } else {
    const agrees = Math.abs(computed - terms.value) <= 1e-4 * Math.max(1, Math.abs(terms.value));
    const op = layer.bank ? 'tf.conv2d' : s.mode === 'max' ? 'tf.maxPool' : 'tf.avgPool';
    check.textContent = `${op} on ${backendLabel} gave ${formatNumber(computed)}: ${agrees ? 'the same number.' : `a different number (difference ${(computed - terms.value).toExponential(2)}).`}`;
    check.dataset['agrees'] = String(agrees);
  }
}
