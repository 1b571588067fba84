import type { SparseMatrix } from '../features/sparse-matrix';

/** The penalised, weighted mean log-loss of a logistic regression; theta = [weights…, intercept]. */
export interface LogisticProblem {
  x: SparseMatrix;
  labels: Uint8Array;
  /** Row weights normalised to sum to 1. */
  weights: Float64Array;
  l2: number;
}

export function margin(weights: ArrayLike<number>, intercept: number, x: SparseMatrix, row: number): number {
  let z = intercept;
  for (let k = x.start[row]; k < x.start[row + 1]; k++) z += weights[x.index[k]] * x.value[k];

  return z;
}

/**
 * Loss at theta; fills `gradient` when given, and `curvature` (per row p(1-p) times its weight,
 * for the Newton solver) when given.
 */
export function logisticLoss(problem: LogisticProblem, theta: Float64Array, gradient?: Float64Array, curvature?: Float64Array): number {
  const { x, labels, weights, l2 } = problem;
  const d = x.columns;
  gradient?.fill(0);
  let loss = 0;
  for (let r = 0; r < x.rows; r++) {
    const z = margin(theta, theta[d], x, r);
    const e = Math.exp(-Math.abs(z));
    loss += weights[r] * (Math.max(z, 0) - z * labels[r] + Math.log1p(e));
    const p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    if (curvature) curvature[r] = weights[r] * p * (1 - p);
    if (!gradient) continue;
    const residual = weights[r] * (p - labels[r]);
    for (let k = x.start[r]; k < x.start[r + 1]; k++) gradient[x.index[k]] += residual * x.value[k];
    gradient[d] += residual;
  }
  for (let j = 0; j < d; j++) {
    loss += 0.5 * l2 * theta[j] * theta[j];
    if (gradient) gradient[j] += l2 * theta[j];
  }

  return loss;
}
