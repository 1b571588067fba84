import type { ColumnEncoding } from '../features/column-encoding';
import type { Tree } from '../gbdt/tree';
import type { ColumnSpec } from '../table/dataset';

export const LEAD_MODEL_FORMAT = 'parley.lead-model';
export const LEAD_MODEL_VERSION = 1;

/**
 * The predictive score: an L2 logistic regression on one-hot and binned features and a small
 * gradient-boosted tree ensemble, stacked by a two-input logistic regression fitted on
 * out-of-fold margins (which also recalibrates the class-weighted models). Plain JSON.
 */
export interface LeadModel {
  format: typeof LEAD_MODEL_FORMAT;
  version: typeof LEAD_MODEL_VERSION;
  target: string;
  positive: string;
  columns: ColumnSpec[];
  encodings: ColumnEncoding[];
  linear: {
    bins: boolean;
    weights: number[];
    intercept: number;
    /** Mean of every feature in training: reasons are contributions relative to an average lead. */
    means: number[];
    l2: number;
  };
  trees?: {
    edges: number[][];
    base: number;
    trees: Tree[];
  };
  /** Final log-odds = linear * linear margin + trees * tree margin + intercept. */
  stack: { linear: number; trees: number; intercept: number };
}

export interface ModelOptions {
  seed: number;
  /** Folds of the internal cross-validation that chooses L2, the tree count and the stack (training split only). */
  folds: number;
  l2Grid: number[];
  classWeight: 'balanced' | 'none';
  /** Categories seen fewer times than this become `other`. */
  minCount: number;
  linearBins: number;
  treeBins: number;
  /** Upper bound on the tree count; the count itself is chosen by cross-validation. */
  maxTrees: number;
  learningRate: number;
  maxDepth: number;
  /** Fit the tree ensemble; without it the model is the logistic regression alone. */
  trees: boolean;
}

export const DEFAULT_MODEL_OPTIONS: ModelOptions = {
  seed: 1,
  folds: 5,
  l2Grid: [3e-2, 1e-2, 3e-3, 1e-3, 3e-4],
  classWeight: 'balanced',
  minCount: 10,
  linearBins: 10,
  treeBins: 64,
  maxTrees: 500,
  learningRate: 0.1,
  maxDepth: 3,
  trees: true,
};

/** Trees are added to the validation curve in steps of this many. */
export const TREE_CHECKPOINT = 10;
/** A fold stops boosting after this many checkpoints without a better validation loss. */
export const TREE_PATIENCE = 5;
