import { mulberry32 } from '@parley/core';
import { sparseFromRows } from '../features/sparse-matrix';
import { minimiseLbfgs } from './lbfgs';
import { logisticLoss, type LogisticProblem } from './logistic-loss';
import { minimiseNewton } from './newton';
import { trainLogistic } from './logistic-regression';

function problem(l2: number): LogisticProblem {
  const random = mulberry32(4);
  const rows = Array.from({ length: 400 }, () => ({ index: [0, 1, 2 + Math.floor(random() * 3)], value: [random() * 2 - 1, random() < 0.3 ? 1 : 0, 1] }));
  const labels = Uint8Array.from(rows, (r) => (random() < 1 / (1 + Math.exp(-(2 * r.value[0] - r.value[1] + (r.index[2] === 4 ? 1 : 0)))) ? 1 : 0));

  return { x: sparseFromRows(5, rows), labels, weights: new Float64Array(400).fill(1 / 400), l2 };
}

describe('logistic regression solvers', () => {
  it('Newton and L-BFGS reach the same penalised optimum, where the gradient vanishes', () => {
    const p = problem(1e-3);
    const newton = minimiseNewton(p, new Float64Array(6), 50);
    const lbfgs = minimiseLbfgs((t, g) => logisticLoss(p, t, g), new Float64Array(6), { maxIterations: 500, tolerance: 1e-9 });
    newton.forEach((v, i) => expect(v).toBeCloseTo(lbfgs[i], 4));
    const gradient = new Float64Array(6);
    logisticLoss(p, newton, gradient);
    gradient.forEach((g) => expect(Math.abs(g)).toBeLessThan(1e-8));
  });

  it('recovers the direction of the effects and shrinks them under a stronger penalty', () => {
    const { x, labels } = problem(0);
    const weak = trainLogistic(x, labels, { l2: 1e-4 });
    const strong = trainLogistic(x, labels, { l2: 1 });
    expect(weak.weights[0]).toBeGreaterThan(1);
    expect(weak.weights[1]).toBeLessThan(0);
    expect(Math.abs(strong.weights[0])).toBeLessThan(Math.abs(weak.weights[0]) / 3);
  });

  it('weights rows: balanced class weights move the intercept towards the rare class', () => {
    const { x, labels } = problem(0);
    const positives = labels.reduce((s, y) => s + y, 0);
    const weights = Float64Array.from(labels, (y) => (y ? labels.length / positives : labels.length / (labels.length - positives)));
    const plain = trainLogistic(x, labels, { l2: 1e-3 });
    const weighted = trainLogistic(x, labels, { l2: 1e-3, sampleWeights: weights });
    expect(Math.sign(weighted.intercept - plain.intercept)).toBe(positives < labels.length / 2 ? 1 : -1);
  });
});
