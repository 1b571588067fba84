import { encodeRow, featureLayout } from '../features/feature-layout';
import { binColumns } from '../gbdt/binning';
import { gbdtMargins } from '../gbdt/train-gbdt';
import { addTreeContributions } from '../gbdt/tree';
import { sigmoid } from '../linear/logistic-regression';
import { typedValue, type FeatureValue } from '../table/dataset';
import type { LeadModel } from './lead-model';

export interface Reason {
  /** `Lead Origin = Lead Add Form`, `Total Time Spent on Website = 1200`, `Country missing`. */
  label: string;
  /** Change in final log-odds this column causes against an average lead of the training data. */
  contribution: number;
}

export interface Prediction {
  probability: number;
  reasons: Reason[];
}

/** Final log-odds of typed rows (aligned with `model.columns`). */
export function predictMargins(model: LeadModel, rows: FeatureValue[][]): Float64Array {
  const layout = featureLayout(model.encodings, model.linear.bins);
  const margins = Float64Array.from(rows, (row) => {
    const { index, value } = encodeRow(layout, row);
    let z = model.linear.intercept;
    index.forEach((j, k) => (z += model.linear.weights[j] * value[k]));
    return model.stack.intercept + model.stack.linear * z;
  });
  if (model.trees) {
    const treeMargins = gbdtMargins(model.trees, binColumns(model.encodings, model.trees.edges, rows));
    treeMargins.forEach((m, r) => (margins[r] += model.stack.trees * m));
  }

  return margins;
}

export function predictProbabilities(model: LeadModel, rows: FeatureValue[][]): Float64Array {
  return predictMargins(model, rows).map(sigmoid);
}

/** Typed row of a contact's attributes (or a CSV record) keyed by column name. */
export function rowFromRecord(model: LeadModel, record: Record<string, unknown>): FeatureValue[] {
  return model.columns.map((column) => typedValue(record[column.name], column.kind));
}

/**
 * Per column, its share of the final log-odds: the linear part's weights times the feature's
 * distance from the training mean, plus the trees' split attributions, each weighted by the stack.
 */
function columnContributions(model: LeadModel, row: FeatureValue[]): Float64Array {
  const layout = featureLayout(model.encodings, model.linear.bins);
  const { index, value } = encodeRow(layout, row);
  const active = new Map(index.map((j, k) => [j, value[k]]));
  const contributions = new Float64Array(model.columns.length);
  model.encodings.forEach((_, c) => {
    const end = layout.offsets[c + 1] ?? layout.width;
    for (let j = layout.offsets[c]; j < end; j++) contributions[c] += model.stack.linear * model.linear.weights[j] * ((active.get(j) ?? 0) - model.linear.means[j]);
  });
  if (model.trees) {
    const bins = binColumns(model.encodings, model.trees.edges, [row]);
    const fromTrees = new Float64Array(model.columns.length);
    for (const tree of model.trees.trees) addTreeContributions(tree, (c) => bins.bins[c][0], fromTrees);
    fromTrees.forEach((v, c) => (contributions[c] += model.stack.trees * v));
  }

  return contributions;
}

/** Conversion probability of one lead, with the columns that moved it most. */
export function predict(model: LeadModel, record: Record<string, unknown>, topReasons = 5): Prediction {
  const row = rowFromRecord(model, record);
  const reasons = Array.from(columnContributions(model, row), (contribution, c) => ({
    label: row[c] === undefined ? `${model.columns[c].name} missing` : `${model.columns[c].name} = ${row[c]}`,
    contribution,
  }));

  return {
    probability: predictProbabilities(model, [row])[0],
    reasons: reasons.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution)).slice(0, topReasons),
  };
}
