import { fitColumnEncodings } from '../features/column-encoding';
import { trainLogistic } from '../linear/logistic-regression';
import { LEAD_MODEL_FORMAT, LEAD_MODEL_VERSION, type LeadModel } from './lead-model';
import { featureMeans, linearMatrix } from './linear-part';
import type { TrainingData } from './train-model';

/**
 * The in-run baseline: plain one-hot logistic regression. Every category seen gets a column,
 * missing is a category of its own, numerics are median-imputed and standardised; L2 as
 * scikit-learn's default (C = 1), no class weights, no bins, no trees.
 */
export function trainBaselineModel(data: TrainingData): LeadModel {
  const encodings = fitColumnEncodings(data.columns, data.rows, { minCount: 1, maxBins: 0, logSkewed: false, missingIndicators: false });
  const x = linearMatrix(encodings, false, data.rows);
  const l2 = 1 / data.rows.length;
  const fitted = trainLogistic(x, data.labels, { l2 });

  return {
    format: LEAD_MODEL_FORMAT,
    version: LEAD_MODEL_VERSION,
    target: data.target,
    positive: data.positive,
    columns: data.columns,
    encodings,
    linear: { bins: false, weights: fitted.weights, intercept: fitted.intercept, means: featureMeans(x), l2 },
    stack: { linear: 1, trees: 0, intercept: 0 },
  };
}
