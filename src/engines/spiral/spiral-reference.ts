/**
 * The case study's two models in plain float64 TypeScript: the reference the tfjs engine is
 * tested against, including the path of one point forward and its gradients back (the inspect panel's
 * numbers come from the engine, spiral-trainer.ts, and are tested against this).
 * Loss: mean cross-entropy of softmax(scores) + ½λ ΣW² over the weight matrices (not biases).
 */
export interface SpiralWeights {
  /** Row-major: W1 is 2×H (or 2×K for the linear model), W2 is H×K. */
  W1: Float64Array | Float32Array;
  b1: Float64Array | Float32Array;
  W2?: Float64Array | Float32Array | undefined;
  b2?: Float64Array | Float32Array | undefined;
}

export interface PointPath {
  x: [number, number];
  /** Hidden pre-activations W1ᵀx + b1 and h = max(0, ·) (empty for the linear model). */
  preActivation: number[];
  hidden: number[];
  scores: number[];
  probabilities: number[];
  /** This point's loss Lᵢ = −log p(its class). */
  loss: number;
  /** ∂Lᵢ/∂ each stage, from the softmax back to the input (backpropagation for this one point). */
  gradients: {
    probabilities: number[];
    /** p − onehot(y): the gradient that starts backpropagation through the network. */
    scores: number[];
    /** W2 ∂Lᵢ/∂scores, and through the ReLU: zero where the unit is off (empty for the linear model). */
    hidden: number[];
    preActivation: number[];
    x: [number, number];
  };
}

function affine(input: readonly number[], W: ArrayLike<number>, b: ArrayLike<number>, outputs: number): number[] {
  const out = Array.from({ length: outputs }, (_, k) => b[k]!);
  input.forEach((value, i) => {
    for (let k = 0; k < outputs; k++) out[k]! += value * W[i * outputs + k]!;
  });
  return out;
}

export function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Wᵀ-times: the gradient on the inputs of an affine layer (W is inputs × outputs, row-major). */
function backAffine(gradient: readonly number[], W: ArrayLike<number>, inputs: number): number[] {
  const outputs = gradient.length;
  return Array.from({ length: inputs }, (_, i) => gradient.reduce((sum, g, k) => sum + W[i * outputs + k]! * g, 0));
}

/** One point forward through the model and its own loss Lᵢ back, stage by stage. */
export function pointPath(weights: SpiralWeights, x: [number, number], label: number): PointPath {
  const K = weights.W2 ? weights.b2!.length : weights.b1.length;
  let preActivation: number[] = [];
  let hidden: number[] = [];
  let scores: number[];
  if (weights.W2) {
    preActivation = affine(x, weights.W1, weights.b1, weights.b1.length);
    hidden = preActivation.map((v) => Math.max(0, v));
    scores = affine(hidden, weights.W2, weights.b2!, K);
  } else {
    scores = affine(x, weights.W1, weights.b1, K);
  }
  const probabilities = softmax(scores);
  const dScores = probabilities.map((p, k) => p - (k === label ? 1 : 0));
  const dProbabilities = probabilities.map((p, k) => (k === label ? -1 / p : 0));
  let dHidden: number[] = [];
  let dPre: number[] = [];
  let dX: number[];
  if (weights.W2) {
    dHidden = backAffine(dScores, weights.W2, hidden.length);
    dPre = dHidden.map((g, h) => (preActivation[h]! > 0 ? g : 0));
    dX = backAffine(dPre, weights.W1, 2);
  } else {
    dX = backAffine(dScores, weights.W1, 2);
  }
  return {
    x, preActivation, hidden, scores, probabilities, loss: -Math.log(probabilities[label]!),
    gradients: { probabilities: dProbabilities, scores: dScores, hidden: dHidden, preActivation: dPre, x: [dX[0]!, dX[1]!] },
  };
}

export interface ReferenceStep {
  loss: number;
  accuracy: number;
  weights: { W1: Float64Array; b1: Float64Array; W2?: Float64Array; b2?: Float64Array };
}

/** Loss and accuracy at `weights`, and the weights after one full-batch gradient step. */
export function referenceStep(weights: SpiralWeights, points: ArrayLike<number>, labels: ArrayLike<number>, lambda: number, learningRate: number): ReferenceStep {
  const n = labels.length;
  const twoLayer = weights.W2 !== undefined;
  const H = twoLayer ? weights.b1.length : 0;
  const K = twoLayer ? weights.b2!.length : weights.b1.length;
  const dW1 = new Float64Array(weights.W1.length);
  const db1 = new Float64Array(weights.b1.length);
  const dW2 = new Float64Array(twoLayer ? weights.W2!.length : 0);
  const db2 = new Float64Array(twoLayer ? K : 0);
  let dataLoss = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const x: [number, number] = [points[2 * i]!, points[2 * i + 1]!];
    const y = labels[i]!;
    const path = pointPath(weights, x, y);
    dataLoss -= Math.log(path.probabilities[y]!);
    if (path.scores.indexOf(Math.max(...path.scores)) === y) correct += 1;
    const dScores = path.gradients.scores.map((g) => g / n);
    if (twoLayer) {
      const dHidden = new Array<number>(H).fill(0);
      for (let h = 0; h < H; h++) {
        for (let k = 0; k < K; k++) {
          dW2[h * K + k]! += path.hidden[h]! * dScores[k]!;
          dHidden[h]! += weights.W2![h * K + k]! * dScores[k]!;
        }
        if (path.preActivation[h]! <= 0) dHidden[h] = 0;
      }
      for (let h = 0; h < H; h++) {
        db1[h]! += dHidden[h]!;
        for (let d = 0; d < 2; d++) dW1[d * H + h]! += x[d]! * dHidden[h]!;
      }
      for (let k = 0; k < K; k++) db2[k]! += dScores[k]!;
    } else {
      for (let k = 0; k < K; k++) {
        db1[k]! += dScores[k]!;
        for (let d = 0; d < 2; d++) dW1[d * K + k]! += x[d]! * dScores[k]!;
      }
    }
  }
  let regLoss = 0;
  for (const v of weights.W1) regLoss += 0.5 * lambda * v * v;
  if (twoLayer) for (const v of weights.W2!) regLoss += 0.5 * lambda * v * v;
  const update = (w: ArrayLike<number>, g: Float64Array, regularized: boolean) => Float64Array.from(g, (gi, j) => w[j]! - learningRate * (gi + (regularized ? lambda * w[j]! : 0)));
  const next: ReferenceStep['weights'] = { W1: update(weights.W1, dW1, true), b1: update(weights.b1, db1, false) };
  if (twoLayer) {
    next.W2 = update(weights.W2!, dW2, true);
    next.b2 = update(weights.b2!, db2, false);
  }
  return { loss: dataLoss / n + regLoss, accuracy: correct / n, weights: next };
}
