import type { BinnedColumns } from './binning';
import { findSplit, histogramTotals, type Histogram, type Split, type SplitParams } from './find-split';
import type { LeafNode, Tree, TreeNode } from './tree';

export interface TreeParams extends SplitParams {
  maxDepth: number;
  learningRate: number;
}

interface Growth {
  data: BinnedColumns;
  categorical: boolean[];
  /** Per row: gradient, hessian (interleaved). */
  gradients: Float64Array;
  columns: number[];
  params: TreeParams;
}

/**
 * One regression tree grown depth-first to `maxDepth`. Only the smaller child's histograms are
 * built from rows; the larger child's are the parent's minus the smaller's.
 */
export function growTree(growth: Growth, rows: Int32Array): Tree {
  const nodes: TreeNode[] = [];
  grow(growth, nodes, rows, growth.columns.map((c) => buildHistogram(growth, c, rows)), 0);

  return { nodes };
}

function leaf(growth: Growth, sums: { gradient: number; hessian: number }): LeafNode {
  return { value: (-sums.gradient / (sums.hessian + growth.params.lambda)) * growth.params.learningRate };
}

function grow(growth: Growth, nodes: TreeNode[], rows: Int32Array, histograms: Histogram[], depth: number): number {
  const id = nodes.length;
  nodes.push(leaf(growth, histogramTotals(histograms[0])));
  if (rows.length < 2 * growth.params.minRowsPerLeaf) return id;
  const best = bestSplit(growth, histograms);
  if (!best) return id;
  const { column, split } = best;
  const [left, right] = partition(rows, growth.data.bins[column], split.leftBins);
  let leftId: number;
  let rightId: number;
  if (depth + 1 === growth.params.maxDepth) {
    leftId = nodes.push(leaf(growth, split.left)) - 1;
    rightId = nodes.push(leaf(growth, split.right)) - 1;
  } else {
    const smaller = left.length <= right.length ? left : right;
    const small = growth.columns.map((c) => buildHistogram(growth, c, smaller));
    const large = histograms.map((h, i) => h.map((v, k) => v - small[i][k]));
    leftId = grow(growth, nodes, left, smaller === left ? small : large, depth + 1);
    rightId = grow(growth, nodes, right, smaller === left ? large : small, depth + 1);
  }
  nodes[id] = { value: nodes[id].value, column, leftBins: split.leftBins, left: leftId, right: rightId };

  return id;
}

function bestSplit(growth: Growth, histograms: Histogram[]): { column: number; split: Split } | undefined {
  let best: { column: number; split: Split } | undefined;
  growth.columns.forEach((column, i) => {
    const split = findSplit(histograms[i], growth.categorical[column], growth.params);
    if (split && split.gain > (best?.split.gain ?? 0)) best = { column, split };
  });

  return best;
}

function partition(rows: Int32Array, bins: Uint16Array, leftBins: number[]): [Int32Array, Int32Array] {
  const goesLeft = new Uint8Array(Math.max(...leftBins) + 1);
  for (const b of leftBins) goesLeft[b] = 1;
  const left = new Int32Array(rows.length);
  const right = new Int32Array(rows.length);
  let l = 0;
  let r = 0;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    if (goesLeft[bins[row]] === 1) left[l++] = row;
    else right[r++] = row;
  }

  return [left.subarray(0, l), right.subarray(0, r)];
}

function buildHistogram(growth: Growth, column: number, rows: Int32Array): Histogram {
  const bins = growth.data.bins[column];
  const gradients = growth.gradients;
  const histogram = new Float64Array(3 * growth.data.binCounts[column]);
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    const b = 3 * bins[row];
    histogram[b] += gradients[2 * row];
    histogram[b + 1] += gradients[2 * row + 1];
    histogram[b + 2]++;
  }

  return histogram;
}
