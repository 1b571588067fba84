import type { BinnedColumns } from './binning';

export type LeafNode = { value: number };
/** `value` of a split node is what it would predict as a leaf: used to attribute the prediction to columns. */
export type SplitNode = { value: number; column: number; leftBins: number[]; left: number; right: number };
export type TreeNode = LeafNode | SplitNode;

/** Nodes in creation order; node 0 is the root. */
export interface Tree {
  nodes: TreeNode[];
}

export const isSplit = (node: TreeNode): node is SplitNode => 'column' in node;

const masks = new WeakMap<Tree, Uint8Array[]>();

/** Per node, a lookup of the bins that go left (built once per tree, not stored). */
function leftMasks(tree: Tree): Uint8Array[] {
  let cached = masks.get(tree);
  if (!cached) {
    cached = tree.nodes.map((node) => {
      if (!isSplit(node)) return new Uint8Array(0);
      const mask = new Uint8Array(Math.max(...node.leftBins) + 1);
      for (const b of node.leftBins) mask[b] = 1;
      return mask;
    });
    masks.set(tree, cached);
  }

  return cached;
}

/** Ids of the nodes a row passes, root to leaf. */
function path(tree: Tree, mask: Uint8Array[], binOf: (column: number) => number): number[] {
  const ids = [0];
  let node = tree.nodes[0];
  while (isSplit(node)) {
    const next = mask[ids[ids.length - 1]][binOf(node.column)] === 1 ? node.left : node.right;
    ids.push(next);
    node = tree.nodes[next];
  }

  return ids;
}

/** Adds the tree's leaf value of every row to `margins`. */
export function addTree(tree: Tree, data: BinnedColumns, margins: Float64Array): void {
  const mask = leftMasks(tree);
  for (let r = 0; r < data.rows; r++) {
    let id = 0;
    let node = tree.nodes[0];
    while (isSplit(node)) {
      id = mask[id][data.bins[node.column][r]] === 1 ? node.left : node.right;
      node = tree.nodes[id];
    }
    margins[r] += node.value;
  }
}

/**
 * Splits one row's leaf value into the root's value plus, per column, the value changes of the
 * splits on that column along the row's path (Saabas' attribution); adds them to `byColumn`.
 */
export function addTreeContributions(tree: Tree, binOf: (column: number) => number, byColumn: Float64Array): void {
  const ids = path(tree, leftMasks(tree), binOf);
  for (let k = 1; k < ids.length; k++) {
    const parent = tree.nodes[ids[k - 1]] as SplitNode;
    byColumn[parent.column] += tree.nodes[ids[k]].value - parent.value;
  }
}
