/**
 * The output-size rule written out with the reader's numbers, and the reason a combination does
 * not fit, in words. Plain strings (no DOM), so the demo and the tests read the same text.
 */
import type { DimensionInput, DimensionSize } from './output-size.ts';

/** 34944 -> "34,944"; 2.333… -> "2.33"; −3 -> "−3" (a real minus sign). */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const text = Number.isInteger(rounded) ? Math.abs(rounded).toLocaleString('en-US') : Math.abs(rounded).toFixed(2).replace(/0$/, '');
  return value < 0 && rounded !== 0 ? `−${text}` : text;
}

export interface Axis {
  /** "W" or "H": the symbol of the input size. */
  symbol: 'W' | 'H';
  /** "width" or "height", for sentences. */
  noun: 'width' | 'height';
  /** "columns" or "rows". */
  cells: 'columns' | 'rows';
}

export const WIDTH: Axis = { symbol: 'W', noun: 'width', cells: 'columns' };
export const HEIGHT: Axis = { symbol: 'H', noun: 'height', cells: 'rows' };

/** "W₂ = (5 − 3 + 2·1)/2 + 1 = 3", with F_eff spelled out first when the filter is dilated. */
export function sizeFormula(axis: Axis, input: DimensionInput, size: DimensionSize): string {
  const dilation = input.dilation ?? 1;
  const f = dilation > 1 ? 'F_eff' : 'F';
  const prefix = dilation > 1 ? `F_eff = ${dilation}·(${input.filter} − 1) + 1 = ${size.effectiveFilter}; ` : '';
  const general = `${axis.symbol}₂ = (${axis.symbol} − ${f} + 2P)/S + 1`;
  const numbers = `(${input.input} − ${size.effectiveFilter} + 2·${input.pad})/${input.stride} + 1`;
  return `${prefix}${general} = ${numbers} = ${formatNumber(size.exact)}`;
}

/** Why this dimension does not fit, and what tf.conv2d does about it; undefined when it fits. */
export function misfitExplanation(axis: Axis, input: DimensionInput, size: DimensionSize, op = 'tf.conv2d'): string | undefined {
  const dilation = input.dilation ?? 1;
  const span = dilation > 1 ? `${size.effectiveFilter} (F_eff = ${dilation}·(${input.filter} − 1) + 1)` : `${size.effectiveFilter}`;
  const Noun = axis.noun[0]!.toUpperCase() + axis.noun.slice(1);
  if (size.problem === 'larger-than-input') {
    return `${Noun}: the window spans ${span} ${axis.cells} but the padded input has only ${size.padded} (${axis.symbol} + 2P = ${input.input} + 2·${input.pad}), so it fits nowhere. Use a smaller filter or dilation, or more padding.`;
  }
  if (size.problem === 'uneven') {
    const plural = size.unused === 1 ? axis.cells.slice(0, -1) : axis.cells;
    return `${Noun}: (${axis.symbol} − F + 2P)/S + 1 = (${input.input} − ${size.effectiveFilter} + 2·${input.pad})/${input.stride} + 1 = ${formatNumber(size.exact)} is not a whole number: ${input.input - size.effectiveFilter + 2 * input.pad} is not divisible by the stride ${input.stride}, so the window does not tile the padded input evenly. ${op} rounds down to ${size.positions} and never reads the last ${size.unused} ${plural} (crossed out).`;
  }
  return undefined;
}
