/** The Lecture 12 demos' readouts, as pure functions of their results (unit-tested). */

export interface DigitShown {
  /** The reader's number for the held-out digit (1-based). */
  number: number;
  label: number;
}

export function percent(p: number): string {
  return `${(100 * p).toFixed(1)}%`;
}

/** Pixels with at least this much ink count as "on the stroke". */
const INK = 0.2;

export function describeSaliency(s: { classIndex: number; digit: DigitShown; score: number; probability: number; map: Float32Array; pixels: Float32Array }): string {
  const total = s.map.reduce((a, b) => a + b, 0);
  let onInk = 0;
  let inkPixels = 0;
  s.map.forEach((v, i) => {
    if (s.pixels[i]! >= INK) {
      onInk += v;
      inkPixels++;
    }
  });
  const top = s.map.indexOf(Math.max(...s.map));
  return `Saliency of class ${s.classIndex} for test digit ${s.digit.number} (label ${s.digit.label}): score S = ${s.score.toFixed(2)}, probability ${percent(s.probability)}. The largest |∂S/∂I| is at row ${Math.floor(top / 28)}, column ${top % 28}; ${percent(onInk / total)} of the total lies on the ${percent(inkPixels / s.pixels.length)} of pixels that carry ink.`;
}

/** The cell where the class probability is lowest, and the patch's top-left corner there. */
export function worstPatch(positions: readonly number[], probabilities: Float32Array): { index: number; left: number; top: number } {
  const n = positions.length;
  let index = 0;
  probabilities.forEach((p, k) => {
    if (p < probabilities[index]!) index = k;
  });
  return { index, left: positions[index % n]!, top: positions[Math.floor(index / n)]! };
}

export function describeOcclusion(s: { classIndex: number; digit: DigitShown; baseline: number; patch: number; stride: number; fill: number; positions: readonly number[]; probabilities: Float32Array }): string {
  const n = s.positions.length;
  const worst = worstPatch(s.positions, s.probabilities);
  return `Class ${s.classIndex} for test digit ${s.digit.number} (label ${s.digit.label}): ${percent(s.baseline)} without occlusion. A ${s.patch}×${s.patch} patch of value ${s.fill} at ${n}×${n} = ${n * n} positions (stride ${s.stride}), one forward pass each; lowest ${percent(s.probabilities[worst.index]!)} with the patch over rows ${worst.top}–${worst.top + s.patch - 1}, columns ${worst.left}–${worst.left + s.patch - 1}.`;
}

export function describeFooling(s: { digit: DigitShown; target: number; stepSize: number; maxSteps: number; state: { steps: number; fooled: boolean; probabilities: Float32Array; predicted: number; linf: number; l2: number } }): string {
  const { state, target } = s;
  const p = percent(state.probabilities[target]!);
  const what = `test digit ${s.digit.number} (a ${s.digit.label})`;
  if (state.fooled) return `After ${state.steps} steps of η = ${s.stepSize}, the network reads ${what} as a ${target} with ${p} confidence. No pixel moved by more than ${state.linf.toFixed(3)} (‖δ‖∞); ‖δ‖₂ = ${state.l2.toFixed(2)}.`;
  if (state.steps >= s.maxSteps) return `Not fooled within ${s.maxSteps} steps: p(${target}) = ${p}, top class ${state.predicted}. Try a larger step η.`;
  return `Step ${state.steps}: p(${target}) = ${p}, top class ${state.predicted} for ${what}.`;
}

/** A digit as a Unicode subscript, for S₇. */
export function sub(c: number): string {
  return String.fromCharCode(0x2080 + c);
}
