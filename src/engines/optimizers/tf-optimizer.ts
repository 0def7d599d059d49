/**
 * The same six update rules on tfjs tensors, for parameters held in tf.Variables. State tensors
 * are created on the first step and live until dispose(). Hyperparameters are read at every step,
 * so the reader can change them while a run goes on.
 */
import type { Scalar, Tensor, Tf, Variable } from '../../tf/types.ts';
import type { Hyperparameters, OptimizerName } from './update-rules.ts';

export interface TfOptimizer {
  readonly name: OptimizerName;
  /** Updates each parameter in place from its gradient (same order). Disposes nothing it was given. */
  step(params: Variable[], grads: Tensor[]): void;
  readonly steps: number;
  dispose(): void;
}

export function createTfOptimizer(tf: Tf, name: OptimizerName, hyper: () => Hyperparameters): TfOptimizer {
  let v: Variable[] = [];
  let cache: Variable[] = [];
  let t = 0;
  // tidy disposes the zeros once the variable holds a copy.
  const zerosLike = (params: Variable[]) => params.map((p) => tf.tidy(() => tf.variable(tf.zerosLike(p), false)));
  return {
    name,
    get steps() {
      return t;
    },
    step(params, grads) {
      if (t === 0) {
        if (name !== 'sgd' && name !== 'adagrad' && name !== 'rmsprop') v = zerosLike(params);
        if (name === 'adagrad' || name === 'rmsprop' || name === 'adam') cache = zerosLike(params);
      }
      t += 1;
      const h = hyper();
      tf.tidy(() => {
        params.forEach((x, i) => {
          const g = grads[i]!;
          switch (name) {
            case 'sgd':
              x.assign(tf.sub(x, tf.mul(h.lr, g)));
              break;
            case 'momentum': {
              const vNext = tf.sub(tf.mul(h.mu, v[i]!), tf.mul(h.lr, g));
              v[i]!.assign(vNext);
              x.assign(tf.add(x, vNext));
              break;
            }
            case 'nesterov': {
              const vPrev = v[i]!;
              const vNext = tf.sub(tf.mul(h.mu, vPrev), tf.mul(h.lr, g));
              x.assign(tf.add(tf.sub(x, tf.mul(h.mu, vPrev)), tf.mul(1 + h.mu, vNext)));
              vPrev.assign(vNext);
              break;
            }
            case 'adagrad': {
              const c = tf.add(cache[i]!, tf.square(g));
              cache[i]!.assign(c);
              x.assign(tf.sub(x, tf.div(tf.mul(h.lr, g), tf.add(tf.sqrt(c), h.eps))));
              break;
            }
            case 'rmsprop': {
              const c = tf.add(tf.mul(h.decay, cache[i]!), tf.mul(1 - h.decay, tf.square(g)));
              cache[i]!.assign(c);
              x.assign(tf.sub(x, tf.div(tf.mul(h.lr, g), tf.add(tf.sqrt(c), h.eps))));
              break;
            }
            case 'adam': {
              const m = tf.add(tf.mul(h.beta1, v[i]!), tf.mul(1 - h.beta1, g));
              const s = tf.add(tf.mul(h.beta2, cache[i]!), tf.mul(1 - h.beta2, tf.square(g)));
              v[i]!.assign(m);
              cache[i]!.assign(s);
              const mt = tf.div(m, 1 - h.beta1 ** t);
              const vt = tf.div(s, 1 - h.beta2 ** t);
              x.assign(tf.sub(x, tf.div(tf.mul(h.lr, mt), tf.add(tf.sqrt(vt), h.eps))));
              break;
            }
          }
        });
      });
    },
    dispose() {
      for (const tensor of [...v, ...cache]) tensor.dispose();
      v = [];
      cache = [];
    },
  };
}

/** One optimizer step on `loss` over `params`; returns the loss value (the caller disposes it). */
export function minimizeStep(tf: Tf, optimizer: TfOptimizer, params: Variable[], loss: () => Scalar): Tensor {
  const { value, grads } = tf.variableGrads(loss, params);
  optimizer.step(params, params.map((p) => grads[p.name]!));
  tf.dispose(Object.values(grads));
  return value;
}
