import type { SparseMatrix } from '../features/sparse-matrix';
import { minimiseLbfgs } from './lbfgs';
import { logisticLoss, margin, type LogisticProblem } from './logistic-loss';
import { minimiseNewton } from './newton';

export { margin };

export interface LogisticModel {
  weights: number[];
  intercept: number;
}

export interface LogisticOptions {
  /** Strength of the L2 penalty on the weights (not the intercept), relative to the mean loss. */
  l2: number;
  /** Per-row weights, e.g. class weights; default 1. */
  sampleWeights?: Float64Array;
  start?: LogisticModel;
}

/** Above this many features the dense Newton step costs more than L-BFGS's many cheap ones. */
const NEWTON_MAX_FEATURES = 1500;

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** L2-regularised logistic regression on the weighted mean log-loss. */
export function trainLogistic(x: SparseMatrix, labels: Uint8Array, options: LogisticOptions): LogisticModel {
  const d = x.columns;
  const raw = options.sampleWeights ?? new Float64Array(x.rows).fill(1);
  const total = raw.reduce((s, w) => s + w, 0);
  const problem: LogisticProblem = { x, labels, weights: raw.map((w) => w / total), l2: options.l2 };
  const start = new Float64Array(d + 1);
  if (options.start) {
    start.set(options.start.weights);
    start[d] = options.start.intercept;
  }
  const theta =
    d <= NEWTON_MAX_FEATURES
      ? minimiseNewton(problem, start, 50)
      : minimiseLbfgs((t, g) => logisticLoss(problem, t, g), start, { maxIterations: 500, tolerance: 1e-6 });

  return { weights: Array.from(theta.subarray(0, d)), intercept: theta[d] };
}
