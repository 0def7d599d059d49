/**
 * Barnes-Hut repulsion for 2-D t-SNE (van der Maaten 2014): the repulsive part of the gradient,
 * sum_j w_ij^2 (y_i - y_j) with w_ij = 1 / (1 + |y_i - y_j|^2), and the normalization
 * Z = sum_{i != j} w_ij, where every quadtree cell that looks small from y_i
 * (cell side / distance < theta) is summarized by its point count at its centre of mass.
 *
 * Layout, chosen for a tight inner loop: the tree is rebuilt every iteration into flat typed
 * arrays, nodes in depth-first order with `skip`, the index of the node after the subtree, so
 * traversal is one forward loop with no stack. A leaf has side 0, so it is always "small" unless
 * it sits exactly on y_i: that is y_i's own leaf, which the same test skips. Points are visited
 * in tree order (neighbouring points walk nearly the same path through the nodes).
 */

const MAX_DEPTH = 40;
/** A positive floor on theta^2: with theta = 0 the sum is exact but leaves still pass the test. */
const MIN_THETA2 = 1e-24;

export interface QuadTree {
  nodeCount: number;
  /** Per node, stride 4: centre of mass x, y; squared cell side (0 for leaves); point count. */
  nodes: Float64Array;
  /** Per node: index of the first node after its subtree. */
  skip: Int32Array;
  /** Point indices in tree order. */
  order: Int32Array;
}

export interface QuadTreeBuilder {
  build(y: Float64Array, n: number): QuadTree;
}

/** A builder that reuses its arrays from one iteration to the next. */
export function createQuadTreeBuilder(): QuadTreeBuilder {
  let tree: QuadTree = { nodeCount: 0, nodes: new Float64Array(0), skip: new Int32Array(0), order: new Int32Array(0) };
  const ensure = (nodes: number, n: number) => {
    if (tree.skip.length < nodes) {
      const capacity = Math.max(nodes, 2 * tree.skip.length);
      const grown = new Float64Array(4 * capacity);
      grown.set(tree.nodes);
      const skip = new Int32Array(capacity);
      skip.set(tree.skip);
      tree = { ...tree, nodes: grown, skip };
    }
    if (tree.order.length < n) tree = { ...tree, order: new Int32Array(n) };
  };

  return {
    build(y, n) {
      ensure(2 * n + 16, n);
      const order = tree.order;
      for (let i = 0; i < n; i++) order[i] = i;
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (let i = 0; i < n; i++) {
        const x = y[2 * i]!, v = y[2 * i + 1]!;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (v < minY) minY = v;
        if (v > maxY) maxY = v;
      }
      // Slightly larger than the extent, so the largest coordinate falls inside the root.
      const side = Math.max(maxX - minX, maxY - minY) * (1 + 1e-9) + 1e-12;
      let count = 0;

      const node = (from: number, to: number, x0: number, y0: number, s: number, depth: number): void => {
        if (count + 1 > tree.skip.length) ensure(2 * (count + 1), n);
        const id = count++;
        const nodes = tree.nodes;
        let sx = 0, sy = 0;
        for (let a = from; a < to; a++) {
          const i = order[a]!;
          sx += y[2 * i]!;
          sy += y[2 * i + 1]!;
        }
        const points = to - from;
        nodes[4 * id] = sx / points;
        nodes[4 * id + 1] = sy / points;
        nodes[4 * id + 3] = points;
        // Coincident points end in one leaf at MAX_DEPTH; they repel each other with force 0.
        const leaf = points === 1 || depth >= MAX_DEPTH;
        nodes[4 * id + 2] = leaf ? 0 : s * s;
        if (!leaf) {
          const h = s / 2;
          const midX = x0 + h, midY = y0 + h;
          const splitY = partition(order, y, from, to, 1, midY);
          const splitLow = partition(order, y, from, splitY, 0, midX);
          const splitHigh = partition(order, y, splitY, to, 0, midX);
          if (splitLow > from) node(from, splitLow, x0, y0, h, depth + 1);
          if (splitY > splitLow) node(splitLow, splitY, midX, y0, h, depth + 1);
          if (splitHigh > splitY) node(splitY, splitHigh, x0, midY, h, depth + 1);
          if (to > splitHigh) node(splitHigh, to, midX, midY, h, depth + 1);
        }
        tree.skip[id] = count;
      };
      if (n > 0) node(0, n, minX, minY, side, 0);
      tree.nodeCount = count;
      return tree;
    },
  };
}

/** Moves the points whose coordinate `axis` is below `pivot` to the front of order[from, to). */
function partition(order: Int32Array, y: Float64Array, from: number, to: number, axis: number, pivot: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    if (y[2 * order[lo]! + axis]! < pivot) {
      lo++;
    } else {
      const tmp = order[lo]!;
      order[lo] = order[hi]!;
      order[hi] = tmp;
      hi--;
    }
  }
  return lo;
}

/** Z is summed in blocks of this many points (in tree order), then block by block: the same sum
 * in the same order however the points are split between threads. */
export const Z_BLOCK = 256;

/**
 * For the points at tree positions [from, to) (from a multiple of Z_BLOCK), writes
 * sum_j w_ij^2 (y_i - y_j) into `forces` (x, y interleaved, indexed by point) and each block's
 * part of Z = sum_{i != j} w_ij into blockZ[block], all with opening angle `theta`
 * (0: exact; 0.5: the usual choice).
 */
export function repulsion(tree: QuadTree, y: Float64Array, theta: number, forces: Float64Array, blockZ: Float64Array, from: number, to: number): void {
  const { nodes, skip, order, nodeCount } = tree;
  const theta2 = Math.max(theta * theta, MIN_THETA2);
  let z = 0;
  for (let a = from; a < to; a++) {
    const i = order[a]!;
    const xi = y[2 * i]!, yi = y[2 * i + 1]!;
    let fx = 0, fy = 0, zi = 0;
    let node = 0;
    while (node < nodeCount) {
      const base = 4 * node;
      const dx = xi - nodes[base]!;
      const dy = yi - nodes[base + 1]!;
      const d2 = dx * dx + dy * dy;
      if (nodes[base + 2]! < theta2 * d2) {
        const w = 1 / (1 + d2);
        const cw = nodes[base + 3]! * w;
        zi += cw;
        fx += cw * w * dx;
        fy += cw * w * dy;
        node = skip[node]!;
      } else {
        node++;
      }
    }
    forces[2 * i] = fx;
    forces[2 * i + 1] = fy;
    z += zi;
    if ((a + 1) % Z_BLOCK === 0 || a + 1 === to) {
      blockZ[Math.floor(a / Z_BLOCK)] = z;
      z = 0;
    }
  }
}

/** Z from its block parts, summed in block order. */
export function sumBlocks(blockZ: Float64Array): number {
  let z = 0;
  for (const part of blockZ) z += part;
  return z;
}
