/**
 * How far back a loss reaches, in plain TypeScript: ‖∂L_T/∂h_{T−k}‖ for a one-layer vanilla RNN
 * or LSTM, from the backward pass written out as in the notes (for the LSTM: ō, c̄, f̄, ī, ḡ, then
 * the pre-activations ā, then h̄_{t−1} = ā·W_hhᵀ and c̄_{t−1} = c̄ ⊙ f). The tfjs version
 * (gradient-flow.ts) gets the same numbers by automatic differentiation; the demo shows both agree.
 */
import { valueOf, type ParamValues } from '../params.ts';
import type { ModelShape } from './cells.ts';
import { logSoftmax, oneHot, referenceLogits, vecMat } from './reference.ts';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** ā (length N·H... as a row) times Wᵀ for W stored row-major [H, N]: the gradient reaching the row input. */
function matVecT(W: ArrayLike<number>, a: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += W[r * cols + j]! * a[j]!;
    out[r] = s;
  }
  return out;
}

const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));

/** Norms of ∂L/∂h_t for t = T, T−1, …, 1 (index k = T − t), L the cross-entropy at the last step. */
export function referenceFlow(shape: ModelShape, params: ParamValues, inputs: readonly number[], target: number): number[] {
  const H = shape.hidden;
  const Wx = valueOf(params, 'l0.Wx');
  const Wh = valueOf(params, 'l0.Wh');
  const b = valueOf(params, 'l0.b');
  const G = shape.cell === 'lstm' ? 4 : 1;
  // Forward, keeping what the backward pass needs.
  const hs: Float64Array[] = [new Float64Array(H)];
  const cs: Float64Array[] = [new Float64Array(H)];
  const gates: Float64Array[] = [];
  for (const x of inputs) {
    const a = vecMat(oneHot(x, shape.vocab), Wx, G * H, b);
    const r = vecMat(hs.at(-1)!, Wh, G * H);
    const z = a.map((v, j) => v + r[j]!);
    if (shape.cell === 'rnn') {
      hs.push(z.map(Math.tanh));
      continue;
    }
    const act = z.map((v, j) => (j < 3 * H ? sigmoid(v) : Math.tanh(v)));
    const c = new Float64Array(H).map((_, j) => act[H + j]! * cs.at(-1)![j]! + act[j]! * act[3 * H + j]!);
    gates.push(act);
    cs.push(c);
    hs.push(c.map((v, j) => act[2 * H + j]! * Math.tanh(v)));
  }
  const T = inputs.length;
  // ∂L/∂logits = p − y, then through Wy to h_T.
  const p = logSoftmax(referenceLogits(shape, params, hs[T]!)).map(Math.exp);
  p[target]! -= 1;
  let hBar = matVecT(valueOf(params, 'Wy'), p, H, shape.vocab);
  let cBar = new Float64Array(H);
  const norms = [norm(hBar)];
  for (let t = T; t >= 1; t--) {
    const aBar = new Float64Array(G * H);
    if (shape.cell === 'rnn') {
      for (let j = 0; j < H; j++) aBar[j] = hBar[j]! * (1 - hs[t]![j]! ** 2);
    } else {
      const act = gates[t - 1]!;
      const cPrev = cs[t - 1]!;
      const cNextBar = new Float64Array(H);
      for (let j = 0; j < H; j++) {
        const [i, f, o, g] = [act[j]!, act[H + j]!, act[2 * H + j]!, act[3 * H + j]!];
        const tc = Math.tanh(cs[t]![j]!);
        const oBar = hBar[j]! * tc;
        const cTotal = cBar[j]! + hBar[j]! * o * (1 - tc * tc);
        const fBar = cTotal * cPrev[j]!;
        const iBar = cTotal * g;
        const gBar = cTotal * i;
        cNextBar[j] = cTotal * f;
        aBar[j] = iBar * i * (1 - i);
        aBar[H + j] = fBar * f * (1 - f);
        aBar[2 * H + j] = oBar * o * (1 - o);
        aBar[3 * H + j] = gBar * (1 - g * g);
      }
      cBar = cNextBar;
    }
    hBar = matVecT(Wh, aBar, H, G * H);
    if (t > 1) norms.push(norm(hBar));
  }
  return norms;
}

/** Largest singular value of the row-major [rows, cols] matrix W, by power iteration on WᵀW. */
export function largestSingularValue(W: ArrayLike<number>, rows: number, cols: number, iterations = 200): number {
  let v = new Float64Array(cols).map((_, j) => 1 + ((j * 7919) % 13) / 13);
  let sigma = 0;
  for (let k = 0; k < iterations; k++) {
    const n = norm(v);
    v = v.map((x) => x / n);
    const Wv = new Float64Array(rows);
    for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) Wv[r]! += W[r * cols + j]! * v[j]!;
    sigma = norm(Wv);
    const next = new Float64Array(cols);
    for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) next[j]! += W[r * cols + j]! * Wv[r]!;
    v = next;
  }
  return sigma;
}
