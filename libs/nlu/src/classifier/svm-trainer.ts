import type { SparseVector } from './feature-space';
import { mulberry32, shuffleInPlace } from './prng';

export interface SvmOptions {
  /** Inverse regularisation strength of the L2-loss SVM. */
  cost: number;
  maxPasses: number;
  /** Stop when the projected-gradient spread of a pass falls below this (liblinear's criterion). */
  tolerance: number;
  seed: number;
}

export const DEFAULT_SVM_OPTIONS: SvmOptions = { cost: 1, maxPasses: 10, tolerance: 0.1, seed: 1 };

export interface LinearWeights {
  /** Feature-major: the scores of feature f for every class are weights[f * classes .. + classes). */
  weights: Float32Array;
  bias: Float32Array;
}

/**
 * One-vs-rest L2-regularised L2-loss linear SVMs, each trained by dual coordinate descent
 * (Hsieh et al. 2008, as in liblinear). A constant feature of 1 stands in for the bias.
 */
export function trainSvm(vectors: SparseVector[], labels: Int32Array, classes: number, features: number, options: SvmOptions): LinearWeights {
  const random = mulberry32(options.seed);
  const weights = new Float32Array(features * classes);
  const bias = new Float32Array(classes);
  const w = new Float64Array(features);
  const alpha = new Float64Array(vectors.length);
  const order = Int32Array.from(vectors.keys());
  const diagonal = 1 / (2 * options.cost);
  const curvature = vectors.map((v) => squaredNorm(v) + 1 + diagonal);
  for (let c = 0; c < classes; c++) {
    w.fill(0);
    alpha.fill(0);
    let b = 0;
    for (let pass = 0; pass < options.maxPasses; pass++) {
      shuffleInPlace(order, random);
      let maxGradient = -Infinity;
      let minGradient = Infinity;
      for (const i of order) {
        const { index, value } = vectors[i];
        const y = labels[i] === c ? 1 : -1;
        let margin = b;
        for (let k = 0; k < index.length; k++) margin += w[index[k]] * value[k];
        const gradient = y * margin - 1 + diagonal * alpha[i];
        const projected = alpha[i] === 0 ? Math.min(gradient, 0) : gradient;
        maxGradient = Math.max(maxGradient, projected);
        minGradient = Math.min(minGradient, projected);
        if (projected === 0) continue;
        const previous = alpha[i];
        alpha[i] = Math.max(previous - gradient / curvature[i], 0);
        const step = (alpha[i] - previous) * y;
        for (let k = 0; k < index.length; k++) w[index[k]] += step * value[k];
        b += step;
      }
      if (maxGradient - minGradient <= options.tolerance) break;
    }
    for (let f = 0; f < features; f++) weights[f * classes + c] = w[f];
    bias[c] = b;
  }

  return { weights, bias };
}

function squaredNorm(vector: SparseVector): number {
  let sum = 0;
  for (const v of vector.value) sum += v * v;

  return sum;
}
