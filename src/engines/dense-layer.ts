/**
 * x·W with a gradient that runs fast on the wasm backend. tfjs's own gradient of matMul
 * multiplies by a transposed operand (matMul(dy, W, false, true)), and tfjs-backend-wasm's
 * BatchMatMul is about ten times slower with a transposed operand than without: measured here
 * on a 100×784 by 784×256 product, 40-60 ms against 2-5 ms. Transposing explicitly first
 * (a copy, cheap) keeps every product on the fast path. Same values on every backend.
 */
import type { Tensor, Tf } from '../tf/types.ts';

type Tensor2D = import('@tensorflow/tfjs-core').Tensor2D;

/** x [N, I] · w [I, O]; `inputGradient: false` skips dL/dx (zeros) for a layer fed by data. */
export function denseMatMul(tf: Tf, x: Tensor, w: Tensor, options: { inputGradient?: boolean; weightGradient?: boolean } = {}): Tensor {
  const op = tf.customGrad((input, weights, save) => {
    (save as (tensors: Tensor[]) => void)([input as Tensor, weights as Tensor]);
    return {
      value: tf.matMul(input as Tensor2D, weights as Tensor2D),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [xs, ws] = saved as [Tensor2D, Tensor2D];
        return [
          options.inputGradient === false ? tf.zerosLike(xs) : tf.tidy(() => tf.matMul(dy as Tensor2D, tf.transpose(ws))),
          options.weightGradient === false ? tf.zerosLike(ws) : tf.tidy(() => tf.matMul(tf.transpose(xs), dy as Tensor2D)),
        ];
      },
    };
  });
  return op(x, w);
}
