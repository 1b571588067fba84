import { choleskySolve } from './cholesky';
import { logisticLoss, type LogisticProblem } from './logistic-loss';

/**
 * Damped Newton's method with the exact Hessian (X'WX + L2): a handful of iterations where
 * first-order methods need hundreds, affordable while the feature count stays small.
 */
export function minimiseNewton(problem: LogisticProblem, start: Float64Array, maxIterations: number): Float64Array {
  const { x } = problem;
  const n = x.columns + 1;
  let theta = Float64Array.from(start);
  const gradient = new Float64Array(n);
  const curvature = new Float64Array(x.rows);
  let loss = logisticLoss(problem, theta, gradient, curvature);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const step = choleskySolve(hessian(problem, curvature), gradient, n);
    if (!step) break;
    const decrement = step.reduce((s, v, i) => s + v * gradient[i], 0);
    if (decrement / 2 < 1e-12) break;
    let size = 1;
    let next = theta;
    let nextLoss = loss;
    for (let tries = 0; tries < 30; tries++) {
      next = theta.map((v, i) => v - size * step[i]);
      nextLoss = logisticLoss(problem, next);
      if (nextLoss <= loss - 1e-4 * size * decrement) break;
      size /= 2;
    }
    if (!(nextLoss < loss)) break;
    theta = next;
    loss = logisticLoss(problem, theta, gradient, curvature);
  }

  return theta;
}

/** Dense (d + 1)² Hessian; the last row and column belong to the intercept. */
function hessian(problem: LogisticProblem, curvature: Float64Array): Float64Array {
  const { x, l2 } = problem;
  const d = x.columns;
  const n = d + 1;
  const h = new Float64Array(n * n);
  for (let r = 0; r < x.rows; r++) {
    const c = curvature[r];
    for (let a = x.start[r]; a < x.start[r + 1]; a++) {
      const ia = x.index[a];
      const va = c * x.value[a];
      for (let b = a; b < x.start[r + 1]; b++) {
        const ib = x.index[b];
        h[ia < ib ? ia * n + ib : ib * n + ia] += va * x.value[b];
      }
      h[ia * n + d] += va;
    }
    h[d * n + d] += c;
  }
  for (let i = 0; i < n; i++) {
    if (i < d) h[i * n + i] += l2;
    for (let j = i + 1; j < n; j++) h[j * n + i] = h[i * n + j];
  }

  return h;
}
