import type { ColumnEncoding } from '../features/column-encoding';
import { binColumns, fitTreeEdges } from '../gbdt/binning';
import { baseMargin, DEFAULT_GBDT_PARAMS, trainGbdt, type GbdtParams } from '../gbdt/train-gbdt';
import { addTree } from '../gbdt/tree';
import { margin } from '../linear/logistic-regression';
import { stratifiedFolds } from '../evaluation/split';
import type { Dataset, FeatureValue } from '../table/dataset';
import { weightedLogLoss } from './class-weights';
import { TREE_CHECKPOINT, TREE_PATIENCE, type ModelOptions } from './lead-model';
import { fitEncodings, linearMatrix, linearPath } from './linear-part';

/** Out-of-fold margins of the training split: per L2 strength, and per tree-count checkpoint. */
export interface OutOfFold {
  linear: Float64Array[];
  trees: Float64Array[];
}

interface Side {
  rows: FeatureValue[][];
  labels: Uint8Array;
  weights: Float64Array;
}

export function outOfFoldMargins(data: Dataset, weights: Float64Array, options: ModelOptions, onProgress?: (message: string) => void): OutOfFold {
  const n = data.labels.length;
  const fold = stratifiedFolds(data.labels, options.folds, options.seed);
  const result: OutOfFold = {
    linear: options.l2Grid.map(() => new Float64Array(n)),
    trees: Array.from({ length: options.trees ? Math.floor(options.maxTrees / TREE_CHECKPOINT) : 0 }, () => new Float64Array(n)),
  };
  for (let f = 0; f < options.folds; f++) {
    const valid = [...fold.keys()].filter((r) => fold[r] === f);
    const side = (rows: number[]): Side => ({
      rows: rows.map((r) => data.rows[r]),
      labels: Uint8Array.from(rows, (r) => data.labels[r]),
      weights: Float64Array.from(rows, (r) => weights[r]),
    });
    const train = side([...fold.keys()].filter((r) => fold[r] !== f));
    const validSide = side(valid);
    const encodings = fitEncodings(data.columns, train.rows, options);
    const validX = linearMatrix(encodings, true, validSide.rows);
    linearPath(linearMatrix(encodings, true, train.rows), train.labels, train.weights, options.l2Grid).forEach((model, g) =>
      valid.forEach((row, k) => (result.linear[g][row] = margin(model.weights, model.intercept, validX, k))),
    );
    if (options.trees) {
      const curve = treeCurve(encodings, train, validSide, options);
      curve.forEach((margins, checkpoint) => valid.forEach((row, k) => (result.trees[checkpoint][row] = margins[k])));
    }
    onProgress?.(`cross-validation fold ${f + 1}/${options.folds} done`);
  }

  return result;
}

/**
 * Validation margins after every TREE_CHECKPOINT trees. Boosting stops once the validation loss
 * has not improved for TREE_PATIENCE checkpoints; the remaining checkpoints keep the last margins.
 */
function treeCurve(encodings: ColumnEncoding[], train: Side, valid: Side, options: ModelOptions): Float64Array[] {
  const edges = fitTreeEdges(encodings, train.rows, options.treeBins);
  const validBins = binColumns(encodings, edges, valid.rows);
  const margins = new Float64Array(valid.rows.length).fill(baseMargin(train.labels, train.weights));
  const curve: Float64Array[] = [];
  let best = { loss: Infinity, checkpoint: 0 };
  let added = 0;
  trainGbdt(binColumns(encodings, edges, train.rows), categoricalMask(encodings), train.labels, train.weights, treeParams(options), (tree) => {
    addTree(tree, validBins, margins);
    if (++added % TREE_CHECKPOINT !== 0) return;
    curve.push(Float64Array.from(margins));
    const loss = weightedLogLoss(valid.labels, margins, valid.weights);
    if (loss < best.loss) best = { loss, checkpoint: curve.length - 1 };
    if (curve.length - 1 - best.checkpoint >= TREE_PATIENCE) return 'stop';
  });
  while (curve.length < Math.floor(options.maxTrees / TREE_CHECKPOINT)) curve.push(curve[curve.length - 1]);

  return curve;
}

export function categoricalMask(encodings: ColumnEncoding[]): boolean[] {
  return encodings.map((e) => e.kind === 'categorical');
}

export function treeParams(options: ModelOptions, trees = options.maxTrees): GbdtParams {
  return { ...DEFAULT_GBDT_PARAMS, trees, learningRate: options.learningRate, maxDepth: options.maxDepth, seed: options.seed };
}
