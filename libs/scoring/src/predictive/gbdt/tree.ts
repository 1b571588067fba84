import type { BinnedColumns } from './binning';

export type TreeNode = { column: number; leftBins: number[]; left: number; right: number } | { value: number };

/** Nodes in creation order; node 0 is the root. */
export interface Tree {
  nodes: TreeNode[];
}

const masks = new WeakMap<Tree, Uint8Array[]>();

/** Per node, a lookup of the bins that go left (built once per tree, not stored). */
function leftMasks(tree: Tree): Uint8Array[] {
  let cached = masks.get(tree);
  if (!cached) {
    cached = tree.nodes.map((node) => {
      if ('value' in node) return new Uint8Array(0);
      const mask = new Uint8Array(Math.max(...node.leftBins) + 1);
      for (const b of node.leftBins) mask[b] = 1;
      return mask;
    });
    masks.set(tree, cached);
  }

  return cached;
}

/** Adds the tree's leaf value of every row to `margins`. */
export function addTree(tree: Tree, data: BinnedColumns, margins: Float64Array): void {
  const mask = leftMasks(tree);
  for (let r = 0; r < data.rows; r++) {
    let id = 0;
    let node = tree.nodes[0];
    while (!('value' in node)) {
      id = mask[id][data.bins[node.column][r]] === 1 ? node.left : node.right;
      node = tree.nodes[id];
    }
    margins[r] += node.value;
  }
}
