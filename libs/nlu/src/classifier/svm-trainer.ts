import type { SparseVector } from './feature-space';
import { mulberry32, shuffleInPlace } from '@parley/core';

export interface SvmOptions {
  /** Inverse regularisation strength of the L2-loss SVM. */
  cost: number;
  maxPasses: number;
  /** Stop when the projected-gradient spread of a pass falls below this (liblinear's criterion). */
  tolerance: number;
  seed: number;
}

export const DEFAULT_SVM_OPTIONS: SvmOptions = { cost: 1, maxPasses: 50, tolerance: 0.1, seed: 1 };

export interface LinearWeights {
  /** Feature-major: the scores of feature f for every class are weights[f * classes .. + classes). */
  weights: Float32Array;
  bias: Float32Array;
}

/**
 * One-vs-rest L2-regularised L2-loss linear SVMs, each trained by dual coordinate descent with
 * shrinking (Hsieh et al. 2008, as in liblinear). A constant feature of 1 stands in for the bias.
 */
export function trainSvm(vectors: SparseVector[], labels: Int32Array, classes: number, features: number, options: SvmOptions): LinearWeights {
  const random = mulberry32(options.seed);
  const weights = new Float32Array(features * classes);
  const bias = new Float32Array(classes);
  const diagonal = 1 / (2 * options.cost);
  const rows = packRows(vectors);
  const curvature = vectors.map((v) => squaredNorm(v) + 1 + diagonal);
  const w = new Float64Array(features + 1);
  for (let c = 0; c < classes; c++) {
    solveClass(rows, labels, c, w, curvature, diagonal, options, random);
    for (let f = 0; f < features; f++) weights[f * classes + c] = w[f];
    bias[c] = w[features];
  }

  return { weights, bias };
}

/** All vectors in three flat arrays (compressed sparse rows): the inner loops then read memory in order. */
interface Rows {
  start: Int32Array;
  index: Int32Array;
  value: Float64Array;
}

function packRows(vectors: SparseVector[]): Rows {
  const start = new Int32Array(vectors.length + 1);
  vectors.forEach((v, i) => (start[i + 1] = start[i] + v.index.length));
  const index = new Int32Array(start[vectors.length]);
  const value = new Float64Array(start[vectors.length]);
  vectors.forEach((v, i) => {
    index.set(v.index, start[i]);
    value.set(v.value, start[i]);
  });

  return { start, index, value };
}

function solveClass(
  rows: Rows,
  labels: Int32Array,
  c: number,
  w: Float64Array,
  curvature: number[],
  diagonal: number,
  options: SvmOptions,
  random: () => number,
): void {
  const n = labels.length;
  const b = w.length - 1;
  const { start, index, value } = rows;
  const alpha = new Float64Array(n);
  const order = Int32Array.from(labels.keys());
  w.fill(0);
  let active = n;
  let bound = Infinity;
  for (let pass = 0; pass < options.maxPasses; pass++) {
    shuffleInPlace(order.subarray(0, active), random);
    let max = -Infinity;
    let min = Infinity;
    for (let s = 0; s < active; ) {
      const i = order[s];
      const y = labels[i] === c ? 1 : -1;
      const from = start[i];
      const to = start[i + 1];
      let margin = w[b];
      for (let k = from; k < to; k++) margin += w[index[k]] * value[k];
      const gradient = y * margin - 1 + diagonal * alpha[i];
      // Well-classified texts at alpha 0 leave the active set until the final full pass.
      if (alpha[i] === 0 && gradient > bound) {
        active--;
        order[s] = order[active];
        order[active] = i;
        continue;
      }
      const projected = alpha[i] === 0 ? Math.min(gradient, 0) : gradient;
      max = Math.max(max, projected);
      min = Math.min(min, projected);
      if (projected !== 0) {
        const previous = alpha[i];
        alpha[i] = Math.max(previous - gradient / curvature[i], 0);
        const step = (alpha[i] - previous) * y;
        for (let k = from; k < to; k++) w[index[k]] += step * value[k];
        w[b] += step;
      }
      s++;
    }
    if (max - min <= options.tolerance) {
      if (active === n) return;
      active = n;
      bound = Infinity;
      continue;
    }
    bound = max <= 0 ? Infinity : max;
  }
}

function squaredNorm(vector: SparseVector): number {
  let sum = 0;
  for (const v of vector.value) sum += v * v;

  return sum;
}
