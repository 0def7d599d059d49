/**
 * Truncated BPTT's batches: the text is cut into B equal streams read side by side, T characters
 * of each per step, so the hidden state at the end of one step is the right starting state for
 * the next (it is carried over, its gradient is not). When a stream runs out, all restart at
 * their beginnings with zero states.
 */
export interface Batch {
  /** [T, B] row-major: inputs[t·B + b] is stream b's character at step t. */
  inputs: Int32Array;
  targets: Int32Array;
  /** True when this batch starts the streams over (the caller zeroes the carried state). */
  restart: boolean;
}

export function createStreamBatcher(text: Int32Array, batch: number, steps: number): () => Batch {
  const streamLength = Math.floor(text.length / batch);
  if (streamLength < steps + 1) throw new Error(`The text is too short for ${batch} streams of ${steps + 1} characters (it has ${text.length}).`);
  let cursor = 0;
  return () => {
    const restart = cursor + steps + 1 > streamLength || cursor === 0;
    if (cursor + steps + 1 > streamLength) cursor = 0;
    const inputs = new Int32Array(steps * batch);
    const targets = new Int32Array(steps * batch);
    for (let t = 0; t < steps; t++) {
      for (let b = 0; b < batch; b++) {
        const at = b * streamLength + cursor + t;
        inputs[t * batch + b] = text[at]!;
        targets[t * batch + b] = text[at + 1]!;
      }
    }
    cursor += steps;
    return { inputs, targets, restart };
  };
}
