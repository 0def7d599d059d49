/**
 * The ConvNet's layers with gradients written for every backend: training works on wasm and is
 * fast there. The same code runs on every backend, so they all compute the same thing.
 *
 * Convolution (stride 1, 'same' padding, with bias): every gradient is a forward convolution.
 * tfjs-backend-wasm has no `Conv2DBackpropFilter` kernel, so the built-in gradient of
 * `tf.conv2d` fails there; its `Conv2DBackpropInput` exists but is a slow direct loop. Both
 * gradients are convolutions that the fast forward kernel (XNNPACK on wasm) can compute:
 *
 *   filter:  dW[i, j, c, k] = Σ_{n,h,w} x_pad[n, h+i, w+j, c] · dy[n, h, w, k]
 *            a convolution of x with batch and channels swapped ([C, H, W, N]: the C input
 *            channels become the batch, the N examples the channels to sum over) by dy used
 *            as the filter ([Ho, Wo, N, K]); its output [C, F, F, K] is dW with axes permuted.
 *   input:   dx = dy convolved ('same', stride 1) with W flipped in both spatial axes and with
 *            its input and output channels exchanged ([F, F, K, C]).
 *   bias:    db[k] = Σ_{n,h,w} dy[n, h, w, k].
 *
 * 2×2 max pooling (stride 2): wasm's MaxPoolGrad kernel is a slow direct loop (and its
 * StridedSlice, and binary ops that broadcast, are slow too: everything below is same-shape).
 * The gradient goes to the window's maximum: dx = up(dy) · [x = up(max)] / up(k), with up() the
 * nearest-neighbour 2× upsampling and k the number of elements of the window equal to its max.
 * Ties are common (over blank background every pre-activation equals the bias); they share the
 * gradient equally, a valid subgradient that, unlike "the first" or "the last" maximum (tfjs's
 * kernels differ), is the same on every backend.
 */
import type { Tensor, Tf } from '../../tf/types.ts';

type Tensor4D = import('@tensorflow/tfjs-core').Tensor4D;
type Tensor1D = import('@tensorflow/tfjs-core').Tensor1D;

/** dL/dW of y = conv2d(x, W) ('same' padding, stride 1, odd F) from x [N, H, W, C] and dy [N, H, W, K], as [F, F, C, K]. */
export function conv2dFilterGradient(tf: Tf, x: Tensor, dy: Tensor, filterSize: number): Tensor {
  if (filterSize % 2 !== 1) throw new Error(`filter size ${filterSize} must be odd`);
  return tf.tidy(() => {
    const p = (filterSize - 1) / 2;
    const xSwapped = tf.transpose(x, [3, 1, 2, 0]) as Tensor4D;
    const dySwapped = tf.transpose(dy, [1, 2, 0, 3]) as Tensor4D;
    const swapped = tf.conv2d(xSwapped, dySwapped, 1, [[0, 0], [p, p], [p, p], [0, 0]]);
    return tf.transpose(swapped, [1, 2, 0, 3]);
  });
}

/** dL/dx of y = conv2d(x, W) ('same' padding, stride 1, odd F) from dy [N, H, W, K] and W [F, F, C, K]. */
export function conv2dInputGradient(tf: Tf, dy: Tensor, w: Tensor): Tensor {
  return tf.tidy(() => {
    const flipped = tf.transpose(tf.reverse(w, [0, 1]), [0, 1, 3, 2]) as Tensor4D;
    return tf.conv2d(dy as Tensor4D, flipped, 1, 'same');
  });
}

/**
 * conv2d(x, w) + b with 'same' padding and stride 1: x [N, H, W, C], w [F, F, C, K], b [K].
 * `inputGradient: false` skips dL/dx (zeros), for a first layer whose input is data.
 */
export function convLayer(tf: Tf, x: Tensor, w: Tensor, b: Tensor, options: { inputGradient: boolean }): Tensor {
  const filterSize = w.shape[0]!;
  const op = tf.customGrad((input, filter, bias, save) => {
    (save as (tensors: Tensor[]) => void)([input as Tensor, filter as Tensor]);
    return {
      value: tf.fused.conv2d({ x: input as Tensor4D, filter: filter as Tensor4D, strides: 1, pad: 'same', bias: bias as Tensor1D }),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [xs, ws] = saved as [Tensor, Tensor];
        return [
          options.inputGradient ? conv2dInputGradient(tf, dy, ws) : tf.zerosLike(xs),
          conv2dFilterGradient(tf, xs, dy, filterSize),
          tf.sum(dy, [0, 1, 2]),
        ];
      },
    };
  });
  return op(x, w, b);
}

/** 2×2 max pooling with stride 2 of x [N, H, W, C] (H and W even). */
export function maxPool2x2(tf: Tf, x: Tensor): Tensor {
  const op = tf.customGrad((input, save) => {
    const value = tf.maxPool(input as Tensor4D, 2, 2, 'valid');
    (save as (tensors: Tensor[]) => void)([input as Tensor, value]);
    return {
      value,
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [xs, pooled] = saved as [Tensor4D, Tensor4D];
        const size: [number, number] = [xs.shape[1], xs.shape[2]];
        const up = (t: Tensor) => tf.image.resizeNearestNeighbor(t as Tensor4D, size);
        const isMax = tf.cast(tf.equal(xs, up(pooled)), 'float32');
        const maxima = up(tf.mul(tf.avgPool(isMax as Tensor4D, 2, 2, 'valid'), 4));
        return [tf.div(tf.mul(up(dy), isMax), maxima)];
      },
    };
  });
  return op(x);
}
