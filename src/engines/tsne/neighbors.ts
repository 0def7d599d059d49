/**
 * Exact k nearest neighbours (squared Euclidean) of every row of a feature matrix, on the tfjs
 * backend, as tiles: a block of rows times a block of columns is one matrix product and one
 * top-k, and each row keeps the best candidates over the column blocks.
 *
 * With an augmented layout the product already ranks neighbours: for a = [x_i, 1] and
 * B = [2 X^T ; -|x_j|^2], (a B)_j = 2 x_i.x_j - |x_j|^2 = |x_i|^2 - d_ij, so the top k of a row
 * are the k nearest, and d_ij = |x_i|^2 - score. B is transposed once, up front: on the wasm
 * backend matMul(a, b, false, true) is about 10x slower than matMul(a, transpose(b)).
 *
 * Why tiles: on the main-thread backends (wasm, cpu) a task must stay short, yet a product of few
 * rows is slow, because each one streams all of B through memory (with 10,000 digits, 28 MB). So
 * row blocks stay large (256 rows) and column blocks are sized to about 1.5e8 multiply-adds per
 * tile (some 15 ms). The GPU backends get the same tiles: one tile is the most work queued at a
 * time (runSliced), and whole rows (1,024 x 10,000 scores and their top-k) kept a CPU-emulated GPU
 * busy for seconds after its page had closed.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import { runSliced } from '../../tf/slices.ts';
import { createTimeSlicer } from './time-slice.ts';

export interface NeighborTable {
  k: number;
  /** Row-major [n x k], nearest first, the point itself excluded. */
  indices: Int32Array;
  /** Squared distances, same layout. */
  distances: Float32Array;
}

export interface NeighborOptions {
  onProgress?: ((rowsDone: number) => void) | undefined;
  /** Stops between tiles (the run ended): throws an AbortError. */
  signal?: AbortSignal | undefined;
}

/** Rows per plain-TypeScript step of the set-up (a few ms each; the slicer yields every 12 ms). */
const SETUP_ROWS = 500;
const MOST_COLUMNS = 6144;

export async function nearestNeighbors(tf: Tf, features: Float32Array, n: number, dim: number, k: number, options: NeighborOptions = {}): Promise<NeighborTable> {
  if (k >= n) throw new Error(`${k} neighbours need more than ${n} points`);
  // The set-up and the read-out are plain TypeScript on the page's thread on every backend.
  const pause = createTimeSlicer();
  const { augmented, squaredNorms, width } = await augmentVarying(features, n, dim, pause, options.signal);
  // Column blocks of B, sized so a 256-row tile is about 1.5e8 multiply-adds, and at most 6,144
  // columns: with few dimensions (PCA, CNN codes) the top-k of a tile costs more than its product
  // (256 x 10,000 scores: some 20 ms on wasm, the tile near 30 ms).
  const blockColumns = Math.max(256, Math.min(n, MOST_COLUMNS, 256 * Math.round(1.5e8 / (256 * width) / 256)));
  const blocks: { start: number; ranking: Tensor }[] = [];
  // The cpu backend multiplies in plain JavaScript, about 10x slower than wasm: smaller tiles.
  const rowBlock = tf.getBackend() === 'cpu' ? 32 : 256;
  const best = new NeighborHeaps(n, k + 1);
  let chunk: Tensor | undefined;
  const disposeChunk = () => {
    chunk?.dispose();
    chunk = undefined;
  };
  try {
    // B is written here, in short steps, and uploaded block by block: as tensor ops (a slice and a
    // transpose of the whole feature matrix) each block was one 30-40 ms task on wasm.
    for (let start = 0; start < n; start += blockColumns) {
      const count = Math.min(blockColumns, n - start);
      const values = await rankingBlock(augmented, squaredNorms, width, start, count, pause, options.signal);
      blocks.push({ start, ranking: tf.tensor2d(values, [width, count]) });
      await pauseOrStop(pause, options.signal);
    }
    // One tile per step: a row block times a column block, its top k + 1 (values, then indices as
    // floats: exact below 2^24) read back in order, in awaited slices. A row block's rows are one
    // tensor for all its tiles (on wasm, a product with fresh rows each time is much slower).
    const rowBlocks = Math.ceil(n / rowBlock);
    const tile = (t: number) => ({ first: Math.floor(t / blocks.length) * rowBlock, block: blocks[t % blocks.length]! });
    await runSliced(tf, rowBlocks * blocks.length, (t) => {
      const { first, block } = tile(t);
      const count = Math.min(rowBlock, n - first);
      if (t % blocks.length === 0) chunk = tf.tensor2d(augmented.subarray(first * width, (first + count) * width), [count, width]);
      const rowsHere = chunk!;
      const result = tf.tidy(() => {
        const top = tf.topk(tf.matMul(rowsHere, block.ranking), Math.min(k + 1, block.ranking.shape[1]!));
        return tf.concat([top.values, tf.cast(top.indices, 'float32')], 1);
      });
      if (t % blocks.length === blocks.length - 1) disposeChunk();
      return result;
    }, {
      signal: options.signal,
      onValues: (values, t) => {
        const { first, block } = tile(t);
        const count = Math.min(rowBlock, n - first);
        const per = Math.min(k + 1, block.ranking.shape[1]!);
        best.offer(first, count, values, per, block.start);
        if (t % blocks.length === blocks.length - 1) options.onProgress?.(first + count);
      },
    });
  } finally {
    disposeChunk();
    tf.dispose(blocks.map((b) => b.ranking));
  }
  const indices = new Int32Array(n * k);
  const distances = new Float32Array(n * k);
  for (let first = 0; first < n; first += SETUP_ROWS) {
    best.write(first, Math.min(n, first + SETUP_ROWS), squaredNorms, k, indices, distances);
    await pause();
  }
  return { k, indices, distances };
}

/**
 * The rows without the columns that are the same in every row (they change no distance), with a
 * column of ones appended, and the squared norms of the rows. Row by row, in chunks with pauses:
 * at 10,000 digits of 784 pixels this is some 16 million reads.
 */
async function augmentVarying(features: Float32Array, n: number, dim: number, pause: () => Promise<void>, signal: AbortSignal | undefined): Promise<{ augmented: Float32Array; squaredNorms: Float32Array; width: number }> {
  const varies = new Uint8Array(dim);
  for (let first = 1; first < n; first += SETUP_ROWS) {
    for (let i = first; i < Math.min(n, first + SETUP_ROWS); i++) {
      for (let c = 0; c < dim; c++) if (features[i * dim + c] !== features[c]) varies[c] = 1;
    }
    await pauseOrStop(pause, signal);
  }
  const keep = keptColumns(varies);
  const width = keep.length + 1;
  const augmented = new Float32Array(n * width);
  const squaredNorms = new Float32Array(n);
  for (let first = 0; first < n; first += SETUP_ROWS) {
    for (let i = first; i < Math.min(n, first + SETUP_ROWS); i++) {
      let norm = 0;
      for (let m = 0; m < keep.length; m++) {
        const value = features[i * dim + keep[m]!]!;
        augmented[i * width + m] = value;
        norm += value * value;
      }
      augmented[i * width + keep.length] = 1;
      squaredNorms[i] = norm;
    }
    await pauseOrStop(pause, signal);
  }
  return { augmented, squaredNorms, width };
}

/** Columns [start, start + count) of B = [2 X^T ; -|x_j|^2], row-major [width x count]. */
async function rankingBlock(augmented: Float32Array, squaredNorms: Float32Array, width: number, start: number, count: number, pause: () => Promise<void>, signal: AbortSignal | undefined): Promise<Float32Array> {
  const columns = width - 1;
  const values = new Float32Array(width * count);
  for (let first = 0; first < count; first += SETUP_ROWS) {
    for (let j = first; j < Math.min(count, first + SETUP_ROWS); j++) {
      const row = (start + j) * width;
      for (let c = 0; c < columns; c++) values[c * count + j] = 2 * augmented[row + c]!;
      values[columns * count + j] = -squaredNorms[start + j]!;
    }
    await pauseOrStop(pause, signal);
  }
  return values;
}

async function pauseOrStop(pause: () => Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  await pause();
  signal?.throwIfAborted();
}

/** The columns marked as varying, in order; at least one (all-constant data keeps column 0). */
function keptColumns(varies: Uint8Array): number[] {
  const keep: number[] = [];
  varies.forEach((flag, c) => flag && keep.push(c));
  return keep.length > 0 ? keep : [0];
}

/**
 * The best `size` candidates of each row by score (larger is nearer), over any number of offers.
 * A candidate replaces the row's worst one; a rescan then finds the new worst.
 */
class NeighborHeaps {
  readonly #size: number;
  readonly #scores: Float32Array;
  readonly #ids: Int32Array;
  readonly #filled: Int32Array;
  readonly #worst: Int32Array;

  constructor(n: number, size: number) {
    this.#size = size;
    this.#scores = new Float32Array(n * size);
    this.#ids = new Int32Array(n * size);
    this.#filled = new Int32Array(n);
    this.#worst = new Int32Array(n);
  }

  /** `tile` holds, for each of `count` rows, `per` scores then the `per` matching column ids. */
  offer(first: number, count: number, tile: ArrayLike<number>, per: number, offset: number): void {
    const size = this.#size;
    for (let r = 0; r < count; r++) {
      const row = first + r;
      const base = row * size;
      for (let m = 0; m < per; m++) {
        const score = tile[r * 2 * per + m]!;
        const id = tile[r * 2 * per + per + m]! + offset;
        const filled = this.#filled[row]!;
        if (filled < size) {
          this.#scores[base + filled] = score;
          this.#ids[base + filled] = id;
          this.#filled[row] = filled + 1;
          if (filled + 1 === size) this.#rescan(row);
        } else if (score > this.#scores[base + this.#worst[row]!]!) {
          this.#scores[base + this.#worst[row]!] = score;
          this.#ids[base + this.#worst[row]!] = id;
          this.#rescan(row);
        } else {
          // Offers come sorted within a block: the rest of this block's row is worse still.
          break;
        }
      }
    }
  }

  #rescan(row: number): void {
    const base = row * this.#size;
    let worst = 0;
    for (let m = 1; m < this.#size; m++) if (this.#scores[base + m]! < this.#scores[base + worst]!) worst = m;
    this.#worst[row] = worst;
  }

  /** Writes the k nearest of rows [from, to), nearest first, the row itself left out. */
  write(from: number, to: number, norms: Float32Array, k: number, indices: Int32Array, distances: Float32Array): void {
    const size = this.#size;
    const order = Array.from({ length: size }, (_, m) => m);
    for (let i = from; i < to; i++) {
      const base = i * size;
      order.sort((a, b) => this.#scores[base + b]! - this.#scores[base + a]! || this.#ids[base + a]! - this.#ids[base + b]!);
      let out = 0;
      // The point itself is normally first; with duplicates it may rank later, or not be kept.
      for (let m = 0; m < size && out < k; m++) {
        const j = this.#ids[base + order[m]!]!;
        if (j === i) continue;
        indices[i * k + out] = j;
        distances[i * k + out] = Math.max(0, norms[i]! - this.#scores[base + order[m]!]!);
        out++;
      }
    }
  }
}
