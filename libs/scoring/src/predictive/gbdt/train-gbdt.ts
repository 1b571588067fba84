import { mulberry32 } from '@parley/core';
import type { BinnedColumns } from './binning';
import { growTree, type TreeParams } from './grow-tree';
import { addTree, type Tree } from './tree';

export interface GbdtParams extends TreeParams {
  trees: number;
  /** Share of rows each tree sees (stochastic gradient boosting). */
  rowSample: number;
  /** Share of columns each tree may split on. */
  columnSample: number;
  seed: number;
}

export const DEFAULT_GBDT_PARAMS: GbdtParams = {
  trees: 300,
  learningRate: 0.1,
  maxDepth: 3,
  lambda: 1,
  minRowsPerLeaf: 20,
  minHessianPerLeaf: 1,
  rowSample: 0.8,
  columnSample: 0.5,
  seed: 1,
};

export interface GbdtEnsemble {
  /** Log-odds every row starts from: the weighted base rate. */
  base: number;
  trees: Tree[];
}

/** Gradient-boosted trees on the weighted logistic loss; `onTree` sees each tree as it is added and may stop the boosting early. */
export function trainGbdt(
  data: BinnedColumns,
  categorical: boolean[],
  labels: Uint8Array,
  sampleWeights: Float64Array,
  params: GbdtParams,
  onTree?: (tree: Tree) => 'stop' | void,
): GbdtEnsemble {
  const random = mulberry32(params.seed);
  const n = data.rows;
  const base = baseMargin(labels, sampleWeights);
  const margins = new Float64Array(n).fill(base);
  const gradients = new Float64Array(2 * n);
  const allColumns = data.bins.map((_, c) => c);
  const sampled = new Int32Array(n);
  const trees: Tree[] = [];
  for (let t = 0; t < params.trees; t++) {
    for (let r = 0; r < n; r++) {
      const p = 1 / (1 + Math.exp(-margins[r]));
      gradients[2 * r] = sampleWeights[r] * (p - labels[r]);
      gradients[2 * r + 1] = sampleWeights[r] * Math.max(p * (1 - p), 1e-6);
    }
    let count = 0;
    for (let r = 0; r < n; r++) if (random() < params.rowSample) sampled[count++] = r;
    const columns = allColumns.filter(() => random() < params.columnSample);
    const growth = { data, categorical, gradients, params, columns: columns.length ? columns : allColumns };
    const tree = growTree(growth, sampled.slice(0, count));
    addTree(tree, data, margins);
    trees.push(tree);
    if (onTree?.(tree) === 'stop') break;
  }

  return { base, trees };
}

/** Log-odds of the weighted base rate: where every row's margin starts. */
export function baseMargin(labels: Uint8Array, sampleWeights: Float64Array): number {
  let positive = 0;
  let total = 0;
  labels.forEach((y, r) => {
    positive += y * sampleWeights[r];
    total += sampleWeights[r];
  });

  return Math.log(positive / (total - positive));
}

export function gbdtMargins(ensemble: GbdtEnsemble, data: BinnedColumns, treeCount = ensemble.trees.length): Float64Array {
  const margins = new Float64Array(data.rows).fill(ensemble.base);
  for (const tree of ensemble.trees.slice(0, treeCount)) addTree(tree, data, margins);

  return margins;
}
