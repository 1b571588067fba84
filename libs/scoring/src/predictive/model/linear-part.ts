import { fitColumnEncodings, type ColumnEncoding } from '../features/column-encoding';
import { encodeRows, featureLayout } from '../features/feature-layout';
import type { SparseMatrix } from '../features/sparse-matrix';
import { trainLogistic, type LogisticModel } from '../linear/logistic-regression';
import type { ColumnSpec, FeatureValue } from '../table/dataset';
import type { ModelOptions } from './lead-model';

export function fitEncodings(columns: ColumnSpec[], rows: FeatureValue[][], options: ModelOptions): ColumnEncoding[] {
  return fitColumnEncodings(columns, rows, { minCount: options.minCount, maxBins: options.linearBins, logSkewed: true, missingIndicators: true });
}

export function linearMatrix(encodings: ColumnEncoding[], bins: boolean, rows: FeatureValue[][]): SparseMatrix {
  return encodeRows(featureLayout(encodings, bins), rows);
}

/** One model per L2 strength, from the strongest down, each warm-started from the previous. */
export function linearPath(x: SparseMatrix, labels: Uint8Array, weights: Float64Array, grid: number[]): LogisticModel[] {
  const order = grid.map((l2, i) => ({ l2, i })).sort((a, b) => b.l2 - a.l2);
  const models: LogisticModel[] = new Array(grid.length);
  let start: LogisticModel | undefined;
  for (const { l2, i } of order) {
    start = trainLogistic(x, labels, { l2, sampleWeights: weights, start });
    models[i] = start;
  }

  return models;
}

export function featureMeans(x: SparseMatrix): number[] {
  const sums = new Float64Array(x.columns);
  for (let k = 0; k < x.index.length; k++) sums[x.index[k]] += x.value[k];

  return Array.from(sums, (s) => s / Math.max(1, x.rows));
}
