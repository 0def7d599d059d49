/**
 * DCGAN's resampling convolutions with gradients that every backend can compute, wasm included
 * (tfjs-backend-wasm has no Conv2DBackpropFilter kernel, and its Conv2DBackpropInput, which
 * tf.conv2dTranspose runs on, is a slow direct loop). The idea is the one of the CNN demos
 * (issue #5): write each gradient as a forward convolution, which wasm runs fast (XNNPACK).
 *
 * Both layers here use 4×4 kernels, stride 2 and padding 1 (DCGAN's setting), and both reduce
 * to a stride-1 2×2 'valid' convolution by regrouping pixels in 2×2 blocks (space-to-depth):
 *
 *   strided conv      y = conv2d(x, W, stride 2, pad 1),  W [4, 4, C, K]
 *                       = conv2x2(s2d(pad1(x)), V),   V[a, b, (p, q, c), k] = W[2a+p, 2b+q, c, k]
 *   transposed conv   its adjoint (what tf.conv2dTranspose computes, W [4, 4, C, K] read as
 *                     [height, width, output channels, input channels]):
 *                       = crop1(d2s(conv2x2(pad1(y), flip(V) with channels exchanged)))
 *
 * No work is wasted on inserted zeros, the parameters keep the standard layouts, and the tests
 * check both layers against tf.conv2d and tf.conv2dTranspose. Only the stride-1 'valid'
 * convolution needs a hand-written gradient (below); pads, crops, reshapes and transposes have
 * tfjs's own.
 */
import type { Tensor, Tf } from '../../tf/types.ts';

type Tensor4D = import('@tensorflow/tfjs-core').Tensor4D;

/** Which gradients a layer computes: a data input needs no dx, a frozen network no dW (zeros instead). */
export interface ConvGradients {
  input?: boolean;
  filter?: boolean;
}

/**
 * conv2d(x, w) with stride 1 and zero padding P on each side, x [N, H, W, C], w [F, F, C, K]
 * (P < F), output [N, H + 2P − F + 1, W + 2P − F + 1, K]:
 *   dx = conv2d(dy padded by F − 1 − P, w flipped in both spatial axes, channels exchanged)
 *   dW[i, j, c, k] = Σ_{n,h,w} x_pad[n, h+i, w+j, c] · dy[n, h, w, k]
 *        = conv2d(x as [C, H, W, N] padded by P, dy as a filter [Ho, Wo, N, K]), axes permuted back.
 */
export function conv2dPadded(tf: Tf, x: Tensor, w: Tensor, pad: number, grads: ConvGradients = {}): Tensor {
  const padding = (p: number) => (p === 0 ? 'valid' : [[0, 0], [p, p], [p, p], [0, 0]]) as 'valid';
  const op = tf.customGrad((input, filter, save) => {
    (save as (tensors: Tensor[]) => void)([input as Tensor, filter as Tensor]);
    return {
      value: tf.conv2d(input as Tensor4D, filter as Tensor4D, 1, padding(pad)),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [xs, ws] = saved as [Tensor4D, Tensor4D];
        const f = ws.shape[0];
        const dx = grads.input === false ? tf.zerosLike(xs) : tf.tidy(() => {
          const flipped = tf.transpose(tf.reverse(ws, [0, 1]), [0, 1, 3, 2]) as Tensor4D;
          return tf.conv2d(dy as Tensor4D, flipped, 1, padding(f - 1 - pad));
        });
        const dw = grads.filter === false ? tf.zerosLike(ws) : tf.tidy(() => {
          const swapped = tf.conv2d(tf.transpose(xs, [3, 1, 2, 0]) as Tensor4D, tf.transpose(dy, [1, 2, 0, 3]) as Tensor4D, 1, padding(pad));
          return tf.transpose(swapped, [1, 2, 0, 3]);
        });
        return [dx, dw];
      },
    };
  });
  return op(x, w);
}

/** conv2d(x, w) with stride 1 and 'valid' padding. */
export function conv2dValid(tf: Tf, x: Tensor, w: Tensor, grads: ConvGradients = {}): Tensor {
  return conv2dPadded(tf, x, w, 0, grads);
}

/** [N, 2H, 2W, C] -> [N, H, W, 4C]: each 2×2 block becomes one pixel, channels ordered (row, column, c). */
export function spaceToDepth(tf: Tf, x: Tensor): Tensor {
  const [n, h, w, c] = x.shape as [number, number, number, number];
  return tf.reshape(tf.transpose(tf.reshape(x, [n, h / 2, 2, w / 2, 2, c]), [0, 1, 3, 2, 4, 5]), [n, h / 2, w / 2, 4 * c]);
}

/** The inverse of spaceToDepth: [N, H, W, 4C] -> [N, 2H, 2W, C]. */
export function depthToSpace(tf: Tf, x: Tensor): Tensor {
  const [n, h, w, c4] = x.shape as [number, number, number, number];
  const c = c4 / 4;
  return tf.reshape(tf.transpose(tf.reshape(x, [n, h, w, 2, 2, c]), [0, 1, 3, 2, 4, 5]), [n, 2 * h, 2 * w, c]);
}

/** The 4×4 kernel W [4, 4, C, K] regrouped as the 2×2 kernel V [2, 2, 4C, K] of the space-to-depth form. */
export function blockKernel(tf: Tf, w: Tensor): Tensor {
  const [, , c, k] = w.shape as [number, number, number, number];
  return tf.reshape(tf.transpose(tf.reshape(w, [2, 2, 2, 2, c, k]), [0, 2, 1, 3, 4, 5]), [2, 2, 4 * c, k]);
}

/** conv2d(x, w, stride 2, padding 1) for x [N, H, W, C] (H, W even) and w [4, 4, C, K]: [N, H/2, W/2, K]. */
export function stridedConv4x4(tf: Tf, x: Tensor, w: Tensor, grads: ConvGradients = {}): Tensor {
  const padded = tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]]);
  return conv2dValid(tf, spaceToDepth(tf, padded), blockKernel(tf, w), grads);
}

/**
 * tf.conv2dTranspose(x, w, [N, 2H, 2W, C], 2, 1) for x [N, H, W, K] and w [4, 4, C, K]: the
 * adjoint of stridedConv4x4 with the same w, so it doubles the resolution.
 */
export function transposedConv4x4(tf: Tf, x: Tensor, w: Tensor, grads: ConvGradients = {}): Tensor {
  const [n, h, wd] = x.shape as [number, number, number, number];
  // Adjoint of conv2x2(·, V): a full correlation with V flipped and its channels exchanged.
  const v = tf.transpose(tf.reverse(blockKernel(tf, w), [0, 1]), [0, 1, 3, 2]);
  const blocks = conv2dPadded(tf, x, v, 1, grads);
  const full = depthToSpace(tf, blocks);
  return tf.slice(full, [0, 1, 1, 0], [n, 2 * h, 2 * wd, -1]);
}
