/** The spiral demo's readouts, as pure functions of what the run knows (unit-tested). */
import type { PointPath } from '../../engines/spiral/spiral-reference.ts';

export interface SpiralState {
  step: number;
  steps: number;
  points: number;
  classes: number;
  hidden: number;
  linear?: { loss: number; accuracy: number } | undefined;
  net?: { loss: number; accuracy: number } | undefined;
}

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;

export function describeSpiral(state: SpiralState): string {
  if (state.points === 0) return 'No points yet: click on the figure to add some.';
  const head = `Step ${state.step} of ${state.steps} on ${state.points} points in ${state.classes} classes.`;
  const parts = [
    state.linear ? `Linear classifier: loss ${state.linear.loss.toFixed(3)}, training accuracy ${percent(state.linear.accuracy)}.` : '',
    state.net ? `2-layer net (${state.hidden} hidden): loss ${state.net.loss.toFixed(3)}, training accuracy ${percent(state.net.accuracy)}.` : '',
  ];
  return [head, ...parts].filter(Boolean).join(' ');
}

const vector = (values: readonly number[], most = 6) => {
  const shown = values.slice(0, most).map((v) => v.toFixed(3)).join(', ');
  return values.length > most ? `[${shown}, … ${values.length - most} more]` : `[${shown}]`;
};

export interface PathRow {
  stage: string;
  value: string;
  /** ∂Lᵢ/∂(this stage), Lᵢ the point's own loss. */
  gradient: string;
}

const norm = (values: readonly number[]) => Math.sqrt(values.reduce((sum, v) => sum + v * v, 0));

/** The path of one point through the model, one row per stage: its value forward, its gradient back. */
export function describePath(path: PointPath, label: number): PathRow[] {
  const { gradients: g } = path;
  const rows: PathRow[] = [{ stage: 'x', value: `(${path.x[0].toFixed(3)}, ${path.x[1].toFixed(3)}), class ${label + 1}`, gradient: `(${g.x[0].toFixed(3)}, ${g.x[1].toFixed(3)})` }];
  if (path.hidden.length > 0) {
    const active = path.hidden.filter((h) => h > 0).length;
    rows.push({ stage: 'W1ᵀx + b1', value: vector(path.preActivation), gradient: `${vector(g.preActivation)} (0 where the unit is off)` });
    rows.push({ stage: 'h = max(0, ·)', value: `${vector(path.hidden)} (${active} of ${path.hidden.length} units active)`, gradient: `W2 · ∂Lᵢ/∂scores = ${vector(g.hidden)}` });
    rows.push({ stage: 'scores W2ᵀh + b2', value: vector(path.scores), gradient: `p − y = ${vector(g.scores)}` });
  } else {
    rows.push({ stage: 'scores Wᵀx + b', value: vector(path.scores), gradient: `p − y = ${vector(g.scores)}` });
  }
  rows.push({ stage: 'softmax p', value: vector(path.probabilities), gradient: `−1/p at class ${label + 1} = ${vector(g.probabilities)}` });
  rows.push({ stage: `Lᵢ = −log p(class ${label + 1})`, value: path.loss.toFixed(3), gradient: '1' });
  // A weight's gradient is an outer product (input × the gradient at its output): its norm is the product of theirs.
  const weights = path.hidden.length > 0
    ? `‖∂Lᵢ/∂W1‖ = ‖x‖·‖∂Lᵢ/∂(W1ᵀx + b1)‖ = ${(norm(path.x) * norm(g.preActivation)).toFixed(3)}; ‖∂Lᵢ/∂W2‖ = ‖h‖·‖∂Lᵢ/∂scores‖ = ${(norm(path.hidden) * norm(g.scores)).toFixed(3)}; ∂Lᵢ/∂b1 and ∂Lᵢ/∂b2 are the rows above`
    : `‖∂Lᵢ/∂W‖ = ‖x‖·‖∂Lᵢ/∂scores‖ = ${(norm(path.x) * norm(g.scores)).toFixed(3)}; ∂Lᵢ/∂b is the scores' row`;
  rows.push({ stage: 'weights', value: '', gradient: weights });
  return rows;
}

/** The message for classes without points (K is set, but no point carries those labels). */
export function describeEmptyClasses(empty: readonly number[]): string {
  if (empty.length === 0) return '';
  const names = empty.map((c) => c + 1);
  const list = names.length === 1 ? `Class ${names[0]} has` : `Classes ${names.slice(0, -1).join(', ')} and ${names.at(-1)} have`;
  return `${list} no points: the models still score ${names.length === 1 ? 'it' : 'them'}, but can never be right about ${names.length === 1 ? 'it' : 'them'}. Click on the plane to add points.`;
}
