/**
 * The six update rules of the notes (Lectures 3 and 7), written exactly as the notes write them,
 * in plain TypeScript. They are the reference the tfjs versions are tested against.
 *
 *   SGD       x -= lr * dx
 *   Momentum  v = mu * v - lr * dx;  x += v
 *   Nesterov  v_prev = v;  v = mu * v - lr * dx;  x += -mu * v_prev + (1 + mu) * v
 *   Adagrad   cache += dx^2;  x -= lr * dx / (sqrt(cache) + eps)
 *   RMSProp   cache = decay * cache + (1 - decay) * dx^2;  x -= lr * dx / (sqrt(cache) + eps)
 *   Adam      m = b1 m + (1-b1) dx;  v = b2 v + (1-b2) dx^2;  mt = m / (1-b1^t);  vt = v / (1-b2^t)
 *             x -= lr * mt / (sqrt(vt) + eps)            (t counts steps from 1)
 */

export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  adagrad: 'Adagrad',
  rmsprop: 'RMSProp',
  adam: 'Adam',
};

export interface Hyperparameters {
  lr: number;
  /** Momentum coefficient (momentum, Nesterov). */
  mu: number;
  /** RMSProp's decay rate of the squared-gradient cache. */
  decay: number;
  beta1: number;
  beta2: number;
  eps: number;
}

export const DEFAULT_HYPERPARAMETERS: Omit<Hyperparameters, 'lr'> = { mu: 0.9, decay: 0.99, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

export interface ReferenceState {
  /** Velocity (momentum, Nesterov) or first moment (Adam). */
  v: Float64Array;
  /** Squared-gradient cache (Adagrad, RMSProp) or second moment (Adam). */
  cache: Float64Array;
  t: number;
}

export function createReferenceState(size: number): ReferenceState {
  return { v: new Float64Array(size), cache: new Float64Array(size), t: 0 };
}

/** One update of `x` in place, given its gradient `dx`. */
export function referenceStep(name: OptimizerName, x: Float64Array, dx: Float64Array, state: ReferenceState, h: Hyperparameters): void {
  state.t += 1;
  for (let i = 0; i < x.length; i++) {
    const g = dx[i]!;
    switch (name) {
      case 'sgd':
        x[i] = x[i]! - h.lr * g;
        break;
      case 'momentum':
        state.v[i] = h.mu * state.v[i]! - h.lr * g;
        x[i] = x[i]! + state.v[i]!;
        break;
      case 'nesterov': {
        const vPrev = state.v[i]!;
        state.v[i] = h.mu * vPrev - h.lr * g;
        x[i] = x[i]! - h.mu * vPrev + (1 + h.mu) * state.v[i]!;
        break;
      }
      case 'adagrad':
        state.cache[i] = state.cache[i]! + g * g;
        x[i] = x[i]! - (h.lr * g) / (Math.sqrt(state.cache[i]!) + h.eps);
        break;
      case 'rmsprop':
        state.cache[i] = h.decay * state.cache[i]! + (1 - h.decay) * g * g;
        x[i] = x[i]! - (h.lr * g) / (Math.sqrt(state.cache[i]!) + h.eps);
        break;
      case 'adam': {
        state.v[i] = h.beta1 * state.v[i]! + (1 - h.beta1) * g;
        state.cache[i] = h.beta2 * state.cache[i]! + (1 - h.beta2) * g * g;
        const mt = state.v[i]! / (1 - h.beta1 ** state.t);
        const vt = state.cache[i]! / (1 - h.beta2 ** state.t);
        x[i] = x[i]! - (h.lr * mt) / (Math.sqrt(vt) + h.eps);
        break;
      }
    }
  }
}
