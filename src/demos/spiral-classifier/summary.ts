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

/** The path of one point through the model, one line per stage. */
export function describePath(path: PointPath, label: number): string[] {
  const lines = [`x = (${path.x[0].toFixed(3)}, ${path.x[1].toFixed(3)}), class ${label + 1}`];
  if (path.hidden.length > 0) {
    const active = path.hidden.filter((h) => h > 0).length;
    lines.push(`W1ᵀx + b1 = ${vector(path.preActivation)}`);
    lines.push(`h = max(0, ·) = ${vector(path.hidden)} (${active} of ${path.hidden.length} units active)`);
    lines.push(`scores W2ᵀh + b2 = ${vector(path.scores)}`);
  } else {
    lines.push(`scores Wᵀx + b = ${vector(path.scores)}`);
  }
  lines.push(`softmax p = ${vector(path.probabilities)}, loss −log p(class ${label + 1}) = ${(-Math.log(path.probabilities[label]!)).toFixed(3)}`);
  lines.push(`∂L/∂scores = p − y = ${vector(path.scoreGradient)}`);
  return lines;
}

/** The message for classes without points (K is set, but no point carries those labels). */
export function describeEmptyClasses(empty: readonly number[]): string {
  if (empty.length === 0) return '';
  const names = empty.map((c) => c + 1);
  const list = names.length === 1 ? `Class ${names[0]} has` : `Classes ${names.slice(0, -1).join(', ')} and ${names.at(-1)} have`;
  return `${list} no points: the models still score ${names.length === 1 ? 'it' : 'them'}, but can never be right about ${names.length === 1 ? 'it' : 'them'}. Click on the plane to add points.`;
}
