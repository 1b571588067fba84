import { sparseFromRows } from '../features/sparse-matrix';
import { binColumns, fitTreeEdges } from '../gbdt/binning';
import { trainGbdt } from '../gbdt/train-gbdt';
import { trainLogistic } from '../linear/logistic-regression';
import { rocAuc } from '../evaluation/metrics';
import type { Dataset } from '../table/dataset';
import { classWeights, weightedLogLoss } from './class-weights';
import { DEFAULT_MODEL_OPTIONS, LEAD_MODEL_FORMAT, LEAD_MODEL_VERSION, TREE_CHECKPOINT, type LeadModel, type ModelOptions } from './lead-model';
import { featureMeans, fitEncodings, linearMatrix, linearPath } from './linear-part';
import { categoricalMask, outOfFoldMargins, treeParams } from './out-of-fold';

export interface TrainingData extends Dataset {
  target: string;
  positive: string;
}

export interface TrainingSummary {
  l2: number;
  trees: number;
  /** AUC of the stacked out-of-fold predictions on the training split. */
  crossValidatedAuc: number;
  stack: LeadModel['stack'];
}

/** Chooses L2 and the tree count by internal cross-validation on `data` only, then fits on all of it. */
export function trainModel(
  data: TrainingData,
  overrides: Partial<ModelOptions> = {},
  onProgress?: (message: string) => void,
): { model: LeadModel; summary: TrainingSummary } {
  const options = { ...DEFAULT_MODEL_OPTIONS, ...overrides };
  const weights = classWeights(data.labels, options.classWeight);
  const oof = outOfFoldMargins(data, weights, options, onProgress);
  const l2Index = argMin(oof.linear.map((m) => weightedLogLoss(data.labels, m, weights)));
  const treeIndex = options.trees ? argMin(oof.trees.map((m) => weightedLogLoss(data.labels, m, weights))) : -1;
  const inputs = options.trees ? [oof.linear[l2Index], oof.trees[treeIndex]] : [oof.linear[l2Index]];
  const stacked = fitStack(inputs, data.labels);

  const encodings = fitEncodings(data.columns, data.rows, options);
  const x = linearMatrix(encodings, true, data.rows);
  const l2 = options.l2Grid[l2Index];
  const [linear] = linearPath(x, data.labels, weights, [l2]);
  const treeCount = (treeIndex + 1) * TREE_CHECKPOINT;
  let trees: LeadModel['trees'];
  if (options.trees) {
    onProgress?.(`final fit: L2 ${l2}, ${treeCount} trees`);
    const edges = fitTreeEdges(encodings, data.rows, options.treeBins);
    const ensemble = trainGbdt(binColumns(encodings, edges, data.rows), categoricalMask(encodings), data.labels, weights, treeParams(options, treeCount));
    trees = { edges, ...ensemble };
  }
  const model: LeadModel = {
    format: LEAD_MODEL_FORMAT,
    version: LEAD_MODEL_VERSION,
    target: data.target,
    positive: data.positive,
    columns: data.columns,
    encodings,
    linear: { bins: true, weights: linear.weights, intercept: linear.intercept, means: featureMeans(x), l2 },
    trees,
    stack: stacked.stack,
  };

  return { model, summary: { l2, trees: options.trees ? treeCount : 0, crossValidatedAuc: rocAuc(data.labels, stacked.margins), stack: stacked.stack } };
}

/** A small unweighted logistic regression on the base models' margins: blend weights and calibration at once. */
function fitStack(inputs: Float64Array[], labels: Uint8Array): { stack: LeadModel['stack']; margins: Float64Array } {
  const rows = Array.from({ length: labels.length }, (_, r) => ({ index: inputs.map((_, i) => i), value: inputs.map((m) => m[r]) }));
  const fitted = trainLogistic(sparseFromRows(inputs.length, rows), labels, { l2: 1e-4 });
  const stack = { linear: fitted.weights[0], trees: fitted.weights[1] ?? 0, intercept: fitted.intercept };
  const margins = Float64Array.from(labels, (_, r) => stack.linear * inputs[0][r] + (inputs[1] ? stack.trees * inputs[1][r] : 0) + stack.intercept);

  return { stack, margins };
}

function argMin(values: number[]): number {
  return values.reduce((best, v, i) => (v < values[best] ? i : best), 0);
}
