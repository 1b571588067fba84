import { featureLayout, featureNames } from '../features/feature-layout';
import type { LeadModel } from './lead-model';

export interface Coefficient {
  feature: string;
  /** Log-odds per unit of the feature (per standard deviation for `(higher)` features) in the logistic regression. */
  weight: number;
}

/** The logistic regression's largest coefficients, as the reasons the model learned; the stack weighs them by `stack.linear`. */
export function modelCoefficients(model: LeadModel, top = 10): Coefficient[] {
  const names = featureNames(featureLayout(model.encodings, model.linear.bins));

  return model.linear.weights
    .map((w, j) => ({ feature: names[j], weight: w }))
    .filter((c) => c.weight !== 0)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.feature < b.feature ? -1 : 1))
    .slice(0, top);
}
