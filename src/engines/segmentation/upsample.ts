/**
 * A transposed convolution with a 2×2 kernel and stride 2 (no padding), written so that its
 * gradients run on every backend: the kernel's four taps never overlap in the output, so each
 * input cell's C_out × 4 output values are one matrix product (a 1×1 convolution to 4·C_out
 * channels), and the output is those values put in place: cell (i, j), tap (a, b) lands at
 * (2i + a, 2j + b). tfjs's own conv2dTranspose needs a filter gradient kernel the wasm backend
 * lacks; the unit test checks that both compute the same numbers.
 *
 * w: [2, 2, C_out, C_in] (tfjs's conv2dTranspose layout), x: [n, h, w, C_in] → [n, 2h, 2w, C_out].
 */
import type { Tensor, Tf } from '../../tf/types.ts';

export function transposedConv2x2(tf: Tf, x: Tensor, w: Tensor, b: Tensor): Tensor {
  return tf.tidy(() => {
    const [n, h, width, cIn] = x.shape as [number, number, number, number];
    const cOut = w.shape[2]!;
    // [C_in, (a, b, C_out)]: one column per tap and output channel.
    const matrix = tf.reshape(tf.transpose(w, [3, 0, 1, 2]), [cIn, 4 * cOut]);
    // [n·h, w, a, (b, C_out)] → [n·h, a, w, (b, C_out)]: row 2i + a, then column 2j + b (rank 4 only, for every backend).
    const taps = tf.reshape(tf.matMul(tf.reshape(x, [n * h * width, cIn]), matrix), [n * h, width, 2, 2 * cOut]);
    const placed = tf.reshape(tf.transpose(taps, [0, 2, 1, 3]), [n, 2 * h, 2 * width, cOut]);
    return tf.add(placed, b);
  });
}
