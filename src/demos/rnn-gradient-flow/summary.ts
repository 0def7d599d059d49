/** The gradient-flow demo's readouts (unit-tested). */
import type { FlowCurve } from '../../engines/char-rnn/gradient-flow.ts';

/** One row of the table beside the chart. */
export function describeCurve(label: string, curve: FlowCurve, length: number, clipFactor: number): string {
  const last = curve.norms[length - 1]!;
  const ratio = last / curve.norms[0]!;
  const clipped = clipFactor < 1 ? `, scaled by ${clipFactor.toPrecision(2)} by clipping` : '';
  return `${label}: σ_max(W_hh) = ${curve.sigmaMax.toFixed(2)}; ‖∂L/∂h‖ ${length - 1} steps back is ${ratio.toExponential(1)} × its value at k = 0${clipped}.`;
}

/** How closely autodiff and the notes' backward pass agree: the LSTMs (the derivation), then the tanh RNNs. */
export function describeAgreement(curves: readonly FlowCurve[], labels: readonly string[]): string {
  const worst = (lstm: boolean) => Math.max(0, ...curves.filter((_, i) => labels[i]!.startsWith('LSTM') === lstm).map((c) => c.agreement));
  const rnn = worst(false);
  const drift = rnn > 1e-3 ? ' (a tanh RNN whose gradient explodes is chaotic: its float32 and float64 runs drift apart)' : '';
  return `The LSTM backward pass written out as in the notes agrees with automatic differentiation to a relative ${worst(true).toExponential(1)} at every k; for the tanh RNNs the two agree to ${rnn.toExponential(1)}${drift}.`;
}
