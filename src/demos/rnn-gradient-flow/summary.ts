/** The gradient-flow demo's readouts (unit-tested). */
import type { FlowCurve } from '../../engines/char-rnn/gradient-flow.ts';

/** One row of the table beside the chart. */
export function describeCurve(label: string, curve: FlowCurve, length: number, clipFactor: number): string {
  const last = curve.norms[length - 1]!;
  const ratio = last / curve.norms[0]!;
  const clipped = clipFactor < 1 ? `, scaled by ${clipFactor.toPrecision(2)} by clipping` : '';
  return `${label}: σ_max(W_hh) = ${curve.sigmaMax.toFixed(2)}; ‖∂L/∂h‖ ${length - 1} steps back is ${ratio.toExponential(1)} × its value at k = 0${clipped}.`;
}

export function describeAgreement(curves: readonly FlowCurve[]): string {
  const worst = Math.max(...curves.map((c) => c.agreement));
  return `Automatic differentiation and the backward pass written out as in the notes agree to a relative ${worst.toExponential(1)} at every k of every curve${worst < 1e-3 ? '' : ' (more than expected in float32: look at the curves)'}.`;
}
